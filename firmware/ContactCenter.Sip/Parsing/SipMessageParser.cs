using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Parsing;

/// <summary>
/// Parses one SIP message (a UDP datagram, or one message cut from a stream by the framer) per
/// RFC 3261 §7 and §25. Never throws on network input: the outcome is a <see cref="SipParseResult"/>.
/// Limits are checked before anything is copied.
/// </summary>
public static partial class SipMessageParser
{
    private const int InitialHeaderCapacity = 32;

    /// <summary>Parses <paramref name="data"/> with the default limits.</summary>
    public static SipParseResult TryParse(ReadOnlySpan<byte> data, out SipMessage? message) =>
        TryParse(data, SipParseLimits.Default, out message);

    /// <summary>
    /// Parses <paramref name="data"/>. On <see cref="SipParseStatus.Ok"/> and <see cref="SipParseStatus.Invalid"/>
    /// <paramref name="message"/> is set (an invalid request still carries what a 400 response needs to copy);
    /// otherwise it is null.
    /// </summary>
    public static SipParseResult TryParse(ReadOnlySpan<byte> data, SipParseLimits limits, out SipMessage? message)
    {
        message = null;
        if (data.Length > limits.MaxMessageSize)
        {
            return SipParseResult.TooLarge("Message Too Large");
        }
        // RFC 3261 §7.5: CRLFs before the start line are ignored.
        var skip = 0;
        while (skip < data.Length && data[skip] is (byte)'\r' or (byte)'\n')
        {
            skip++;
        }
        data = data[skip..];
        if (data.IsEmpty)
        {
            return SipParseResult.Unreadable("empty message");
        }

        var firstLf = data.IndexOf((byte)'\n');
        var startLine = TrimCr(firstLf < 0 ? data : data[..firstLf]);
        if (startLine.Length > limits.MaxLineLength)
        {
            return SipParseResult.TooLarge("Start line too long");
        }
        var startResult = ParseStartLine(startLine, out var start);
        if (startResult.Status == SipParseStatus.Unreadable)
        {
            return startResult;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(data.Length);
        data.CopyTo(buffer);
        var headers = ArrayPool<SipMessage.HeaderEntry>.Shared.Rent(InitialHeaderCapacity);
        var headerResult = ParseHeaders(buffer.AsSpan(0, data.Length), firstLf < 0 ? data.Length : firstLf + 1, limits, ref headers, out var headerCount, out var bodyStart);
        if (headerResult.Status is SipParseStatus.Unreadable or SipParseStatus.TooLarge)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<SipMessage.HeaderEntry>.Shared.Return(headers);
            return headerResult;
        }

        var bodyLength = data.Length - bodyStart;
        var bodyResult = headerResult.IsOk
            ? CheckContentLength(buffer.AsSpan(0, data.Length), headers.AsSpan(0, headerCount), ref bodyLength)
            : headerResult;
        message = new SipMessage(buffer, data.Length, start, headers, headerCount, bodyStart, bodyLength);
        if (!bodyResult.IsOk)
        {
            return bodyResult;
        }
        if (!startResult.IsOk)
        {
            return startResult;
        }
        return Validate(message, limits);
    }

    private static SipParseResult ParseStartLine(ReadOnlySpan<byte> line, out SipMessage.StartLine start)
    {
        start = default;
        if (line.StartsWith("SIP/"u8))
        {
            return ParseStatusLine(line, out start);
        }

        // Request-Line = Method SP Request-URI SP SIP-Version (§7.1): exactly two single spaces.
        var firstSp = line.IndexOf((byte)' ');
        var lastSp = line.LastIndexOf((byte)' ');
        var methodToken = firstSp < 0 ? line : line[..firstSp];
        if (methodToken.IsEmpty || methodToken.IndexOfAnyExcept(SipCharacters.Token) >= 0 || line.IndexOf("SIP/"u8) < 0)
        {
            return SipParseResult.Unreadable("not a SIP start line");
        }
        var method = SipMethods.FromToken(methodToken);
        start = new SipMessage.StartLine { IsRequest = true, Method = method, MethodName = SipMethods.Intern(methodToken, method) };
        if (firstSp == lastSp || line[(firstSp + 1)..lastSp].IndexOfAny(SipCharacters.Whitespace) >= 0)
        {
            return SipParseResult.Bad("Malformed Request-Line");
        }
        var uri = line[(firstSp + 1)..lastSp];
        var version = line[(lastSp + 1)..];
        start = start with { UriStart = firstSp + 1, UriLength = uri.Length };
        if (uri.IsEmpty || !LooksLikeAbsoluteUri(uri))
        {
            return SipParseResult.Bad("Malformed Request-URI");
        }
        return CheckVersion(version);
    }

