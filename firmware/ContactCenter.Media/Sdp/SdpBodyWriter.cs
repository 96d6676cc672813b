using System.Globalization;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Sdp;

/// <summary>Writes the SDP bodies of own endpoints (RFC 8866 §5 field order), stamping the origin last.</summary>
internal sealed class SdpBodyWriter
{
    /// <summary>The RFC 4733 encoding name.</summary>
    public const string TelephoneEvent = "telephone-event";

    private readonly StringBuilder _body = new();

    public SdpBodyWriter(SdpLocalMedia local, string timing)
    {
        string addressType = local.Address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        Line('s', "-");
        Line('c', $"IN {addressType} {local.Address}");
        Line('t', timing);
    }

    /// <summary>An accepted or offered audio stream.</summary>
    public void Audio(SdpLocalMedia local, IEnumerable<(int PayloadType, AudioCodec Codec)> codecs, int? telephoneEvent, ushort events, SdpDirection direction)
    {
        var list = codecs.ToList();
        var formats = string.Join(' ', list.Select(c => c.PayloadType.ToString(CultureInfo.InvariantCulture)));
        if (telephoneEvent is { } te)
        {
            formats += string.Create(CultureInfo.InvariantCulture, $" {te}");
        }

        Line('m', string.Create(CultureInfo.InvariantCulture, $"audio {local.RtpPort} RTP/AVP {formats}"));
        if (local.RtcpPort != local.RtpPort + 1)
        {
            Line('a', string.Create(CultureInfo.InvariantCulture, $"rtcp:{local.RtcpPort}"));
        }

        foreach (var (payloadType, codec) in list)
        {
            Line('a', string.Create(CultureInfo.InvariantCulture, $"rtpmap:{payloadType} {codec.EncodingName}/{codec.ClockRate}"));
        }

        if (telephoneEvent is { } pt)
        {
            Line('a', string.Create(CultureInfo.InvariantCulture, $"rtpmap:{pt} {TelephoneEvent}/8000"));
            Line('a', string.Create(CultureInfo.InvariantCulture, $"fmtp:{pt} {SdpTelephoneEvents.Format(events)}"));
        }

        // RFC 3264 §6.1 / RFC 8866 §6.4: the packetisation we would like to receive; the engine ticks 20 ms frames.
        Line('a', string.Create(CultureInfo.InvariantCulture, $"ptime:{Clock.MediaFrame.DurationMilliseconds}"));
        Line('a', direction.ToAttribute());
    }

    /// <summary>A refused stream: port 0, the offer's media, proto and formats (RFC 3264 §6).</summary>
    public void Rejected(SdpMediaDescription offered) =>
        Line('m', $"{offered.Media} 0 {offered.Proto} {string.Join(' ', offered.Formats)}");

    /// <summary>The body, with <c>v=</c> and the origin stamped on everything else (RFC 3264 §8 versioning).</summary>
    public string Finish(SdpOrigin origin)
    {
        string content = _body.ToString();
        return $"v=0\r\no={origin.Stamp(content)}\r\n{content}";
    }

    private void Line(char type, string value) => _body.Append(type).Append('=').Append(value).Append("\r\n");
}
