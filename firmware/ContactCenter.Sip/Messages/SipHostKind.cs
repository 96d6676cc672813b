namespace ContactCenter.Sip.Messages;

/// <summary>What the host part of a URI or Via sent-by is.</summary>
public enum SipHostKind
{
    /// <summary>No host (tel URIs).</summary>
    None,
    /// <summary>A DNS host name.</summary>
    Name,
    /// <summary>A dotted-quad IPv4 address.</summary>
    IPv4,
    /// <summary>An IPv6 reference, written in brackets.</summary>
    IPv6,
}
