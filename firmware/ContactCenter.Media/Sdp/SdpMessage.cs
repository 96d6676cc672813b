using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// An SDP body as an ordered list of lines (RFC 8866 §5), enough to anchor media: every line is kept exactly as
/// received and in order, and only the lines <see cref="SdpRewriter"/> rewrites change. Line endings are written as
/// CRLF; lines ending in a bare LF are accepted (RFC 8866 §5 asks parsers to be tolerant) and blank lines are skipped.
/// Immutable once parsed.
/// </summary>
public sealed class SdpMessage
{
    /// <summary>The largest body accepted, in characters.</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>The most lines accepted.</summary>
    public const int MaxLines = 1024;

    private readonly SdpLine[] _lines;
    private readonly int[] _mediaStarts;

    private SdpMessage(SdpLine[] lines, int[] mediaStarts)
    {
        _lines = lines;
        _mediaStarts = mediaStarts;
    }

    /// <summary>All lines, in order.</summary>
    public IReadOnlyList<SdpLine> Lines => _lines;

    /// <summary>How many media descriptions (<c>m=</c> lines) the body has.</summary>
    public int MediaCount => _mediaStarts.Length;

    /// <summary>Parses a UTF-8 body (as carried by a SIP message).</summary>
    /// <param name="utf8">The body.</param>
    /// <param name="message">The parsed body.</param>
    /// <param name="error">Why it was refused.</param>
    /// <returns>Whether the body is usable SDP.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out SdpMessage? message, out SdpParseError error)
    {
        if (utf8.Length > MaxLength)
        {
            message = null;
            error = new SdpParseError(SdpParseStatus.TooLarge, 0);
            return false;
        }

        return TryParse(Encoding.UTF8.GetString(utf8), out message, out error);
    }

    /// <summary>Parses a body. Never throws on malformed input.</summary>
    /// <param name="text">The body.</param>
    /// <param name="message">The parsed body.</param>
    /// <param name="error">Why it was refused.</param>
    /// <returns>Whether the body is usable SDP.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out SdpMessage? message, out SdpParseError error)
    {
        ArgumentNullException.ThrowIfNull(text);
        message = null;
        if (text.Length > MaxLength)
        {
            error = new SdpParseError(SdpParseStatus.TooLarge, 0);
            return false;
        }

        var lines = new List<SdpLine>();
        var mediaStarts = new List<int>();
        int lineNumber = 0;
        bool seenOrigin = false;
        bool sessionConnection = false;
        bool mediaConnection = true;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (line.Length == 0)
            {
                continue;
            }

            if (lines.Count == MaxLines)
            {
                error = new SdpParseError(SdpParseStatus.TooLarge, lineNumber);
                return false;
            }

            if (line.Length < 2 || !char.IsAsciiLetterLower(line[0]) || line[1] != '=' || line.Any(c => char.IsControl(c) && c != '\t'))
            {
                error = new SdpParseError(SdpParseStatus.MalformedLine, lineNumber);
                return false;
            }

            var entry = new SdpLine(line[0], line[2..]);
            var status = lines.Count == 0
                ? (entry.Type == 'v' && entry.Value == "0" ? SdpParseStatus.Ok : SdpParseStatus.BadVersion)
                : Check(entry, mediaStarts.Count > 0, ref seenOrigin);
            if (status != SdpParseStatus.Ok)
            {
                error = new SdpParseError(status, lineNumber);
                return false;
            }

            if (entry.Type == 'm')
            {
                if (!mediaConnection && !sessionConnection)
                {
                    error = new SdpParseError(SdpParseStatus.MissingConnection, lineNumber);
                    return false;
                }

                mediaStarts.Add(lines.Count);
                mediaConnection = false;
            }
            else if (entry.Type == 'c')
            {
                if (mediaStarts.Count == 0)
                {
                    sessionConnection = true;
                }
                else
                {
                    mediaConnection = true;
                }
            }

            lines.Add(entry);
        }

        if (lines.Count == 0)
        {
            error = new SdpParseError(SdpParseStatus.Empty, 0);
            return false;
        }

        if (!seenOrigin)
        {
            error = new SdpParseError(SdpParseStatus.BadOrigin, 0);
            return false;
        }

        if (!mediaConnection && !sessionConnection)
        {
            error = new SdpParseError(SdpParseStatus.MissingConnection, lineNumber);
            return false;
        }

