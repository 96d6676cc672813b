namespace ContactCenter.Pbx.Registrar;

/// <summary>Settings of the <see cref="SipRegistrar"/> and its <see cref="AuthFailureGuard"/> (configuration section <c>Registrar</c>).</summary>
public sealed class RegistrarOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Registrar";

    /// <summary>
    /// The digest algorithms challenged with, most preferred first, comma-separated: <c>SHA-256</c> and/or <c>MD5</c>
    /// (default both, SHA-256 first as RFC 8760 §2.4 asks). <c>MD5</c> alone serves user agents that read only the first
    /// challenge and know only MD5 (sipp 3.6, some older phones).
    /// </summary>
    public string DigestAlgorithms { get; set; } = "SHA-256, MD5";

    /// <summary>
    /// Whether the digest <c>uri</c> must equal the Request-URI (default true). False serves clients that write the
    /// server's address there (sipp 3.6).
    /// </summary>
    public bool DigestUriMustMatch { get; set; } = true;

    /// <summary>Shortest registration accepted in seconds; shorter gets 423 with Min-Expires (RFC 3261 §10.3 step 7).</summary>
    public int MinExpiresSeconds { get; set; } = 60;

    /// <summary>Longest registration granted in seconds; longer requests are lowered to this.</summary>
    public int MaxExpiresSeconds { get; set; } = 3600;

    /// <summary>Expiry when neither the Contact's <c>expires</c> parameter nor an Expires header says.</summary>
    public int DefaultExpiresSeconds { get; set; } = 3600;

    /// <summary>Most contacts one extension may hold; a new one beyond replaces the binding closest to expiry.</summary>
    public int MaxContactsPerExtension { get; set; } = 5;

    /// <summary>Wrong responses for one extension from one address, within <see cref="FailureWindow"/>, that ban that pair.</summary>
    public int FailuresBeforeBan { get; set; } = 10;

    /// <summary>Distinct extensions failing from one address within <see cref="FailureWindow"/> that ban the whole address.</summary>
    public int ExtensionsBeforeSourceBan { get; set; } = 5;

    /// <summary>The window the failures are counted in.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a ban lasts.</summary>
    public TimeSpan BanDuration { get; set; } = TimeSpan.FromMinutes(15);
}
