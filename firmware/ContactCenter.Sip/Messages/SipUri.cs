using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Sip.Messages;

/// <summary>CONTRACT STUB: replaced by the grammar work.</summary>
public sealed class SipUri : IEquatable<SipUri>
{
    /// <summary>sip, sips or tel.</summary>
    public SipUriScheme Scheme { get; }
    /// <summary>User part, unescaped; for tel URIs the number.</summary>
    public string? User { get; }
    /// <summary>Host as written (IPv6 references keep their brackets).</summary>
    public string Host { get; } = "";
    /// <summary>Port, when given.</summary>
    public int? Port { get; }
    /// <summary>URI parameters in order.</summary>
    public IReadOnlyList<SipParameter> Parameters { get; } = [];
    /// <summary>True with the lr parameter.</summary>
    public bool IsLooseRouter => throw new NotImplementedException();
    /// <summary>Parses a sip, sips or tel URI.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SipUri? uri) => throw new NotImplementedException();
    /// <summary>§19.1.4 comparison.</summary>
    public bool Equals(SipUri? other) => throw new NotImplementedException();
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SipUri);
    /// <inheritdoc/>
    public override int GetHashCode() => throw new NotImplementedException();
}

/// <summary>URI schemes the stack understands.</summary>
public enum SipUriScheme
{
    /// <summary>sip:</summary>
    Sip,
    /// <summary>sips:</summary>
    Sips,
    /// <summary>tel: (RFC 3966)</summary>
    Tel,
}
