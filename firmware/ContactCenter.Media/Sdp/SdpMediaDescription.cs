using System.Globalization;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// What negotiation reads from one media description (RFC 8866 §5.14, §6): the <c>m=</c> fields, the connection
/// address in force (media-level, else session-level), rtpmap and fmtp by payload type, ptime, direction and RTCP port.
/// Attributes the engine does not use (ICE candidates, crypto, rtcp-fb, ssrc…) are ignored.
/// </summary>
internal sealed class SdpMediaDescription
{
    private SdpMediaDescription(string media, int port, string proto, string[] formats)
    {
        Media = media;
        Port = port;
        Proto = proto;
        Formats = formats;
    }

    public string Media { get; }

    public int Port { get; }

    public string Proto { get; }

    /// <summary>The format list of the <c>m=</c> line, in the offerer's order of preference (RFC 3264 §5.1).</summary>
    public string[] Formats { get; }

    public string? ConnectionAddress { get; private set; }

    public Dictionary<int, SdpRtpMap> RtpMaps { get; } = [];

    public Dictionary<int, string> Fmtps { get; } = [];

    public int? Ptime { get; private set; }

    public SdpDirection Direction { get; private set; }

    public int? RtcpPort { get; private set; }

    public string? RtcpAddress { get; private set; }

    /// <summary>Reads media description <paramref name="index"/> of <paramref name="message"/> (already validated by the parser).</summary>
    public static SdpMediaDescription Read(SdpMessage message, int index)
    {
        var lines = message.Lines;
        var (start, end) = message.MediaRange(index);
        bool valid = SdpGrammar.TryParseMedia(lines[start].Value, out var media, out int port, out var rest);
        System.Diagnostics.Debug.Assert(valid, "SdpMessage.TryParse validated every m= line.");
        var fields = rest.Split(' ');
        var description = new SdpMediaDescription(media, port, fields[0], fields[1..]);

        SdpDirection? sessionDirection = null;
        for (int i = 0; i < message.SessionEnd; i++)
        {
            var line = lines[i];
            if (line.Type == 'c' && SdpGrammar.TryParseConnection(line.Value, out _, out var address))
            {
                description.ConnectionAddress = address;
            }
            else if (line.Type == 'a')
            {
                sessionDirection = SdpGrammar.ParseDirection(line.Value) ?? sessionDirection;
            }
        }

        SdpDirection? mediaDirection = null;
        for (int i = start + 1; i < end; i++)
        {
            var line = lines[i];
            if (line.Type == 'c' && SdpGrammar.TryParseConnection(line.Value, out _, out var address))
            {
                description.ConnectionAddress = address;
            }
            else if (line.Type == 'a')
            {
                mediaDirection = SdpGrammar.ParseDirection(line.Value) ?? mediaDirection;
                description.ReadAttribute(line.Value);
            }
        }

        description.Direction = mediaDirection ?? sessionDirection ?? SdpDirection.SendRecv;
        return description;
    }

    private void ReadAttribute(string attribute)
    {
        var (name, value) = SdpGrammar.SplitAttribute(attribute);
        if (value is null)
        {
            return;
        }

        switch (name)
        {
            case "rtpmap":
                if (TrySplitPayloadType(value, out int type, out var map) && TryParseRtpMap(map, out var rtpMap))
                {
                    RtpMaps.TryAdd(type, rtpMap);
                }

                break;
            case "fmtp":
                if (TrySplitPayloadType(value, out type, out var parameters))
                {
                    Fmtps.TryAdd(type, parameters.Trim());
                }

                break;
            case "ptime":
                if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int ptime) && ptime > 0)
                {
                    Ptime = ptime;
                }

                break;
            case "rtcp":
                if (SdpGrammar.TryParseRtcp(value, out int rtcpPort, out var rtcpAddress))
                {
                    RtcpPort = rtcpPort;
                    RtcpAddress = rtcpAddress;
                }

                break;
        }
    }

    private static bool TrySplitPayloadType(string value, out int payloadType, out string rest)
    {
        int space = value.IndexOf(' ', StringComparison.Ordinal);
        rest = space < 0 ? string.Empty : value[(space + 1)..];
        return int.TryParse(space < 0 ? value : value[..space], NumberStyles.None, CultureInfo.InvariantCulture, out payloadType)
            && payloadType <= 127 && space > 0;
    }

    private static bool TryParseRtpMap(string value, out SdpRtpMap map)
    {
        map = default;
        var parts = value.Trim().Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int clockRate))
        {
            return false;
        }

        int channels = 1;
        if (parts.Length == 3 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out channels))
        {
            return false;
        }

        map = new SdpRtpMap(parts[0], clockRate, channels);
        return true;
    }
}
