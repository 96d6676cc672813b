namespace ContactCenter.Sip.Auth;

/// <summary>Settings of a <see cref="SipDigestServer"/>.</summary>
public sealed class SipDigestServerOptions
{
    /// <summary>The largest <see cref="NonceCountWindow"/>.</summary>
    public const int MaxNonceCountWindow = 63;

    /// <summary>The protection domain (RFC 3261 §22.1), e.g. the PBX's domain. Required; compared case-sensitively.</summary>
    public string Realm { get; set; } = "";

    /// <summary>
    /// How long a nonce stays fresh (default 5 minutes). An authentic nonce older than this is answered as stale,
    /// so the phone retries with a fresh one without asking its user.
    /// </summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How far below the highest nonce count seen a count may still arrive, once, out of order (0–63). The default 0 asks
    /// every count to exceed the last one; raise it for phones that send several requests with one nonce over UDP at once.
    /// </summary>
    public int NonceCountWindow { get; set; }

    /// <summary>
    /// How many nonces the replay table tracks at most (default 8192, about 64 bytes each). Only nonces of requests that
    /// authenticated are tracked, so unauthenticated traffic cannot fill it.
    /// </summary>
    public int MaxTrackedNonces { get; set; } = 8192;

    /// <summary>
    /// The algorithms offered, most preferred first, one challenge each (RFC 8760 §2.3). Default SHA-256, then MD5.
    /// Only <see cref="SipDigestAlgorithm.Sha256"/> and <see cref="SipDigestAlgorithm.Md5"/> are allowed.
    /// </summary>
    public IList<SipDigestAlgorithm> Algorithms { get; } = [SipDigestAlgorithm.Sha256, SipDigestAlgorithm.Md5];

    /// <summary>
    /// The key that signs nonces (at least 16 bytes). Null (the default) draws 32 random bytes per server instance, so
    /// nonces do not survive a restart (phones simply get a new challenge); set a persisted key to keep them valid.
    /// </summary>
    public byte[]? Key { get; set; }

    /// <summary>
    /// Accept RFC 2069 credentials without qop (default false). Challenges always offer <c>qop="auth"</c>, which every
    /// RFC 3261 user agent must honour (§22.4); without qop there is no nonce count, so when allowed each nonce is good
    /// for one such request only.
    /// </summary>
    public bool AllowNoQop { get; set; }

    /// <summary>
    /// Whether the credentials' <c>uri</c> must equal the Request-URI (RFC 2617 §3.2.2.5, compared per RFC 3261 §19.1.4;
    /// default true). Some clients (sipp 3.6) write the server's address there instead; the response still covers the
    /// uri they wrote and nonce counts still stop replays, so turning this off costs little.
    /// </summary>
    public bool RequireUriMatch { get; set; } = true;
}
