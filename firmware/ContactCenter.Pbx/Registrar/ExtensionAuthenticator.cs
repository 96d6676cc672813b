using System.Net;
using ContactCenter.Data.Snapshots;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Registrar;

/// <summary>
/// Digest authentication of requests from extensions (DESIGN.md "Security defaults": REGISTER, INVITE and SUBSCRIBE).
/// A REGISTER is challenged with 401 and WWW-Authenticate (RFC 3261 §22.2), anything else with 407 and
/// Proxy-Authenticate (§22.3), both from one nonce key. Unknown users, wrong passwords and banned sources all get the
/// same fresh challenge, so a guesser learns nothing; wrong responses feed the <see cref="AuthFailureGuard"/>.
/// Thread-safe: the digest server is replaced whole when the realm setting changes.
/// </summary>
public sealed class ExtensionAuthenticator
{
    private readonly ExtensionDirectory _directory;
    private readonly IReadOnlyList<SipDigestAlgorithm> _algorithms;
    private readonly bool _requireUriMatch;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly byte[] _nonceKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    private SipDigestServer? _digest;

    /// <summary>Creates the authenticator; a bad <see cref="RegistrarOptions.DigestAlgorithms"/> throws here, at start.</summary>
    public ExtensionAuthenticator(RegistrarOptions options, ExtensionDirectory directory, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _algorithms = ParseAlgorithms(options.DigestAlgorithms);
        _requireUriMatch = options.DigestUriMustMatch;
        _logger = loggerFactory.CreateLogger<ExtensionAuthenticator>();
        Guard = new AuthFailureGuard(options, time, loggerFactory.CreateLogger<AuthFailureGuard>());
    }

    /// <summary>The ban policy (its <see cref="AuthFailureGuard.ListBans"/> is what the admin sees).</summary>
    public AuthFailureGuard Guard { get; }

    /// <summary>
    /// Authenticates <paramref name="request"/> as the extension it names in its credentials. Never throws for the
    /// request's content.
    /// </summary>
    /// <param name="request">The request; its <see cref="SipMessage.Source"/> is the address bans apply to.</param>
    /// <param name="claimed">The extension the request is about (the AOR of a REGISTER, the caller of an INVITE): a ban for it applies even before credentials come.</param>
    /// <param name="tag">The To tag of the challenge response.</param>
    /// <param name="sourceProtected">Whether other extensions hold registrations from an address (it is then never banned as a whole).</param>
    public ExtensionAuthentication Authenticate(SipMessage request, string claimed, string tag, Func<IPAddress, string, bool> sourceProtected)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sourceProtected);
        var isRegister = request.Method == SipMethod.Register;
        var status = isRegister ? 401 : 407;
        var source = SourceOf(request);
        var snapshot = _directory.Current;
        var digest = Digest(snapshot.Realm);
        var credentials = digest.FindCredentials(request, isRegister ? SipHeaderId.Authorization : SipHeaderId.ProxyAuthorization);
        // The user name is the client's text: bounded and printable before it reaches a log line or a ban key.
        var username = credentials is null ? Printable(claimed) : Printable(credentials.Username);

        if (Guard.IsBanned(source, claimed) || Guard.IsBanned(source, username))
        {
            RegistrarLog.RefusedBanned(_logger, request.MethodName, username, source);
            return Challenge(request, digest, status, tag, stale: false);
        }
        if (credentials is null)
        {
            return Challenge(request, digest, status, tag, stale: false);
        }

        // Unknown users verify against no HA1: same work, same WrongResponse, same answer as a wrong password.
        string? md5 = null, sha256 = null;
        if (snapshot.TryGet(username, out var user) && string.Equals(user.Ha1Realm, snapshot.Realm, StringComparison.Ordinal))
        {
            md5 = user.Ha1Md5;
            sha256 = user.Ha1Sha256;
        }
        var verification = digest.Verify(request, credentials, md5, sha256);
        if (verification.IsStale)
        {
            RegistrarLog.AuthStale(_logger, request.MethodName, username, source, verification.Failure.ToString());
            return Challenge(request, digest, status, tag, stale: true);
        }
        if (!verification.IsValid || user is null)
        {
            if (verification.Failure == SipDigestFailure.WrongResponse)
            {
                Guard.RecordFailure(source, username, sourceProtected(source, username));
            }
            RegistrarLog.AuthFailed(_logger, request.MethodName, username, source, verification.Failure.ToString());
            return Challenge(request, digest, status, tag, stale: false);
        }
        return new ExtensionAuthentication(user, null);
    }

    /// <summary>The source address of a request, IPv4-mapped addresses unmapped (how bans and bindings compare them).</summary>
    public static IPAddress SourceOf(SipMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var address = request.Source?.Remote.Address ?? IPAddress.None;
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }

    private static ExtensionAuthentication Challenge(SipMessage request, SipDigestServer digest, int status, string tag, bool stale) =>
        new(null, digest.AddChallenges(request.CreateResponse(status, toTag: tag), stale));

    private SipDigestServer Digest(string realm)
    {
        var digest = Volatile.Read(ref _digest);
        if (digest is not null && string.Equals(digest.Realm, realm, StringComparison.Ordinal))
        {
            return digest;
        }
        // The realm is a setting: a new one takes a new server (same key; old nonces then fail the realm check and are re-challenged).
        var options = new SipDigestServerOptions { Realm = realm, Key = _nonceKey, RequireUriMatch = _requireUriMatch };
        options.Algorithms.Clear();
        foreach (var algorithm in _algorithms)
        {
            options.Algorithms.Add(algorithm);
        }
        digest = new SipDigestServer(options, _time);
        Volatile.Write(ref _digest, digest);
        return digest;
    }

    private static List<SipDigestAlgorithm> ParseAlgorithms(string text)
    {
        var algorithms = new List<SipDigestAlgorithm>();
        foreach (var token in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            algorithms.Add(token.ToUpperInvariant() switch
            {
                "SHA-256" => SipDigestAlgorithm.Sha256,
                "MD5" => SipDigestAlgorithm.Md5,
                _ => throw new ArgumentException($"Registrar:DigestAlgorithms: '{token}' is neither SHA-256 nor MD5."),
            });
        }
        return algorithms;
    }

    /// <summary>Client text made safe for logs and ban keys: at most 64 printable ASCII characters, others as '?'.</summary>
    internal static string Printable(string text)
    {
        const int MaxLength = 64;
        var span = text.AsSpan(0, Math.Min(text.Length, MaxLength));
        return span.ContainsAnyExceptInRange((char)0x21, (char)0x7E) || text.Length > MaxLength
            ? string.Create(span.Length, text, static (chars, source) =>
            {
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = source[i] is >= (char)0x21 and <= (char)0x7E ? source[i] : '?';
                }
            })
            : text;
    }
}

/// <summary>The outcome of <see cref="ExtensionAuthenticator.Authenticate"/>: the authenticated extension, or the challenge to send.</summary>
/// <param name="Extension">The extension whose credentials were verified, null when not authenticated.</param>
/// <param name="Challenge">The 401/407 response with fresh challenges, null when authenticated.</param>
public readonly record struct ExtensionAuthentication(Data.Repositories.Extension? Extension, SipMessageBuilder? Challenge)
{
    /// <summary>True when the request carries valid credentials of a known extension.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Extension))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Challenge))]
    public bool IsAuthenticated => Extension is not null;
}