    private static SipParseResult ParseStatusLine(ReadOnlySpan<byte> line, out SipMessage.StartLine start)
    {
        start = default;
        // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase (§7.2); tolerate a missing final SP when the phrase is empty.
        var firstSp = line.IndexOf((byte)' ');
        if (firstSp < 0)
        {
            return SipParseResult.Unreadable("not a SIP status line");
        }
        var rest = line[(firstSp + 1)..];
        var codeEnd = rest.IndexOf((byte)' ');
        var code = codeEnd < 0 ? rest : rest[..codeEnd];
        if (code.Length != 3 || code.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return SipParseResult.Unreadable("malformed Status-Code");
        }
        var status = ((code[0] - '0') * 100) + ((code[1] - '0') * 10) + (code[2] - '0');
        if (status is < 100 or > 699)
        {
            return SipParseResult.Unreadable("Status-Code out of range");
        }
        var reasonStart = codeEnd < 0 ? line.Length : firstSp + 1 + codeEnd + 1;
        start = new SipMessage.StartLine
        {
            IsRequest = false,
            MethodName = "",
            StatusCode = status,
            ReasonStart = reasonStart,
            ReasonLength = line.Length - reasonStart,
        };
        var version = CheckVersion(line[..firstSp]);
        return version.IsOk ? version : SipParseResult.Unreadable(version.Reason);
    }

    // §7.1: the version is case-insensitive; anything but 2.0 gets 505 (§8.2.3... RFC 4475 §3.3.14).
    private static SipParseResult CheckVersion(ReadOnlySpan<byte> version)
    {
        if (Ascii.EqualsIgnoreCase(version, "SIP/2.0"u8))
        {
            return SipParseResult.Ok;
        }
        if (version.Length > 4 && Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8))
        {
            var number = version[4..];
            var dot = number.IndexOf((byte)'.');
            if (dot > 0 && dot < number.Length - 1 && number[..dot].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
                && number[(dot + 1)..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0)
            {
                return new SipParseResult(SipParseStatus.Invalid, 505, "Version Not Supported");
            }
        }
        return SipParseResult.Bad("Malformed SIP-Version");
    }

    // §19.1.1 / RFC 3986: scheme ":" ... — enough to tell a URI from "<sip:...>" or junk; the URI grammar itself is SipUri's.
    private static bool LooksLikeAbsoluteUri(ReadOnlySpan<byte> uri)
    {
        var colon = uri.IndexOf((byte)':');
        if (colon <= 0 || !char.IsAsciiLetter((char)uri[0]))
        {
            return false;
        }
        return uri[..colon].IndexOfAnyExcept(SipCharacters.SchemeChars) < 0 && colon < uri.Length - 1;
    }

