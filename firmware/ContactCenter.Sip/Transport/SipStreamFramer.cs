using System.Buffers;
using System.Runtime.CompilerServices;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// Frames SIP messages on a byte stream (RFC 3261 §18.3): skips CRLFs between messages (§7.5), recognises the
/// double-CRLF keep-alive ping (RFC 5626 §3.5.1), finds the end of the header section and reads
/// <c>Content-Length</c> (or its compact form <c>l</c>, folded or not) to cut exactly one message.
/// Stateless and allocation-free on single-segment input; never throws on bad input.
/// </summary>
public static class SipStreamFramer
{
    private const byte Cr = (byte)'\r';
    private const int MaxContentLengthDigits = 9;

    /// <summary>
    /// Tries to take one frame from the start of <paramref name="buffer"/>.
    /// On <see cref="SipFrameStatus.Message"/> and <see cref="SipFrameStatus.KeepAlivePing"/>, <paramref name="buffer"/> is
    /// advanced past the frame (and any CRLFs before it); on every other status it is left unchanged.
    /// </summary>
    /// <param name="buffer">The unconsumed stream bytes.</param>
    /// <param name="maxMessageSize">Largest accepted message (headers + body), in bytes.</param>
    /// <param name="message">The framed message without leading CRLFs, when the status is <see cref="SipFrameStatus.Message"/>.</param>
    /// <returns>What was found.</returns>
    public static SipFrameStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out ReadOnlySequence<byte> message)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageSize);
        message = default;
        var reader = new SequenceReader<byte>(buffer);

        // RFC 3261 §7.5 / RFC 5626 §4.4.1: CRLFs between messages are ignored, except that CRLFCRLF is a ping.
        while (reader.IsNext(Cr))
        {
            if (reader.IsNext("\r\n\r\n"u8))
            {
                reader.Advance(4);
                buffer = buffer.Slice(reader.Position);
                return SipFrameStatus.KeepAlivePing;
            }

            if (reader.Remaining < 4 && IsPingPrefix(reader.UnreadSequence))
            {
                // "\r", "\r\n" or "\r\n\r" may still grow into a ping: wait without consuming.
                return SipFrameStatus.NeedMoreData;
            }

            if (!reader.IsNext("\r\n"u8, advancePast: true))
            {
                // A bare CR where a start line should be: not ours to judge; the message parser rejects it.
                break;
            }
        }

        var start = reader.Position;
        if (!reader.TryReadTo(out ReadOnlySequence<byte> headers, "\r\n\r\n"u8, advancePastDelimiter: true))
        {
            return reader.Remaining > maxMessageSize ? SipFrameStatus.MessageTooLarge : SipFrameStatus.NeedMoreData;
        }

        long headerLength = headers.Length + 4;
        if (headerLength > maxMessageSize)
        {
            return SipFrameStatus.MessageTooLarge;
        }

        var lengthStatus = headers.IsSingleSegment
            ? FindContentLength(headers.FirstSpan, out int contentLength)
            : FindContentLengthMultiSegment(headers, out contentLength);
        if (lengthStatus != SipFrameStatus.Message)
        {
            return lengthStatus;
        }

        long total = headerLength + contentLength;
        if (total > maxMessageSize)
        {
            return SipFrameStatus.MessageTooLarge;
        }

        if (reader.Remaining < contentLength)
        {
            return SipFrameStatus.NeedMoreData;
        }

        message = buffer.Slice(start, total);
        buffer = buffer.Slice(message.End);
        return SipFrameStatus.Message;
    }

    private static bool IsPingPrefix(in ReadOnlySequence<byte> rest)
    {
        Span<byte> head = stackalloc byte[3];
        int length = (int)rest.Length;
        rest.CopyTo(head);
        return "\r\n\r"u8.StartsWith(head[..length]);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SipFrameStatus FindContentLengthMultiSegment(in ReadOnlySequence<byte> headers, out int contentLength)
    {
        // Header section is bounded by maxMessageSize, so copying it is bounded too.
        byte[] rented = ArrayPool<byte>.Shared.Rent((int)headers.Length);
        try
        {
            headers.CopyTo(rented);
            return FindContentLength(rented.AsSpan(0, (int)headers.Length), out contentLength);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Scans a header section (start line + header lines, without the final CRLFCRLF) for Content-Length.</summary>
    private static SipFrameStatus FindContentLength(ReadOnlySpan<byte> section, out int contentLength)
    {
        contentLength = -1;

        // Skip the start line.
        int lineEnd = section.IndexOf("\r\n"u8);
        if (lineEnd < 0)
        {
            return SipFrameStatus.MissingContentLength;
        }

        var rest = section[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            // One logical header: a line plus continuation lines starting with SP or HTAB (RFC 3261 §7.3.1).
            int end = 0;
            while (true)
            {
                int next = rest[end..].IndexOf("\r\n"u8);
                if (next < 0)
                {
                    end = rest.Length;
                    break;
                }

                end += next;
                if (end + 2 < rest.Length && (rest[end + 2] == (byte)' ' || rest[end + 2] == (byte)'\t'))
                {
                    end += 2;
                    continue;
                }

                break;
            }

            var header = rest[..end];
            rest = end + 2 <= rest.Length ? rest[(end + 2)..] : [];

            int colon = header.IndexOf((byte)':');
            if (colon < 0)
            {
                continue;
            }

            var name = TrimLws(header[..colon]);
            if (!IsContentLengthName(name))
            {
                continue;
            }

            var status = ParseLength(TrimLws(header[(colon + 1)..]), out int value);
            if (status != SipFrameStatus.Message)
            {
                return status;
            }

            if (contentLength >= 0 && contentLength != value)
            {
                return SipFrameStatus.InvalidContentLength;
            }

            contentLength = value;
        }

        return contentLength >= 0 ? SipFrameStatus.Message : SipFrameStatus.MissingContentLength;
    }

    private static bool IsContentLengthName(ReadOnlySpan<byte> name) =>
        (name.Length == 1 && (name[0] | 0x20) == (byte)'l')
        || System.Text.Ascii.EqualsIgnoreCase(name, "Content-Length"u8);

    private static SipFrameStatus ParseLength(ReadOnlySpan<byte> value, out int length)
    {
        length = 0;
        if (value.IsEmpty)
        {
            return SipFrameStatus.InvalidContentLength;
        }

        // Leading zeros are legal (1*DIGIT); skip them so that "000…0012" does not count as too many digits.
        int firstSignificant = value.IndexOfAnyExcept((byte)'0');
        var digits = firstSignificant < 0 ? [] : value[firstSignificant..];
        if (digits.Length > MaxContentLengthDigits)
        {
            // Nine digits already exceed any sane limit; only a well-formed number counts as "too large".
            return digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
                ? SipFrameStatus.InvalidContentLength
                : SipFrameStatus.MessageTooLarge;
        }

        foreach (byte b in digits)
        {
            if (b < (byte)'0' || b > (byte)'9')
            {
                return SipFrameStatus.InvalidContentLength;
            }

            length = (length * 10) + (b - '0');
        }

        return SipFrameStatus.Message;
    }

    private static ReadOnlySpan<byte> TrimLws(ReadOnlySpan<byte> value)
    {
        // Linear white space, including the CRLFs of folded lines.
        ReadOnlySpan<byte> lws = " \t\r\n"u8;
        int start = value.IndexOfAnyExcept(lws);
        if (start < 0)
        {
            return [];
        }

        int end = value.LastIndexOfAnyExcept(lws);
        return value[start..(end + 1)];
    }
}
