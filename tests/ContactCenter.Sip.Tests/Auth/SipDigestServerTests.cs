using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Fakes;
using Xunit;
using static ContactCenter.Sip.Tests.Auth.DigestTestMessages;

namespace ContactCenter.Sip.Tests.Auth;

public class SipDigestServerTests
{
    private const string Realm = "pbx.local";
    private const string User = "1001";
    private const string Password = "correct horse";
    private static readonly string Md5Ha1 = SipDigest.Ha1(SipDigestAlgorithm.Md5, User, Realm, Password);
    private static readonly string Sha256Ha1 = SipDigest.Ha1(SipDigestAlgorithm.Sha256, User, Realm, Password);

    private readonly FakeTimeProvider _time = new();

    private SipDigestServer NewServer(Action<SipDigestServerOptions>? configure = null)
    {
        var options = new SipDigestServerOptions { Realm = Realm };
        configure?.Invoke(options);
        return new SipDigestServer(options, _time);
    }

    private static SipDigestChallenge Challenge(SipDigestServer server, SipDigestAlgorithm algorithm, bool stale = false) =>
        server.CreateChallenges(stale).Single(c => c.Algorithm == algorithm);

    // The client computes credentials for the challenge; the request carries them; the server checks them.
    private static SipDigestVerification RoundTrip(SipDigestServer server, SipDigestCredentials credentials,
        string method = "REGISTER", string uri = "sip:pbx.local")
    {
        using var request = Request(method, uri, credentials.ToString());
        var found = server.FindCredentials(request);
        Assert.NotNull(found);
        return server.Verify(request, found, Md5Ha1, Sha256Ha1);
    }

    private static SipDigestCredentials Sign(SipDigestChallenge challenge, uint nc, string password = Password, string uri = "sip:pbx.local",
        string method = "REGISTER", string? nonce = null, string? realm = null, string? qop = "auth")
    {
        nonce ??= challenge.Nonce;
        var ha1 = SipDigest.Ha1(challenge.Algorithm, User, realm ?? challenge.Realm, password);
        return new SipDigestCredentials
        {
            Username = User,
            Realm = realm ?? challenge.Realm,
            Nonce = nonce,
            Uri = uri,
            AlgorithmName = challenge.AlgorithmName,
            Qop = qop,
            NonceCount = qop is null ? null : nc,
            CNonce = qop is null ? null : "0a4f113b",
            Opaque = challenge.Opaque,
            Response = SipDigest.Response(challenge.Algorithm, ha1, nonce, nc, "0a4f113b", qop, method, uri),
        };
    }

