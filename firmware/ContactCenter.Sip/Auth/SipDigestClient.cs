using System.Security.Cryptography;
using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// The client side of SIP digest authentication (RFC 3261 §22.2–22.3, RFC 7616 §3.4, RFC 8760), e.g. for a trunk
/// registering with a provider: answers 401/407 challenges and counts nonce uses. Thread-safe.
/// </summary>
/// <remarks>
/// Of several challenges for a realm, SHA-256 is taken over MD5 whatever their order, then the topmost. RFC 8760 §2.4
/// lets local policy override "topmost supported", and its §3 names the reason: challenges are not integrity-protected,
/// so an on-path attacker could move MD5 to the top. qop <c>auth</c> is used when offered, else <c>auth-int</c>, else
/// (no qop at all) the RFC 2069 form. A fresh 128-bit cnonce goes with every answer; <c>nc</c> counts up per nonce.
/// </remarks>
public sealed class SipDigestClient
{
    private const int MaxRealms = 32;
    private readonly string _username;
    private readonly string? _password;
    private readonly string? _ha1Realm;
    private readonly string? _md5Ha1;
    private readonly string? _sha256Ha1;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, NonceState> _realms = new(StringComparer.Ordinal);

    /// <summary>A client that knows the password and so can answer any realm.</summary>
    public SipDigestClient(string username, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        _username = username;
        _password = password;
    }

