using System.Globalization;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages.Headers;

/// <summary>A CSeq header value (RFC 3261 §20.16): <c>1*DIGIT LWS Method</c>.</summary>
/// <param name="Number">The sequence number. Parsing accepts up to 2**32-1; requests this stack creates stay below 2**31 (RFC 3261 §8.1.1.5).</param>
/// <param name="MethodName">The method token (case-sensitive).</param>
public readonly record struct SipCSeq(uint Number, string MethodName)
{
    /// <summary>Builds a CSeq for a known method.</summary>
    public SipCSeq(uint number, SipMethod method)
        : this(number, method.ToToken())
    {
    }

    /// <summary>The method as a known value.</summary>
    public SipMethod Method => SipMethods.FromToken(MethodName);

    /// <summary>
    /// Parses <c>1*DIGIT LWS Method</c>. A number above 2**32-1 is rejected (RFC 4475 §3.1.2.11,
    /// <c>scalarlg</c>), as is a method that is not a token. Never throws.
    /// </summary>
    public static bool TryParse(string? value, out SipCSeq cseq)
    {
        cseq = default;
        return value is not null && TryParseValue(value, out cseq);
    }

    // The parser's path: no string for the value, none for a known method.
    internal static bool TryParseValue(ReadOnlySpan<char> value, out SipCSeq cseq)
    {
        cseq = default;
        var text = SipGrammar.TrimLws(value);
        var digitsEnd = text.IndexOfAnyExceptInRange('0', '9');
        if (digitsEnd <= 0 || !SipGrammar.IsWhitespace(text[digitsEnd])
            || !SipGrammar.TryParseNumber(text[..digitsEnd], uint.MaxValue, out var number))
        {
            return false;
        }
        var method = SipGrammar.TrimLws(text[digitsEnd..]);
        if (!SipGrammar.IsToken(method))
        {
            return false;
        }
        var known = SipMethods.FromToken(method);
        cseq = new SipCSeq((uint)number, known == SipMethod.Unknown ? method.ToString() : known.ToToken());
        return true;
    }

    /// <summary>The header value: <c>number METHOD</c>.</summary>
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + " " + MethodName;
}
