using System.Security.Cryptography;
using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// The server side of SIP digest authentication (RFC 3261 §22, RFC 7616, RFC 8760): issues challenges and verifies
/// credentials. It is mechanism only: which users exist, their HA1 values, bans and logging belong to the caller.
/// Thread-safe; one instance per realm.
/// </summary>
/// <remarks>
/// <para>Nonces are stateless and unforgeable: <c>base64url(issued ‖ 12 random bytes ‖ HMAC-SHA256(key, issued ‖ random ‖ realm)[..16])</c>.
/// Any nonce is checked without a table; its age comes from its own timestamp, so an expired but authentic nonce is told
/// apart from a forged one and answered as stale.</para>
/// <para>Replay: for each nonce that authenticated a request, the highest nonce count seen is kept (bounded table, see
/// <see cref="SipDigestServerOptions.MaxTrackedNonces"/>); a count that was used before is refused.</para>
/// <para>Typical use by a registrar:</para>
/// <code>
/// var credentials = server.FindCredentials(request, SipHeaderId.Authorization);
/// var result = credentials is null
///     ? default                                   // Invalid: no credentials for our realm
///     : server.Verify(request, credentials, store.Md5Ha1(credentials.Username), store.Sha256Ha1(credentials.Username));
/// if (!result.IsValid)
///     send(server.AddChallenges(request.CreateResponse(401, toTag: tag), stale: result.IsStale));
/// </code>
/// </remarks>
public sealed class SipDigestServer
{
    private readonly byte[] _key;
    private readonly SipDigestAlgorithm[] _algorithms;
    private readonly long _lifetimeMs;
    private readonly bool _allowNoQop;
    private readonly bool _requireUriMatch;
    private readonly string _opaque;
    private readonly TimeProvider _time;
    private readonly SipDigestNonceTracker _tracker;

    /// <summary>Creates a server for one realm.</summary>
    /// <exception cref="ArgumentException">The options are not usable (empty realm, non-positive lifetime, window outside 0–63, fewer than 16 tracked nonces, no or unsupported algorithms, key shorter than 16 bytes).</exception>
    public SipDigestServer(SipDigestServerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrEmpty(options.Realm, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.NonceLifetime, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.NonceCountWindow, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.NonceCountWindow, SipDigestServerOptions.MaxNonceCountWindow, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTrackedNonces, 16, nameof(options));
        if (options.Algorithms.Count == 0 || options.Algorithms.Any(a => a is not (SipDigestAlgorithm.Md5 or SipDigestAlgorithm.Sha256))
            || options.Algorithms.Distinct().Count() != options.Algorithms.Count)
        {
            throw new ArgumentException("Algorithms must list MD5 and/or SHA-256, each once.", nameof(options));
        }
        if (options.Key is { Length: < 16 })
        {
            throw new ArgumentException("The nonce key must be at least 16 bytes.", nameof(options));
        }
        Realm = options.Realm;
        _key = options.Key is { } key ? key.ToArray() : RandomNumberGenerator.GetBytes(32);
        _algorithms = [.. options.Algorithms];
        _lifetimeMs = (long)options.NonceLifetime.TotalMilliseconds;
        _allowNoQop = options.AllowNoQop;
        _time = time;
        _opaque = SipDigestNonce.Opaque(_key, Realm);
        _requireUriMatch = options.RequireUriMatch;
        _tracker = new SipDigestNonceTracker(options.MaxTrackedNonces, options.NonceCountWindow, _lifetimeMs);
    }

    /// <summary>The realm challenged for and accepted.</summary>
    public string Realm { get; }

    /// <summary>The algorithms offered, most preferred first.</summary>
    public IReadOnlyList<SipDigestAlgorithm> Algorithms => _algorithms;

    internal int TrackedNonceCount => _tracker.Count;

    /// <summary>
    /// Fresh challenges, one per algorithm in order of preference (RFC 8760 §2.3), all with the same new nonce,
    /// <c>qop="auth"</c> and the server's opaque value. Send each as its own WWW-Authenticate (401) or
    /// Proxy-Authenticate (407) header field, in this order.
    /// </summary>
    /// <param name="stale">True when the request carried right credentials with a stale nonce (RFC 7616 §3.3).</param>
    public IReadOnlyList<SipDigestChallenge> CreateChallenges(bool stale = false)
    {
        var nonce = SipDigestNonce.Create(_key, Realm, NowMs());
        var challenges = new SipDigestChallenge[_algorithms.Length];
        for (var i = 0; i < _algorithms.Length; i++)
        {
            challenges[i] = new SipDigestChallenge
            {
                Realm = Realm,
                Nonce = nonce,
                Opaque = _opaque,
                AlgorithmName = SipDigestChallenge.AlgorithmToken(_algorithms[i]),
                QopOptions = ["auth"],
                Stale = stale,
            };
        }
        return challenges;
    }