    /// <summary>A client that knows only the HA1 values (<see cref="SipDigest.Ha1"/>) of one realm; a null HA1 leaves that algorithm out.</summary>
    public SipDigestClient(string username, string realm, string? md5Ha1, string? sha256Ha1)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(realm);
        if (md5Ha1 is null && sha256Ha1 is null)
        {
            throw new ArgumentException("At least one HA1 is needed.", nameof(md5Ha1));
        }
        _username = username;
        _ha1Realm = realm;
        _md5Ha1 = md5Ha1;
        _sha256Ha1 = sha256Ha1;
    }

    /// <summary>The user name sent.</summary>
    public string Username => _username;

    /// <summary>The header that carries the answer to a response with this status: Proxy-Authorization for 407, else Authorization.</summary>
    public static SipHeaderId AuthorizationHeaderFor(int statusCode) =>
        statusCode == 407 ? SipHeaderId.ProxyAuthorization : SipHeaderId.Authorization;

    /// <summary>The header that carries the challenges of a response with this status: Proxy-Authenticate for 407, else WWW-Authenticate.</summary>
    public static SipHeaderId ChallengeHeaderFor(int statusCode) =>
        statusCode == 407 ? SipHeaderId.ProxyAuthenticate : SipHeaderId.WwwAuthenticate;

    /// <summary>True when this client can answer the challenge (Digest, a known algorithm it has a secret for, a usable qop).</summary>
    public bool CanAnswer(SipDigestChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return challenge.IsDigest && SipDigest.IsKnown(challenge.Algorithm) && ChooseQop(challenge, out _)
            && BaseHa1(challenge.Algorithm, challenge.Realm) is not null;
    }

    /// <summary>The challenge to answer among several (of one realm): the strongest answerable algorithm, then the topmost; null when none can be answered.</summary>
    public SipDigestChallenge? SelectChallenge(IEnumerable<SipDigestChallenge> challenges)
    {
        ArgumentNullException.ThrowIfNull(challenges);
        SipDigestChallenge? best = null;
        foreach (var challenge in challenges)
        {
            if (CanAnswer(challenge) && (best is null || Strength(challenge.Algorithm) > Strength(best.Algorithm)))
            {
                best = challenge;
            }
        }
        return best;
    }

    /// <summary>
    /// Answers a 401 or 407: one set of credentials per realm challenged (RFC 3261 §22.3: a forking proxy may gather
    /// several), each for that realm's chosen challenge. Add each as a <see cref="AuthorizationHeaderFor"/> field to the
    /// new request (new CSeq, same Call-ID). Empty when nothing can be answered. Unparseable challenges are skipped.
    /// </summary>
    /// <param name="response">The 401 or 407.</param>
    /// <param name="method">The method of the request being retried.</param>
    /// <param name="uri">Its Request-URI.</param>
    /// <param name="body">Its body (used only for qop=auth-int).</param>
    public IReadOnlyList<SipDigestCredentials> Answer(SipMessage response, string method, string uri, ReadOnlySpan<byte> body = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var byRealm = new List<List<SipDigestChallenge>>();
        foreach (var value in response.GetHeaders(ChallengeHeaderFor(response.StatusCode)))
        {
            if (!SipDigestChallenge.TryParse(value, out var challenge) || !challenge.IsDigest)
            {
                continue;
            }
            var group = byRealm.Find(g => string.Equals(g[0].Realm, challenge.Realm, StringComparison.Ordinal));
            if (group is null)
            {
                byRealm.Add([challenge]);
            }
            else
            {
                group.Add(challenge);
            }
        }
        var answers = new List<SipDigestCredentials>(byRealm.Count);
        foreach (var group in byRealm)
        {
            if (SelectChallenge(group) is { } chosen && Answer(chosen, method, uri, body) is { } credentials)
            {
                answers.Add(credentials);
            }
        }
        return answers;
    }

    /// <summary>
    /// Answers one challenge, remembering it for the realm: nc is 1 for a new nonce and counts up while the nonce is reused.
    /// Null when it cannot be answered (<see cref="CanAnswer"/>).
    /// </summary>
    public SipDigestCredentials? Answer(SipDigestChallenge challenge, string method, string uri, ReadOnlySpan<byte> body = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        if (!CanAnswer(challenge))
        {
            return null;
        }
        uint count;
        lock (_gate)
        {
            if (_realms.TryGetValue(challenge.Realm, out var state) && state.Count < uint.MaxValue
                && string.Equals(state.Challenge.Nonce, challenge.Nonce, StringComparison.Ordinal))
            {
                state.Challenge = challenge;
            }
            else
            {
                if (_realms.Count >= MaxRealms)
                {
                    _realms.Clear();
                }
                state = new NonceState(challenge);
                _realms[challenge.Realm] = state;
            }
            count = ++state.Count;
        }
        return Build(challenge, count, method, uri, body);
    }

    /// <summary>
    /// Credentials for a new request in a realm already challenged, reusing its nonce with the next nc (pre-emptive
    /// authentication, e.g. a re-REGISTER); null when no challenge of that realm is remembered.
    /// If the server finds the nonce stale it challenges again and <see cref="Answer(SipMessage, string, string, ReadOnlySpan{byte})"/> takes over.
    /// </summary>
    public SipDigestCredentials? AnswerAgain(string realm, string method, string uri, ReadOnlySpan<byte> body = default)
    {
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        SipDigestChallenge challenge;
        uint count;
        lock (_gate)
        {
            if (!_realms.TryGetValue(realm, out var state) || state.Count == uint.MaxValue)
            {
                return null;
            }
            challenge = state.Challenge;
            count = ++state.Count;
        }
        return Build(challenge, count, method, uri, body);
    }

    private SipDigestCredentials Build(SipDigestChallenge challenge, uint count, string method, string uri, ReadOnlySpan<byte> body)
    {
        ChooseQop(challenge, out var qop);
        var algorithm = challenge.Algorithm;
        var ha1 = BaseHa1(algorithm, challenge.Realm)!;
        var cnonce = qop is null && !SipDigest.IsSession(algorithm) ? null : NewCNonce();
        return new SipDigestCredentials
        {
            Username = _username,
            Realm = challenge.Realm,
            Nonce = challenge.Nonce,
            Uri = uri,
            Response = SipDigest.Response(algorithm, ha1, challenge.Nonce, count, cnonce, qop, method, uri, body),
            AlgorithmName = challenge.AlgorithmName,
            CNonce = cnonce,
            Opaque = challenge.Opaque,
            Qop = qop,
            NonceCount = qop is null ? null : count,
        };
    }

    private string? BaseHa1(SipDigestAlgorithm algorithm, string realm)
    {
        if (_password is not null)
        {
            return SipDigest.Ha1(algorithm, _username, realm, _password);
        }
        if (!string.Equals(realm, _ha1Realm, StringComparison.Ordinal))
        {
            return null;
        }
        return SipDigest.IsSha256(algorithm) ? _sha256Ha1 : _md5Ha1;
    }

    private static bool ChooseQop(SipDigestChallenge challenge, out string? qop)
    {
        qop = null;
        if (challenge.QopOptions.Count == 0)
        {
            return true; // RFC 2069 server
        }
        foreach (var option in challenge.QopOptions)
        {
            if (Ascii.EqualsIgnoreCase(option, "auth"))
            {
                qop = "auth";
                return true;
            }
            if (Ascii.EqualsIgnoreCase(option, "auth-int"))
            {
                qop = "auth-int";
            }
        }
        return qop is not null;
    }

    private static int Strength(SipDigestAlgorithm algorithm) => SipDigest.IsSha256(algorithm) ? 2 : 1;

    private static string NewCNonce()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return Convert.ToHexStringLower(random);
    }

    private sealed class NonceState(SipDigestChallenge challenge)
    {
        public SipDigestChallenge Challenge { get; set; } = challenge;

        public uint Count { get; set; }
    }
}
