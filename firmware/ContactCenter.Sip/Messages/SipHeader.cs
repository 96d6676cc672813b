namespace ContactCenter.Sip.Messages;

/// <summary>One header field as received: its name as written, its id, and its value with line folding replaced by single spaces.</summary>
/// <param name="Id">The known header, or <see cref="SipHeaderId.Unknown"/>.</param>
/// <param name="Name">The name as written: a compact form stays compact; a known long name comes in its canonical spelling.</param>
/// <param name="Value">The value, trimmed, folding replaced by one space.</param>
public readonly record struct SipHeader(SipHeaderId Id, string Name, string Value);