    private static SipParseResult ParseHeaders(ReadOnlySpan<byte> span, int position, SipParseLimits limits,
        ref SipMessage.HeaderEntry[] headers, out int count, out int bodyStart)
    {
        count = 0;
        bodyStart = span.Length;
        while (true)
        {
            if (position >= span.Length)
            {
                return SipParseResult.Bad("Header section not terminated by an empty line");
            }
            var lf = span[position..].IndexOf((byte)'\n');
            var lineEnd = lf < 0 ? span.Length : position + lf;
            var next = lf < 0 ? span.Length : lineEnd + 1;
            var line = TrimCr(span[position..lineEnd]);
            if (line.IsEmpty)
            {
                bodyStart = next;
                return SipParseResult.Ok;
            }
            if (line[0] is (byte)' ' or (byte)'\t')
            {
                // §7.3.1: a continuation line of the previous header.
                if (count == 0)
                {
                    return SipParseResult.Bad("Folded line before any header");
                }
                ref var previous = ref headers[count - 1];
                var end = position + TrimEndWhitespace(line).Length;
                var content = line.IndexOfAnyExcept(SipCharacters.Whitespace);
                if (content >= 0 && previous.ValueLength == 0)
                {
                    // RFC 4475 §3.1.1.1/§3.1.1.3: the value starts on the continuation line ("Contact:" CRLF SP "<sip:...>",
                    // "l:" CRLF SP "0"). The LWS after the colon is not part of the value, so the value is not folded at all
                    // and numeric headers read from the raw bytes see only digits.
                    previous.ValueStart = position + content;
                    previous.ValueLength = end - previous.ValueStart;
                }
                else if (content >= 0 && end > previous.ValueStart + previous.ValueLength)
                {
                    previous.ValueLength = end - previous.ValueStart;
                    previous.Folded = true;
                }
                if (previous.ValueStart + previous.ValueLength - previous.NameStart > limits.MaxLineLength)
                {
                    return SipParseResult.TooLarge("Header line too long");
                }
                position = next;
                continue;
            }
            if (line.Length > limits.MaxLineLength)
            {
                return SipParseResult.TooLarge("Header line too long");
            }
            if (count == limits.MaxHeaders)
            {
                return SipParseResult.TooLarge("Too many headers");
            }
            var nameLength = line.IndexOfAnyExcept(SipCharacters.Token);
            if (nameLength <= 0)
            {
                return SipParseResult.Bad("Malformed header line");
            }
            var afterName = line[nameLength..];
            var colon = afterName.IndexOfAnyExcept(SipCharacters.Whitespace);
            if (colon < 0 || afterName[colon] != (byte)':')
            {
                return SipParseResult.Bad("Malformed header line");
            }
            var valueOffset = nameLength + colon + 1;
            var value = line[valueOffset..];
            var leading = value.IndexOfAnyExcept(SipCharacters.Whitespace);
            if (leading < 0)
            {
                leading = value.Length;
            }
            var trimmed = TrimEndWhitespace(value[leading..]);
            if (count == headers.Length)
            {
                Grow(ref headers);
            }
            headers[count++] = new SipMessage.HeaderEntry
            {
                Id = SipHeaderNames.Lookup(line[..nameLength]),
                NameStart = position,
                NameLength = nameLength,
                ValueStart = position + valueOffset + leading,
                ValueLength = trimmed.Length,
            };
            position = next;
        }
    }

    // §18.3 and §20.14: the body is exactly Content-Length bytes; fewer is an error, more are discarded.
    private static SipParseResult CheckContentLength(ReadOnlySpan<byte> span, ReadOnlySpan<SipMessage.HeaderEntry> headers, ref int bodyLength)
    {
        var value = ReadOnlySpan<byte>.Empty;
        var seen = false;
        foreach (ref readonly var header in headers)
        {
            if (header.Id != SipHeaderId.ContentLength)
            {
                continue;
            }
            var current = span.Slice(header.ValueStart, header.ValueLength);
            if (seen && !current.SequenceEqual(value))
            {
                return SipParseResult.Bad("Conflicting Content-Length headers");
            }
            value = current;
            seen = true;
        }
        if (!seen)
        {
            return SipParseResult.Ok;
        }
        if (value.IsEmpty || value.Length > 9 || value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return SipParseResult.Bad("Malformed Content-Length");
        }
        var length = 0;
        foreach (var digit in value)
        {
            length = (length * 10) + (digit - '0');
        }
        if (length > bodyLength)
        {
            return SipParseResult.Bad("Content-Length larger than body");
        }
        bodyLength = length;
        return SipParseResult.Ok;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Grow(ref SipMessage.HeaderEntry[] headers)
    {
        var bigger = ArrayPool<SipMessage.HeaderEntry>.Shared.Rent(headers.Length * 2);
        headers.AsSpan().CopyTo(bigger);
        ArrayPool<SipMessage.HeaderEntry>.Shared.Return(headers);
        headers = bigger;
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private static ReadOnlySpan<byte> TrimEndWhitespace(ReadOnlySpan<byte> value)
    {
        var end = value.LastIndexOfAnyExcept(SipCharacters.Whitespace);
        return value[..(end + 1)];
    }
}
