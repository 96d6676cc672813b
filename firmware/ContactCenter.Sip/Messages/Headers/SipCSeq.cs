namespace ContactCenter.Sip.Messages.Headers;

/// <summary>CONTRACT STUB: replaced by the grammar work.</summary>
/// <param name="Number">The sequence number (RFC 3261 §8.1.1.5: less than 2**31).</param>
/// <param name="MethodName">The method token.</param>
public readonly record struct SipCSeq(uint Number, string MethodName)
{
    /// <summary>The method as a known value.</summary>
    public SipMethod Method => SipMethods.FromToken(MethodName);
    /// <summary>Parses <c>1*DIGIT LWS Method</c>.</summary>
    public static bool TryParse(string value, out SipCSeq cseq) => throw new NotImplementedException();
}
