namespace ContactCenter.Sip.Auth;

/// <summary>
/// Why credentials were not <see cref="SipDigestOutcome.Valid"/>, for logs and for policy (e.g. only
/// <see cref="WrongResponse"/> is evidence of password guessing). Never tell the client which one it was.
/// </summary>
public enum SipDigestFailure
{
    /// <summary>Valid.</summary>
    None,
    /// <summary>Not Digest, or a required parameter is missing or malformed (qop without nc or cnonce, nc of 0).</summary>
    Malformed,
    /// <summary>The realm is not this server's.</summary>
    RealmMismatch,
    /// <summary>The algorithm is not one this server offers.</summary>
    UnsupportedAlgorithm,
    /// <summary>The qop is not <c>auth</c> (or absent while RFC 2069 credentials are not allowed).</summary>
    UnsupportedQop,
    /// <summary>The <c>uri</c> parameter does not name the Request-URI (RFC 3261 §22.4).</summary>
    UriMismatch,
    /// <summary>The opaque value is not the one this server sends.</summary>
    OpaqueMismatch,
    /// <summary>The nonce was not issued by this server for this realm (forged, altered, from another key or realm).</summary>
    UnknownNonce,
    /// <summary>The response digest is wrong: wrong password, or no HA1 was given (unknown user).</summary>
    WrongResponse,
    /// <summary>The nonce count was used before (a replayed or duplicated request).</summary>
    ReplayedNonceCount,
    /// <summary>Stale: the nonce outlived its lifetime.</summary>
    NonceExpired,
    /// <summary>Stale: the replay table had to forget the nonce under memory pressure.</summary>
    NonceForgotten,
}
