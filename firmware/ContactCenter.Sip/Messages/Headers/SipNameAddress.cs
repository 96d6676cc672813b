using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Sip.Messages.Headers;

/// <summary>CONTRACT STUB: replaced by the grammar work.</summary>
public sealed class SipNameAddress
{
    /// <summary>The tag parameter.</summary>
    public string? Tag { get; }
    /// <summary>The URI text as written (without angle brackets).</summary>
    public string UriText { get; } = "";
    /// <summary>The URI when its scheme is sip, sips or tel.</summary>
    public SipUri? Uri { get; }
    /// <summary>A copy with the tag set or removed.</summary>
    public SipNameAddress WithTag(string? tag) => throw new NotImplementedException();
    /// <summary>Parses a From/To/Contact/Route-style value (name-addr or addr-spec, then header params).</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out SipNameAddress? address) => throw new NotImplementedException();
    /// <summary>Parses a comma-separated list (Contact, Route, Record-Route), appending to <paramref name="into"/>.</summary>
    public static bool TryParseList(string value, List<SipNameAddress> into) => throw new NotImplementedException();
}