    /// <summary>
    /// Adds <see cref="CreateChallenges"/> to a 401 (as WWW-Authenticate) or 407 (as Proxy-Authenticate) response.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="response"/> is not a 401 or 407 response.</exception>
    public SipMessageBuilder AddChallenges(SipMessageBuilder response, bool stale = false)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response switch
        {
            { IsRequest: false, StatusCode: 401 } => SipHeaderId.WwwAuthenticate,
            { IsRequest: false, StatusCode: 407 } => SipHeaderId.ProxyAuthenticate,
            _ => throw new ArgumentException("Challenges go in a 401 or 407 response.", nameof(response)),
        };
        foreach (var challenge in CreateChallenges(stale))
        {
            response.Add(header, challenge.ToString());
        }
        return response;
    }

    /// <summary>
    /// The Digest credentials for this realm among the request's <paramref name="header"/> fields (a request may carry
    /// several, for several realms: RFC 3261 §22.3), or null. When several name this realm, the one with the most
    /// preferred offered algorithm wins, then the first. Unparseable fields are skipped. Never throws on the request's content.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="header"><see cref="SipHeaderId.Authorization"/> (after a 401) or <see cref="SipHeaderId.ProxyAuthorization"/> (after a 407).</param>
    /// <exception cref="ArgumentException"><paramref name="header"/> is neither.</exception>
    public SipDigestCredentials? FindCredentials(SipMessage request, SipHeaderId header = SipHeaderId.Authorization)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (header is not (SipHeaderId.Authorization or SipHeaderId.ProxyAuthorization))
        {
            throw new ArgumentException("Credentials are in Authorization or Proxy-Authorization.", nameof(header));
        }
        SipDigestCredentials? best = null;
        var bestRank = int.MaxValue;
        foreach (var value in request.GetHeaders(header))
        {
            if (!SipDigestCredentials.TryParse(value, out var credentials) || !credentials.IsDigest
                || !string.Equals(credentials.Realm, Realm, StringComparison.Ordinal))
            {
                continue;
            }
            var rank = Array.IndexOf(_algorithms, credentials.Algorithm);
            rank = rank < 0 ? _algorithms.Length : rank;
            if (rank < bestRank)
            {
                best = credentials;
                bestRank = rank;
            }
        }
        return best;
    }

    /// <summary>
    /// Verifies credentials against the request, choosing the HA1 that matches their algorithm.
    /// Pass null for an algorithm the user has no HA1 for, and for both when the user does not exist: the same work is
    /// done and the result is <see cref="SipDigestFailure.WrongResponse"/>, exactly as for a wrong password.
    /// </summary>
    public SipDigestVerification Verify(SipMessage request, SipDigestCredentials credentials, string? md5Ha1, string? sha256Ha1)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return Verify(request, credentials, credentials.Algorithm == SipDigestAlgorithm.Sha256 ? sha256Ha1 : md5Ha1);
    }

    /// <summary>
    /// Verifies credentials against the request (RFC 3261 §22.4, RFC 7616 §3.4). Never throws on network input.
    /// </summary>
    /// <param name="request">The request that carried the credentials: its method and Request-URI are part of the digest.</param>
    /// <param name="credentials">The credentials, e.g. from <see cref="FindCredentials"/>.</param>
    /// <param name="ha1">
    /// <c>H(username:realm:password)</c> as hex for <paramref name="credentials"/>' algorithm (see <see cref="SipDigest.Ha1"/>),
    /// or null when the user is unknown (the result is then the same as for a wrong password).
    /// </param>
    /// <returns>
    /// Valid; Stale when the response is right but the nonce expired (or was forgotten); otherwise Invalid with the
    /// reason. The checks run in this order: scheme, realm, algorithm, qop/nc/cnonce, uri, opaque, nonce authenticity,
    /// response, nonce age, nonce-count replay. Only a valid request is recorded in the replay table.
    /// </returns>
    public SipDigestVerification Verify(SipMessage request, SipDigestCredentials credentials, string? ha1)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        if (!request.IsRequest || !credentials.IsDigest)
        {
            return SipDigestVerification.Invalid(SipDigestFailure.Malformed);
        }
        if (!string.Equals(credentials.Realm, Realm, StringComparison.Ordinal))
        {
            return SipDigestVerification.Invalid(SipDigestFailure.RealmMismatch);
        }
        var algorithm = credentials.Algorithm;
        if (Array.IndexOf(_algorithms, algorithm) < 0)
        {
            return SipDigestVerification.Invalid(SipDigestFailure.UnsupportedAlgorithm);
        }
        uint nonceCount;
        if (credentials.Qop is null)
        {
            if (!_allowNoQop)
            {
                return SipDigestVerification.Invalid(SipDigestFailure.UnsupportedQop);
            }
            nonceCount = 1; // RFC 2069 credentials carry no count: each nonce serves one such request.
        }
        else if (!Ascii.EqualsIgnoreCase(credentials.Qop, "auth"))
        {
            return SipDigestVerification.Invalid(SipDigestFailure.UnsupportedQop);
        }
        else if (credentials.NonceCount is not (> 0 and var count) || string.IsNullOrEmpty(credentials.CNonce))
        {
            return SipDigestVerification.Invalid(SipDigestFailure.Malformed);
        }
        else
        {
            nonceCount = count;
        }
        if (_requireUriMatch && !UriMatches(credentials.Uri, request))
        {
            return SipDigestVerification.Invalid(SipDigestFailure.UriMismatch);
        }
        // RFC 7616 §3.4: opaque should come back unchanged; a few old phones drop it, which costs nothing here.
        if (credentials.Opaque is { } opaque && !string.Equals(opaque, _opaque, StringComparison.Ordinal))
        {
            return SipDigestVerification.Invalid(SipDigestFailure.OpaqueMismatch);
        }
        if (!SipDigestNonce.TryValidate(_key, Realm, credentials.Nonce, out var nonceId))
        {
            return SipDigestVerification.Invalid(SipDigestFailure.UnknownNonce);
        }
        if (!ResponseMatches(request, credentials, algorithm, ha1) || ha1 is null)
        {
            return SipDigestVerification.Invalid(SipDigestFailure.WrongResponse);
        }
        var now = NowMs();
        var age = now - nonceId.IssuedMs;
        // A nonce from the future is authentic but stamped before the clock stepped back: renew it too.
        if (age > _lifetimeMs || age < -_lifetimeMs)
        {
            return SipDigestVerification.Stale(SipDigestFailure.NonceExpired);
        }
        return _tracker.Use(nonceId, nonceCount, now) switch
        {
            SipDigestNonceUse.Accepted => SipDigestVerification.Valid,
            SipDigestNonceUse.Forgotten => SipDigestVerification.Stale(SipDigestFailure.NonceForgotten),
            _ => SipDigestVerification.Invalid(SipDigestFailure.ReplayedNonceCount),
        };
    }

    // RFC 3261 §22.4: the uri parameter carries the Request-URI. Equal text, or the same URI by §19.1.4 (a phone may
    // write parameters in another order or case).
    private static bool UriMatches(string uri, SipMessage request)
    {
        var requestUri = request.RequestUriText;
        if (string.Equals(uri, requestUri, StringComparison.Ordinal))
        {
            return true;
        }
        return request.RequestUri is { } parsed && SipUri.TryParse(uri, out var claimed) && parsed.Equals(claimed);
    }

    private static bool ResponseMatches(SipMessage request, SipDigestCredentials credentials, SipDigestAlgorithm algorithm, string? ha1)
    {
        var hexLength = SipDigest.HexLength(algorithm);
        // An unknown user costs the same hashing as a known one.
        ReadOnlySpan<char> key = ha1 ?? new string('0', hexLength);
        Span<byte> expected = stackalloc byte[SipDigest.Sha256HexLength];
        var written = SipDigest.TryComputeResponse(algorithm, key, credentials.Nonce, credentials.NonceCount, credentials.CNonce,
            credentials.Qop, request.MethodName, credentials.Uri, default, expected);
        var received = credentials.Response.AsSpan();
        if (written != hexLength || received.Length != hexLength)
        {
            return false;
        }
        Span<byte> actual = stackalloc byte[SipDigest.Sha256HexLength];
        for (var i = 0; i < hexLength; i++)
        {
            var c = received[i];
            // Some phones send uppercase hex; anything outside ASCII cannot match.
            actual[i] = c is >= 'A' and <= 'F' ? (byte)(c + ('a' - 'A')) : c < 128 ? (byte)c : (byte)0;
        }
        return CryptographicOperations.FixedTimeEquals(expected[..hexLength], actual[..hexLength]);
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
