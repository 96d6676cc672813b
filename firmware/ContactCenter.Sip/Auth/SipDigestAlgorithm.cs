namespace ContactCenter.Sip.Auth;

/// <summary>Digest algorithms (RFC 7616 §3.3; RFC 3261 uses MD5 when none is named).</summary>
public enum SipDigestAlgorithm
{
    /// <summary>An algorithm this stack does not know; see the algorithm name.</summary>
    Unknown,
    /// <summary><c>MD5</c> (also the meaning of an absent algorithm).</summary>
    Md5,
    /// <summary><c>MD5-sess</c></summary>
    Md5Sess,
    /// <summary><c>SHA-256</c></summary>
    Sha256,
    /// <summary><c>SHA-256-sess</c></summary>
    Sha256Sess,
}