        message = new SdpMessage([.. lines], [.. mediaStarts]);
        error = default;
        return true;
    }

    /// <summary>
    /// Reads where the peer receives the first audio stream (the one the relay anchors): address, ports, direction,
    /// hold and rtcp-mux. Returns <see langword="false"/> when there is no audio stream or its connection address is
    /// not an IP literal (a host name is not resolved here).
    /// </summary>
    /// <param name="endpoint">What the peer declared.</param>
    /// <returns>Whether an audio stream was found and understood.</returns>
    public bool TryGetAudioEndpoint([NotNullWhen(true)] out SdpMediaEndpoint? endpoint)
    {
        endpoint = null;
        int index = AnchoredMediaIndex;
        if (index < 0)
        {
            return false;
        }

        var (start, end) = MediaRange(index);
        if (!SdpGrammar.TryParseMedia(_lines[start].Value, out _, out int port, out _))
        {
            return false;
        }

        string? address = null;
        SdpDirection? sessionDirection = null;
        for (int i = 1; i < _mediaStarts[0]; i++)
        {
            if (_lines[i].Type == 'c' && SdpGrammar.TryParseConnection(_lines[i].Value, out _, out var sessionAddress))
            {
                address = sessionAddress;
            }
            else if (_lines[i].Type == 'a')
            {
                sessionDirection = SdpGrammar.ParseDirection(_lines[i].Value) ?? sessionDirection;
            }
        }

        SdpDirection? mediaDirection = null;
        string? rtcpValue = null;
        bool mux = false;
        for (int i = start + 1; i < end; i++)
        {
            var line = _lines[i];
            if (line.Type == 'c' && SdpGrammar.TryParseConnection(line.Value, out _, out var mediaAddress))
            {
                address = mediaAddress;
            }
            else if (line.Type == 'a')
            {
                var (name, value) = SdpGrammar.SplitAttribute(line.Value);
                mediaDirection = SdpGrammar.ParseDirection(line.Value) ?? mediaDirection;
                if (name == "rtcp" && value is not null)
                {
                    rtcpValue = value;
                }
                else if (name == "rtcp-mux")
                {
                    mux = true;
                }
            }
        }

        if (!IPAddress.TryParse(address, out var ip))
        {
            return false;
        }

        var rtp = new IPEndPoint(ip, port);
        var rtcp = new IPEndPoint(ip, port is > 0 and < IPEndPoint.MaxPort ? port + 1 : 0);
        if (rtcpValue is not null && SdpGrammar.TryParseRtcp(rtcpValue, out int rtcpPort, out var rtcpAddress))
        {
            rtcp = new IPEndPoint(rtcpAddress is not null && IPAddress.TryParse(rtcpAddress, out var rtcpIp) ? rtcpIp : ip, rtcpPort);
        }

        bool hold = SdpGrammar.IsHoldAddress(ip);
        endpoint = new SdpMediaEndpoint(index, rtp, rtcp, mediaDirection ?? sessionDirection ?? SdpDirection.SendRecv, hold, port == 0, mux);
        return true;
    }

    /// <summary>The body with CRLF line endings (RFC 8866 §5).</summary>
    /// <returns>The SDP text.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var line in _lines)
        {
            builder.Append(line.Type).Append('=').Append(line.Value).Append("\r\n");
        }

        return builder.ToString();
    }

    /// <summary>The body as UTF-8 bytes, ready for a SIP message.</summary>
    /// <returns>The encoded body.</returns>
    public byte[] ToUtf8Bytes() => Encoding.UTF8.GetBytes(ToString());

    /// <summary>The index of the first <c>m=audio</c> stream, the one the relay anchors; -1 when there is none.</summary>
    internal int AnchoredMediaIndex
    {
        get
        {
            for (int i = 0; i < _mediaStarts.Length; i++)
            {
                if (_lines[_mediaStarts[i]].Value.StartsWith("audio ", StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>The line range [start, end) of a media description, starting at its <c>m=</c> line.</summary>
    internal (int Start, int End) MediaRange(int index) =>
        (_mediaStarts[index], index + 1 < _mediaStarts.Length ? _mediaStarts[index + 1] : _lines.Length);

    /// <summary>The index of the first <c>m=</c> line, or the line count when there is none.</summary>
    internal int SessionEnd => _mediaStarts.Length > 0 ? _mediaStarts[0] : _lines.Length;

    private static SdpParseStatus Check(SdpLine line, bool inMedia, ref bool seenOrigin)
    {
        switch (line.Type)
        {
            case 'v':
                return SdpParseStatus.BadVersion;
            case 'o':
                if (seenOrigin || inMedia || !SdpGrammar.IsValidOrigin(line.Value))
                {
                    return SdpParseStatus.BadOrigin;
                }

                seenOrigin = true;
                return SdpParseStatus.Ok;
            case 'c':
                return SdpGrammar.TryParseConnection(line.Value, out _, out _) ? SdpParseStatus.Ok : SdpParseStatus.BadConnection;
            case 'm':
                if (!seenOrigin)
                {
                    return SdpParseStatus.BadOrigin;
                }

                return SdpGrammar.TryParseMedia(line.Value, out _, out _, out _) ? SdpParseStatus.Ok : SdpParseStatus.BadMedia;
            default:
                return SdpParseStatus.Ok;
        }
    }
}
