namespace ContactCenter.Sip.Messages;

/// <summary>A <c>name[=value]</c> parameter of a URI or header (RFC 3261 §25.1 <c>generic-param</c>, <c>uri-parameter</c>). <see cref="Value"/> is null for a flag parameter such as <c>;lr</c>.</summary>
/// <param name="Name">The parameter name as received.</param>
/// <param name="Value">The value (quotes and escapes removed), or null for a flag parameter.</param>
public readonly record struct SipParameter(string Name, string? Value);
