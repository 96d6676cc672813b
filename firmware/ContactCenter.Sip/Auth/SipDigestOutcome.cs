namespace ContactCenter.Sip.Auth;

/// <summary>What a request's digest credentials amount to.</summary>
public enum SipDigestOutcome
{
    /// <summary>Not authenticated: challenge again (without stale).</summary>
    Invalid,
    /// <summary>The credentials were right but the nonce is no longer usable: challenge again with <c>stale=true</c>.</summary>
    Stale,
    /// <summary>Authenticated.</summary>
    Valid,
}
