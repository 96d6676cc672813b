using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Parsing;

// RFC 3261 §8.1.1 / §8.2: the headers every request and response must carry, each well formed.
// Parsing them here is not wasted work: every transaction and dialog lookup reads them.
public static partial class SipMessageParser
{
    private static SipParseResult Validate(SipMessage message, SipParseLimits limits)
    {
        foreach (var (id, label) in SingletonHeaders)
        {
            var count = message.CountHeaders(id);
            if (count == 0)
            {
                return SipParseResult.Bad($"Missing {label} header");
            }
            if (count > 1)
            {
                return SipParseResult.Bad($"More than one {label} header");
            }
        }
        if (!message.HasHeader(SipHeaderId.Via))
        {
            return SipParseResult.Bad("Missing Via header");
        }
        if (!message.TryParseVias(out var vias))
        {
            return SipParseResult.Bad("Malformed Via header");
        }
        if (vias.Count > limits.MaxVias)
        {
            return SipParseResult.TooLarge("Too many Via headers");
        }
        // RFC 4475 §3.1.2.6 / §3.1.2.15: the reason names which of the two is broken.
        switch (message.TryParseFromTo())
        {
            case SipHeaderId.From:
                return SipParseResult.Bad("Malformed From header");
            case SipHeaderId.To:
                return SipParseResult.Bad("Malformed To header");
        }
        if (!IsCallId(message.RawValue(message.IndexOf(SipHeaderId.CallId, 0))))
        {
            return SipParseResult.Bad("Malformed Call-ID header");
        }
        if (!message.TryParseCSeq())
        {
            return SipParseResult.Bad("Malformed CSeq header");
        }
        // §8.2.1... RFC 4475 §3.1.2.16: the CSeq method must match the request method.
        if (message.IsRequest && !string.Equals(message.CSeq.MethodName, message.MethodName, StringComparison.Ordinal))
        {
            return SipParseResult.Bad("CSeq method does not match the request method");
        }
        if (message.HasHeader(SipHeaderId.MaxForwards) && !IsMaxForwards(message))
        {
            return SipParseResult.Bad("Malformed Max-Forwards header");
        }
        if (message.HasHeader(SipHeaderId.Expires) && !message.ReadNumber(SipHeaderId.Expires, out _))
        {
            return SipParseResult.Bad("Malformed Expires header");
        }
        return SipParseResult.Ok;
    }

    private static readonly (SipHeaderId Id, string Label)[] SingletonHeaders =
    [
        (SipHeaderId.From, "From"),
        (SipHeaderId.To, "To"),
        (SipHeaderId.CallId, "Call-ID"),
        (SipHeaderId.CSeq, "CSeq"),
    ];

    // Call-ID = word [ "@" word ] (§25.1).
    private static bool IsCallId(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.IndexOfAnyExcept(SipCharacters.CallIdChars) >= 0)
        {
            return false;
        }
        var at = value.IndexOf((byte)'@');
        return at != 0 && at != value.Length - 1 && (at < 0 || value[(at + 1)..].IndexOf((byte)'@') < 0);
    }

    // §20.22: Max-Forwards = 1*DIGIT, a value of 0-255. RFC 4475 §3.1.1.1 (wsinv): leading zeros are
    // legal ("0068" is 68), so the value is checked, not the number of digits.
    private static bool IsMaxForwards(SipMessage message) =>
        message.ReadNumber(SipHeaderId.MaxForwards, out var value) && value <= 255;
}
