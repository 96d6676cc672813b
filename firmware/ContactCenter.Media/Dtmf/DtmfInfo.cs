using System.Globalization;
using System.Text;

namespace ContactCenter.Media.Dtmf;

/// <summary>
/// Reads the key press carried by a SIP INFO body. Two formats are in use (neither is an RFC; both come from vendors):
/// <c>application/dtmf-relay</c> (Cisco's, sent by most desk phones: <c>Signal=5</c> and <c>Duration=160</c> lines) and
/// <c>application/dtmf</c> (the key alone, or its RFC 4733 event code). Parsing is tolerant of case, spaces, tabs and
/// any line ending, and never throws: anything malformed is refused.
/// </summary>
public static class DtmfInfo
{
    /// <summary>The Cisco-style relay body type.</summary>
    public const string DtmfRelayContentType = "application/dtmf-relay";

    /// <summary>The bare-digit body type.</summary>
    public const string DtmfContentType = "application/dtmf";

    /// <summary>The longest press accepted in a Duration line (a minute); more is taken for garbage.</summary>
    private const int MaxDurationMilliseconds = 60_000;

    /// <summary>Reads the digit of a SIP INFO body.</summary>
    /// <param name="contentType">The Content-Type header value; parameters after <c>;</c> are ignored.</param>
    /// <param name="body">The message body (ASCII).</param>
    /// <param name="digit">The key press, with <see cref="DtmfSource.SipInfo"/> and the Duration when one was given.</param>
    /// <returns>False for another content type or a malformed body.</returns>
    public static bool TryParse(ReadOnlySpan<char> contentType, ReadOnlySpan<byte> body, out DtmfDigit digit)
    {
        int semicolon = contentType.IndexOf(';');
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        if (mediaType.Equals(DtmfRelayContentType, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseRelay(body, out digit);
        }

        if (mediaType.Equals(DtmfContentType, StringComparison.OrdinalIgnoreCase) && TryParseSignal(Trim(body), out char key))
        {
            digit = new DtmfDigit(key, 0, DtmfSource.SipInfo);
            return true;
        }

        digit = default;
        return false;
    }

    private static bool TryParseRelay(ReadOnlySpan<byte> body, out DtmfDigit digit)
    {
        digit = default;
        char key = '\0';
        int duration = 0;
        bool hasDuration = false;
        while (!body.IsEmpty)
        {
            int eol = body.IndexOfAny((byte)'\r', (byte)'\n');
            var line = Trim(eol < 0 ? body : body[..eol]);
            body = eol < 0 ? default : body[(eol + 1)..];
            if (line.IsEmpty)
            {
                continue;
            }

            int equals = line.IndexOf((byte)'=');
            if (equals < 0)
            {
                return false;
            }

            var name = Trim(line[..equals]);
            var value = Trim(line[(equals + 1)..]);
            if (Ascii.EqualsIgnoreCase(name, "Signal"u8))
            {
                if (key != '\0' || !TryParseSignal(value, out key))
                {
                    return false;
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "Duration"u8))
            {
                if (hasDuration
                    || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out duration)
                    || duration > MaxDurationMilliseconds)
                {
                    return false;
                }

                hasDuration = true;
            }
        }

        if (key == '\0')
        {
            return false;
        }

        digit = new DtmfDigit(key, duration, DtmfSource.SipInfo);
        return true;
    }

    /// <summary>A key character (letters in either case), or an event code 0–15 (some phones send 10 and 11 for * and #).</summary>
    private static bool TryParseSignal(ReadOnlySpan<byte> value, out char key)
    {
        key = '\0';
        if (value.Length == 1 && value[0] is (byte)'*' or (byte)'#' or (>= (byte)'A' and <= (byte)'D') or (>= (byte)'a' and <= (byte)'d'))
        {
            key = char.ToUpperInvariant((char)value[0]);
            return true;
        }

        if (value.Length is < 1 or > 2 || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int code) || code >= DtmfDigit.Keys.Length)
        {
            return false;
        }

        key = DtmfDigit.Keys[code];
        return true;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text) => text[Ascii.Trim(text)];
}