    [Fact]
    public void Challenges_AreSha256ThenMd5_WithOneNonceQopAuthAndOpaque()
    {
        var challenges = NewServer().CreateChallenges();
        Assert.Equal([SipDigestAlgorithm.Sha256, SipDigestAlgorithm.Md5], challenges.Select(c => c.Algorithm));
        Assert.All(challenges, c =>
        {
            Assert.Equal(Realm, c.Realm);
            Assert.Equal(["auth"], c.QopOptions);
            Assert.False(c.Stale);
            Assert.False(string.IsNullOrEmpty(c.Opaque));
            Assert.Equal(challenges[0].Nonce, c.Nonce);
            Assert.Matches("^[A-Za-z0-9_-]{48}$", c.Nonce);
        });
        Assert.StartsWith("Digest realm=\"pbx.local\", nonce=\"", challenges[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("algorithm=SHA-256, qop=\"auth\"", challenges[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Challenges_AreFreshEachTime()
    {
        var server = NewServer();
        Assert.NotEqual(server.CreateChallenges()[0].Nonce, server.CreateChallenges()[0].Nonce);
    }

    [Fact]
    public void AddChallenges_To401_UsesWwwAuthenticate_And407_UsesProxyAuthenticate_WithStale()
    {
        var server = NewServer();
        using var request = Request("INVITE", "sip:1002@pbx.local");
        using var unauthorized = server.AddChallenges(request.CreateResponse(401, toTag: "t1")).ToMessage();
        using var proxy = server.AddChallenges(request.CreateResponse(407, toTag: "t1"), stale: true).ToMessage();

        Assert.Equal(2, unauthorized.CountHeaders(SipHeaderId.WwwAuthenticate));
        Assert.Equal(0, unauthorized.CountHeaders(SipHeaderId.ProxyAuthenticate));
        var parsed = proxy.GetHeaders(SipHeaderId.ProxyAuthenticate)
            .Select(v => SipDigestChallenge.TryParse(v, out var c) ? c : null).ToList();
        Assert.Equal([SipDigestAlgorithm.Sha256, SipDigestAlgorithm.Md5], parsed.Select(c => c!.Algorithm));
        Assert.All(parsed, c => Assert.True(c!.Stale));
        Assert.Throws<ArgumentException>(() => server.AddChallenges(request.CreateResponse(403)));
    }

    [Theory]
    [InlineData(SipDigestAlgorithm.Sha256)]
    [InlineData(SipDigestAlgorithm.Md5)]
    public void RightPassword_IsValid(SipDigestAlgorithm algorithm)
    {
        var server = NewServer();
        Assert.Equal(SipDigestVerification.Valid, RoundTrip(server, Sign(Challenge(server, algorithm), 1)));
    }

    [Fact]
    public void WrongPassword_IsInvalid_WithWrongResponse()
    {
        var server = NewServer();
        var result = RoundTrip(server, Sign(Challenge(server, SipDigestAlgorithm.Sha256), 1, password: "guess"));
        Assert.Equal(SipDigestOutcome.Invalid, result.Outcome);
        Assert.Equal(SipDigestFailure.WrongResponse, result.Failure);
    }

    [Fact]
    public void UnknownUser_IsAnsweredLikeAWrongPassword_EvenWithAnExpiredNonce()
    {
        var server = NewServer();
        var credentials = Sign(Challenge(server, SipDigestAlgorithm.Md5), 1);
        using var request = Request(authorization: credentials.ToString());
        Assert.Equal(SipDigestFailure.WrongResponse, server.Verify(request, credentials, ha1: null).Failure);
        _time.Advance(TimeSpan.FromMinutes(6));
        var expired = server.Verify(request, credentials, ha1: null);
        Assert.Equal(SipDigestOutcome.Invalid, expired.Outcome);
        Assert.Equal(SipDigestFailure.WrongResponse, expired.Failure);
        Assert.Equal(expired, server.Verify(request, credentials, SipDigest.Ha1(SipDigestAlgorithm.Md5, User, Realm, "wrong")));
    }

    [Fact]
    public void WrongHa1ForTheAlgorithm_IsWrongResponse()
    {
        var server = NewServer();
        var credentials = Sign(Challenge(server, SipDigestAlgorithm.Sha256), 1);
        using var request = Request(authorization: credentials.ToString());
        Assert.Equal(SipDigestFailure.WrongResponse, server.Verify(request, credentials, Md5Ha1).Failure);
    }

    [Fact]
    public void UppercaseResponseAndHa1_AreAccepted()
    {
        var server = NewServer();
        var credentials = Sign(Challenge(server, SipDigestAlgorithm.Md5), 1);
        var shouting = new SipDigestCredentials
        {
            Username = credentials.Username, Realm = credentials.Realm, Nonce = credentials.Nonce, Uri = credentials.Uri,
            AlgorithmName = "md5", Qop = "AUTH", NonceCount = 1, CNonce = credentials.CNonce, Opaque = credentials.Opaque,
            Response = credentials.Response.ToUpperInvariant(),
        };
        using var request = Request(authorization: shouting.ToString());
        Assert.True(server.Verify(request, shouting, Md5Ha1.ToUpperInvariant()).IsValid);
    }

    [Fact]
    public void TamperedNonce_IsInvalid_AsUnknownNonce()
    {
        var server = NewServer();
        var challenge = Challenge(server, SipDigestAlgorithm.Sha256);
        var chars = challenge.Nonce.ToCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A';
        var result = RoundTrip(server, Sign(challenge, 1, nonce: new string(chars)));
        Assert.Equal(SipDigestOutcome.Invalid, result.Outcome);
        Assert.Equal(SipDigestFailure.UnknownNonce, result.Failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ")]
    public void MadeUpNonce_IsInvalid(string nonce)
    {
        var server = NewServer();
        var result = RoundTrip(server, Sign(Challenge(server, SipDigestAlgorithm.Md5), 1, nonce: nonce));
        Assert.Equal(SipDigestFailure.UnknownNonce, result.Failure);
    }

    [Fact]
    public void NonceFromAnotherServerKey_IsInvalid()
    {
        var other = NewServer();
        var server = NewServer();
        var result = RoundTrip(server, Sign(Challenge(other, SipDigestAlgorithm.Sha256), 1) is var c
            ? new SipDigestCredentials
            {
                Username = c.Username, Realm = c.Realm, Nonce = c.Nonce, Uri = c.Uri, AlgorithmName = c.AlgorithmName,
                Qop = c.Qop, NonceCount = c.NonceCount, CNonce = c.CNonce, Response = c.Response,
            }
            : null!);
        Assert.Equal(SipDigestFailure.UnknownNonce, result.Failure);
    }

    [Fact]
    public void NonceForAnotherRealm_WithTheSameKey_IsInvalid()
    {
        var key = new byte[32];
        var server = NewServer(o => o.Key = key);
        var other = new SipDigestServer(new SipDigestServerOptions { Realm = "other.local", Key = key }, _time);
        var foreign = Challenge(other, SipDigestAlgorithm.Md5);
        var credentials = Sign(foreign, 1, realm: Realm);
        using var request = Request(authorization: credentials.ToString());
        // The opaque is realm-bound too; drop it to reach the nonce check.
        var withoutOpaque = SipDigestCredentials.TryParse(credentials.ToString().Replace($", opaque=\"{foreign.Opaque}\"", "", StringComparison.Ordinal), out var c) ? c : null;
        Assert.Equal(SipDigestFailure.UnknownNonce, server.Verify(request, withoutOpaque!, Md5Ha1).Failure);
        Assert.Equal(SipDigestFailure.OpaqueMismatch, server.Verify(request, credentials, Md5Ha1).Failure);
    }

    [Fact]
    public void PersistedKey_KeepsNoncesValidAcrossInstances()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var before = NewServer(o => o.Key = key);
        var after = NewServer(o => o.Key = key);
        Assert.True(RoundTrip(after, Sign(Challenge(before, SipDigestAlgorithm.Sha256), 1)).IsValid);
    }

    [Fact]
    public void ExpiredNonce_WithRightPassword_IsStale_AndANewChallengeWorks()
    {
        var server = NewServer();
        var challenge = Challenge(server, SipDigestAlgorithm.Sha256);
        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(1));

        var result = RoundTrip(server, Sign(challenge, 1));
        Assert.Equal(SipDigestOutcome.Stale, result.Outcome);
        Assert.Equal(SipDigestFailure.NonceExpired, result.Failure);
        Assert.True(result.IsStale);

        var renewed = Challenge(server, SipDigestAlgorithm.Sha256, stale: true);
        Assert.True(renewed.Stale);
        Assert.True(RoundTrip(server, Sign(renewed, 1)).IsValid);
    }

    [Fact]
    public void NonceAtTheEndOfItsLifetime_IsStillValid()
    {
        var server = NewServer();
        var challenge = Challenge(server, SipDigestAlgorithm.Md5);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(RoundTrip(server, Sign(challenge, 1)).IsValid);
    }

    [Fact]
    public void NonceFromTheFuture_AfterTheClockSteppedBack_IsStale()
    {
        var key = new byte[16];
        var early = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.Zero));
        var challenge = new SipDigestServer(new SipDigestServerOptions { Realm = Realm, Key = key }, early).CreateChallenges()[0];
        var server = NewServer(o => o.Key = key); // its clock is an hour behind
        Assert.Equal(SipDigestFailure.NonceExpired, RoundTrip(server, Sign(challenge, 1)).Failure);
    }

    [Fact]
    public void ReplayedNonceCount_IsInvalid_AndIncreasingCountsAreValid()
    {
        var server = NewServer();
        var challenge = Challenge(server, SipDigestAlgorithm.Sha256);
        Assert.True(RoundTrip(server, Sign(challenge, 1)).IsValid);

        var replay = RoundTrip(server, Sign(challenge, 1));
        Assert.Equal(SipDigestOutcome.Invalid, replay.Outcome);
        Assert.Equal(SipDigestFailure.ReplayedNonceCount, replay.Failure);

        Assert.True(RoundTrip(server, Sign(challenge, 2)).IsValid);
        Assert.True(RoundTrip(server, Sign(challenge, 7)).IsValid);
        Assert.Equal(SipDigestFailure.ReplayedNonceCount, RoundTrip(server, Sign(challenge, 5)).Failure);
        Assert.Equal(SipDigestFailure.ReplayedNonceCount, RoundTrip(server, Sign(challenge, 7)).Failure);
        Assert.True(RoundTrip(server, Sign(challenge, 8)).IsValid);
    }

    [Fact]
    public void ReplayedNonceCount_ThroughTheOtherAlgorithm_IsStillReplayed()
    {
        var server = NewServer();
        var challenges = server.CreateChallenges();
        Assert.True(RoundTrip(server, Sign(challenges[0], 1)).IsValid);
        Assert.Equal(SipDigestFailure.ReplayedNonceCount, RoundTrip(server, Sign(challenges[1], 1)).Failure);
    }

    [Fact]
    public void WrongPassword_DoesNotConsumeNonceCounts()
    {
        var server = NewServer();
        var challenge = Challenge(server, SipDigestAlgorithm.Md5);
        Assert.Equal(SipDigestFailure.WrongResponse, RoundTrip(server, Sign(challenge, uint.MaxValue, password: "x")).Failure);
        Assert.True(RoundTrip(server, Sign(challenge, 1)).IsValid);
    }

    [Fact]
    public void NonceCountWindow_AcceptsLateCountsOnce()
    {
        var server = NewServer(o => o.NonceCountWindow = 4);
        var challenge = Challenge(server, SipDigestAlgorithm.Sha256);
        Assert.True(RoundTrip(server, Sign(challenge, 5)).IsValid);
        Assert.True(RoundTrip(server, Sign(challenge, 3)).IsValid);
        Assert.Equal(SipDigestFailure.ReplayedNonceCount, RoundTrip(server, Sign(challenge, 3)).Failure);
        Assert.True(RoundTrip(server, Sign(challenge, 1)).IsValid);
        Assert.True(RoundTrip(server, Sign(challenge, 9)).IsValid);
        Assert.Equal(SipDigestFailure.ReplayedNonceCount, RoundTrip(server, Sign(challenge, 4)).Failure); // now 5 below
        Assert.Equal(SipDigestFailure.ReplayedNonceCount, RoundTrip(server, Sign(challenge, 5)).Failure);
    }

    [Fact]
    public void ReplayTable_IsBounded_AndForgottenNoncesAreStaleNotValid()
    {
        var server = NewServer(o => o.MaxTrackedNonces = 16);
        var first = Challenge(server, SipDigestAlgorithm.Md5);
        Assert.True(RoundTrip(server, Sign(first, 1)).IsValid);
        for (var i = 0; i < 40; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            Assert.True(RoundTrip(server, Sign(Challenge(server, SipDigestAlgorithm.Md5), 1)).IsValid);
            Assert.InRange(server.TrackedNonceCount, 1, 16);
        }
        var result = RoundTrip(server, Sign(first, 2));
        Assert.Equal(SipDigestOutcome.Stale, result.Outcome);
        Assert.Equal(SipDigestFailure.NonceForgotten, result.Failure);
        Assert.Equal(SipDigestFailure.NonceForgotten, RoundTrip(server, Sign(first, 1)).Failure);
    }

    [Fact]
    public void ReplayTable_ForgetsExpiredNonces()
    {
        var server = NewServer();
        for (var i = 0; i < 10; i++)
        {
            Assert.True(RoundTrip(server, Sign(Challenge(server, SipDigestAlgorithm.Sha256), 1)).IsValid);
        }
        Assert.Equal(10, server.TrackedNonceCount);
        _time.Advance(TimeSpan.FromMinutes(11));
        Assert.True(RoundTrip(server, Sign(Challenge(server, SipDigestAlgorithm.Sha256), 1)).IsValid);
        Assert.Equal(1, server.TrackedNonceCount);
    }

    [Fact]
    public void UriNotNamingTheRequestUri_IsInvalid()
    {
        var server = NewServer();
        var credentials = Sign(Challenge(server, SipDigestAlgorithm.Sha256), 1, uri: "sip:other.example");
        using var request = Request("REGISTER", "sip:pbx.local", credentials.ToString());
        Assert.Equal(SipDigestFailure.UriMismatch, server.Verify(request, credentials, Sha256Ha1).Failure);
    }

    [Fact]
    public void UriWrittenDifferently_ButEquivalent_IsValid()
    {
        var server = NewServer();
        var credentials = Sign(Challenge(server, SipDigestAlgorithm.Sha256), 1, uri: "sip:PBX.local;transport=TCP");
        using var request = Request("REGISTER", "sip:pbx.local;transport=tcp", credentials.ToString());
        Assert.True(server.Verify(request, credentials, Sha256Ha1).IsValid);
    }

    [Fact]
    public void MethodIsPartOfTheDigest()
    {
        var server = NewServer();
        var credentials = Sign(Challenge(server, SipDigestAlgorithm.Sha256), 1, method: "REGISTER");
        using var request = Request("INVITE", "sip:pbx.local", credentials.ToString());
        Assert.Equal(SipDigestFailure.WrongResponse, server.Verify(request, credentials, Sha256Ha1).Failure);
    }

    [Fact]
    public void WrongRealm_IsNotFound_AndInvalid()
    {
        var server = NewServer();
        var challenge = Challenge(server, SipDigestAlgorithm.Md5);
        var credentials = Sign(challenge, 1, realm: "evil.example");
        using var request = Request(authorization: credentials.ToString());
        Assert.Null(server.FindCredentials(request));
        Assert.Equal(SipDigestFailure.RealmMismatch, server.Verify(request, credentials, Md5Ha1).Failure);
    }

    [Fact]
    public void FindCredentials_PicksOurRealm_AndThePreferredAlgorithm_AmongSeveral()
    {
        var server = NewServer();
        var challenges = server.CreateChallenges();
        var md5 = Sign(challenges[1], 1);
        var sha = Sign(challenges[0], 2);
        var foreign = Sign(challenges[0], 3, realm: "carrier.example");
        using var request = Request("REGISTER", "sip:pbx.local", foreign.ToString(), "garbage", md5.ToString(), sha.ToString());
        Assert.Equal(SipDigestAlgorithm.Sha256, server.FindCredentials(request)!.Algorithm);
        using var proxied = RequestWithHeaders("INVITE", "sip:1002@pbx.local", "Proxy-Authorization", md5.ToString());
        Assert.Null(server.FindCredentials(proxied));
        Assert.Equal(SipDigestAlgorithm.Md5, server.FindCredentials(proxied, SipHeaderId.ProxyAuthorization)!.Algorithm);
    }

    [Fact]
    public void AlgorithmNotOffered_IsInvalid()
    {
        var server = NewServer(o =>
        {
            o.Algorithms.Clear();
            o.Algorithms.Add(SipDigestAlgorithm.Sha256);
        });
        Assert.Single(server.CreateChallenges());
        var md5 = new SipDigestChallenge { Realm = Realm, Nonce = server.CreateChallenges()[0].Nonce, AlgorithmName = "MD5", QopOptions = ["auth"] };
        Assert.Equal(SipDigestFailure.UnsupportedAlgorithm, RoundTrip(server, Sign(md5, 1)).Failure);
        var sess = new SipDigestChallenge { Realm = Realm, Nonce = md5.Nonce, AlgorithmName = "SHA-256-sess", QopOptions = ["auth"] };
        Assert.Equal(SipDigestFailure.UnsupportedAlgorithm, RoundTrip(server, Sign(sess, 1)).Failure);
    }

    [Fact]
    public void AuthIntAndMissingQop_AreInvalid_ByDefault()
    {
        var server = NewServer();
        var challenge = Challenge(server, SipDigestAlgorithm.Sha256);
        Assert.Equal(SipDigestFailure.UnsupportedQop, RoundTrip(server, Sign(challenge, 1, qop: "auth-int")).Failure);
        Assert.Equal(SipDigestFailure.UnsupportedQop, RoundTrip(server, Sign(challenge, 1, qop: null)).Failure);
    }

    [Fact]
    public void NoQop_WhenAllowed_IsValidOncePerNonce()
    {
        var server = NewServer(o => o.AllowNoQop = true);
        var challenge = Challenge(server, SipDigestAlgorithm.Md5);
        Assert.True(RoundTrip(server, Sign(challenge, 0, qop: null)).IsValid);
        Assert.Equal(SipDigestFailure.ReplayedNonceCount, RoundTrip(server, Sign(challenge, 0, qop: null)).Failure);
    }

    [Fact]
    public void QopWithoutCountOrCNonce_OrWithCountZero_IsMalformed()
    {
        var server = NewServer();
        var c = Sign(Challenge(server, SipDigestAlgorithm.Md5), 1);
        using var request = Request(authorization: c.ToString());
        var noCount = SipDigestCredentials.TryParse(c.ToString().Replace(", nc=00000001", "", StringComparison.Ordinal), out var a) ? a : null;
        var zero = SipDigestCredentials.TryParse(c.ToString().Replace("nc=00000001", "nc=00000000", StringComparison.Ordinal), out var b) ? b : null;
        var noCNonce = SipDigestCredentials.TryParse(c.ToString().Replace(", cnonce=\"0a4f113b\"", "", StringComparison.Ordinal), out var d) ? d : null;
        Assert.Equal(SipDigestFailure.Malformed, server.Verify(request, noCount!, Md5Ha1).Failure);
        Assert.Equal(SipDigestFailure.Malformed, server.Verify(request, zero!, Md5Ha1).Failure);
        Assert.Equal(SipDigestFailure.Malformed, server.Verify(request, noCNonce!, Md5Ha1).Failure);
    }

    [Fact]
    public void MissingOpaque_IsTolerated_ButAWrongOneIsNot()
    {
        var server = NewServer();
        var challenge = Challenge(server, SipDigestAlgorithm.Md5);
        var text = Sign(challenge, 1).ToString();
        Assert.True(SipDigestCredentials.TryParse(text.Replace($", opaque=\"{challenge.Opaque}\"", "", StringComparison.Ordinal), out var without));
        Assert.True(RoundTrip(server, without).IsValid);
        Assert.True(SipDigestCredentials.TryParse(text.Replace(challenge.Opaque!, "xyz", StringComparison.Ordinal), out var wrong));
        Assert.Equal(SipDigestFailure.OpaqueMismatch, RoundTrip(server, wrong).Failure);
    }

    [Theory]
    [InlineData("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")]
    [InlineData("Digest")]
    [InlineData("Digest username=\"1001\"")]
    [InlineData("Digest username=\"1001\", realm=\"pbx.local\", nonce=\"\", uri=\"\", response=\"\"")]
    [InlineData("Digest username=\"1001\", realm=\"pbx.local\", nonce=\"x\", uri=\"sip:pbx.local\", response=\"zz\", qop=auth, nc=00000001, cnonce=\"c\"")]
    [InlineData("Digest username=\"\u00e9\", realm=\"pbx.local\", nonce=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\", uri=\"%%%\", response=\"0123456789abcdef0123456789abcdef\", qop=auth, nc=ffffffff, cnonce=\"c\", algorithm=MD5")]
    [InlineData("Digest username=\"1001\", realm=\"pbx.local\", nonce=\"x\", uri=\"sip:pbx.local\", response=\"r\", algorithm=SHA-512-256, qop=auth, nc=00000001, cnonce=\"c\"")]
    [InlineData("Digest username=1001, realm=pbx.local, nonce=x, uri=sip:pbx.local, response=r")]
    [InlineData("Digest ,,,, realm=\"pbx.local\"")]
    public void GarbageCredentials_NeverThrow_AndAreNeverValid(string value)
    {
        var server = NewServer(o => o.AllowNoQop = true);
        using var request = Request(authorization: value);
        var found = server.FindCredentials(request);
        if (found is not null)
        {
            Assert.False(server.Verify(request, found, Md5Ha1, Sha256Ha1).IsValid);
            Assert.False(server.Verify(request, found, null).IsValid);
        }
        if (SipDigestCredentials.TryParse(value, out var parsed))
        {
            Assert.False(server.Verify(request, parsed, Md5Ha1, Sha256Ha1).IsValid);
        }
    }

    [Fact]
    public void MutatedCredentials_NeverThrow_AndAreNeverValid()
    {
        var server = NewServer(o => o.NonceCountWindow = 63);
        var signed = Sign(Challenge(server, SipDigestAlgorithm.Sha256), 1);
        var original = signed.ToString();
        var random = new Random(3261);
        const string alphabet = "\"\\,=: abcdefABCDEF0123456789-_/%;";
        using var request = Request(authorization: "Digest x=y");
        for (var i = 0; i < 2000; i++)
        {
            var chars = original.ToCharArray();
            for (var j = random.Next(1, 4); j > 0; j--)
            {
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            }
            var mutated = new string(chars);
            if (mutated == original || !SipDigestCredentials.TryParse(mutated, out var credentials))
            {
                continue;
            }
            // Only a mutation that leaves every digest input intact (the user name, which the caller maps to an HA1,
            // or the case of a hex digit or token) may verify.
            if (server.Verify(request, credentials, Md5Ha1, Sha256Ha1).IsValid)
            {
                Assert.Equal(signed.Nonce, credentials.Nonce);
                Assert.Equal(signed.Uri, credentials.Uri);
                Assert.Equal(signed.CNonce, credentials.CNonce);
                Assert.Equal(signed.NonceCount, credentials.NonceCount);
                Assert.Equal(signed.Response, credentials.Response, ignoreCase: true);
            }
        }
    }

    [Fact]
    public void Options_AreValidated()
    {
        Assert.Throws<ArgumentException>(() => new SipDigestServer(new SipDigestServerOptions(), _time));
        Assert.ThrowsAny<ArgumentException>(() => NewServer(o => o.NonceCountWindow = 64));
        Assert.ThrowsAny<ArgumentException>(() => NewServer(o => o.NonceLifetime = TimeSpan.Zero));
        Assert.ThrowsAny<ArgumentException>(() => NewServer(o => o.Key = new byte[8]));
        Assert.ThrowsAny<ArgumentException>(() => NewServer(o => o.Algorithms.Add(SipDigestAlgorithm.Md5Sess)));
        Assert.ThrowsAny<ArgumentException>(() => NewServer(o => o.Algorithms.Clear()));
    }
}
