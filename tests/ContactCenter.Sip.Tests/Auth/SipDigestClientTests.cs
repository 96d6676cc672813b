using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Fakes;
using Xunit;
using static ContactCenter.Sip.Tests.Auth.DigestTestMessages;

namespace ContactCenter.Sip.Tests.Auth;

public class SipDigestClientTests
{
    private const string Realm = "pbx.local";
    private readonly FakeTimeProvider _time = new();

    private SipDigestServer NewServer(params SipDigestAlgorithm[] algorithms)
    {
        var options = new SipDigestServerOptions { Realm = Realm };
        if (algorithms.Length > 0)
        {
            options.Algorithms.Clear();
            foreach (var algorithm in algorithms)
            {
                options.Algorithms.Add(algorithm);
            }
        }
        return new SipDigestServer(options, _time);
    }

    private static SipMessage Challenge(SipDigestServer server, SipMessage request, int status = 401, bool stale = false) =>
        server.AddChallenges(request.CreateResponse(status, toTag: "srv"), stale).ToMessage();

    private static SipDigestVerification Verify(SipDigestServer server, SipDigestCredentials credentials, string method = "REGISTER",
        string uri = "sip:pbx.local", string password = "s3cret", SipHeaderId header = SipHeaderId.Authorization)
    {
        using var request = RequestWithHeaders(method, uri, header.ToName(), credentials.ToString());
        var found = server.FindCredentials(request, header);
        Assert.NotNull(found);
        return server.Verify(request, found, SipDigest.Ha1(SipDigestAlgorithm.Md5, "1001", Realm, password),
            SipDigest.Ha1(SipDigestAlgorithm.Sha256, "1001", Realm, password));
    }

    [Theory]
    [InlineData(SipDigestAlgorithm.Sha256)]
    [InlineData(SipDigestAlgorithm.Md5)]
    public void ClientAndServer_RoundTrip(SipDigestAlgorithm algorithm)
    {
        var server = NewServer(algorithm);
        var client = new SipDigestClient("1001", "s3cret");
        using var register = Request();
        using var unauthorized = Challenge(server, register);

        var answers = client.Answer(unauthorized, "REGISTER", "sip:pbx.local");

        var credentials = Assert.Single(answers);
        Assert.Equal(algorithm, credentials.Algorithm);
        Assert.Equal("auth", credentials.Qop);
        Assert.Equal(1u, credentials.NonceCount);
        Assert.Equal(32, credentials.CNonce!.Length);
        Assert.Equal(SipDigestVerification.Valid, Verify(server, credentials));
        Assert.Equal(SipDigestFailure.WrongResponse, Verify(server, client.Answer(unauthorized, "REGISTER", "sip:pbx.local")[0], password: "other").Failure);
    }

    [Fact]
    public void BothOffered_Sha256IsChosen_EvenWhenMd5IsListedFirst()
    {
        var nonce = NewServer().CreateChallenges()[0].Nonce;
        var md5 = new SipDigestChallenge { Realm = Realm, Nonce = nonce, AlgorithmName = "MD5", QopOptions = ["auth"] };
        var sha = new SipDigestChallenge { Realm = Realm, Nonce = nonce, AlgorithmName = "SHA-256", QopOptions = ["auth"] };
        var client = new SipDigestClient("1001", "s3cret");
        Assert.Same(sha, client.SelectChallenge([md5, sha]));
        Assert.Same(sha, client.SelectChallenge([sha, md5]));
        var unknown = new SipDigestChallenge { Realm = Realm, Nonce = nonce, AlgorithmName = "SHA-512-256", QopOptions = ["auth"] };
        Assert.Same(md5, client.SelectChallenge([unknown, md5]));
        Assert.Null(client.SelectChallenge([unknown]));
    }

    [Fact]
    public void ClientWithOnlyAnMd5Ha1_AnswersTheMd5Challenge()
    {
        var server = NewServer();
        var client = new SipDigestClient("1001", Realm, SipDigest.Ha1(SipDigestAlgorithm.Md5, "1001", Realm, "s3cret"), null);
        using var register = Request();
        using var unauthorized = Challenge(server, register);
        var credentials = Assert.Single(client.Answer(unauthorized, "REGISTER", "sip:pbx.local"));
        Assert.Equal(SipDigestAlgorithm.Md5, credentials.Algorithm);
        Assert.True(Verify(server, credentials).IsValid);
        var otherRealm = new SipDigestChallenge { Realm = "carrier.example", Nonce = "n", QopOptions = ["auth"] };
        Assert.Null(client.Answer(otherRealm, "REGISTER", "sip:carrier.example"));
    }

    [Fact]
    public void NonceCount_CountsUpPerNonce_WithFreshCNonces_AndRestartsOnANewNonce()
    {
        var server = NewServer();
        var client = new SipDigestClient("1001", "s3cret");
        using var register = Request();
        using var first = Challenge(server, register);

        var one = client.Answer(first, "REGISTER", "sip:pbx.local")[0];
        var two = client.AnswerAgain(Realm, "REGISTER", "sip:pbx.local")!;
        var three = client.AnswerAgain(Realm, "REGISTER", "sip:pbx.local")!;
        Assert.Equal([1u, 2u, 3u], new[] { one, two, three }.Select(c => c.NonceCount!.Value));
        Assert.Equal(3, new[] { one, two, three }.Select(c => c.CNonce).Distinct().Count());
        Assert.True(Verify(server, one).IsValid);
        Assert.True(Verify(server, three).IsValid);
        Assert.Equal(SipDigestFailure.ReplayedNonceCount, Verify(server, two).Failure);

        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(SipDigestOutcome.Stale, Verify(server, client.AnswerAgain(Realm, "REGISTER", "sip:pbx.local")!).Outcome);
        using var stale = Challenge(server, register, stale: true);
        var renewed = client.Answer(stale, "REGISTER", "sip:pbx.local")[0];
        Assert.Equal(1u, renewed.NonceCount);
        Assert.True(Verify(server, renewed).IsValid);
        Assert.Null(client.AnswerAgain("unknown.example", "REGISTER", "sip:x"));
    }

    [Fact]
    public void ProxyChallenge_IsAnsweredForProxyAuthorization()
    {
        var server = NewServer();
        var client = new SipDigestClient("1001", "s3cret");
        using var invite = Request("INVITE", "sip:1002@pbx.local");
        using var proxyChallenge = Challenge(server, invite, status: 407);
        Assert.Equal(SipHeaderId.ProxyAuthorization, SipDigestClient.AuthorizationHeaderFor(proxyChallenge.StatusCode));
        var credentials = Assert.Single(client.Answer(proxyChallenge, "INVITE", "sip:1002@pbx.local"));
        Assert.True(Verify(server, credentials, "INVITE", "sip:1002@pbx.local", header: SipHeaderId.ProxyAuthorization).IsValid);
    }

    [Fact]
    public void SeveralRealms_AreEachAnswered()
    {
        var ours = NewServer();
        var theirs = new SipDigestServer(new SipDigestServerOptions { Realm = "carrier.example" }, _time);
        using var invite = Request("INVITE", "sip:1002@pbx.local");
        var builder = invite.CreateResponse(407, toTag: "x");
        ours.AddChallenges(builder);
        theirs.AddChallenges(builder);
        builder.Add(SipHeaderId.ProxyAuthenticate, "Basic realm=\"x\"");
        builder.Add(SipHeaderId.ProxyAuthenticate, "Digest nonsense");
        using var response = builder.ToMessage();

        var answers = new SipDigestClient("1001", "s3cret").Answer(response, "INVITE", "sip:1002@pbx.local");
        Assert.Equal(["pbx.local", "carrier.example"], answers.Select(a => a.Realm));
        Assert.All(answers, a => Assert.Equal(SipDigestAlgorithm.Sha256, a.Algorithm));
    }

    [Fact]
    public void ChallengeWithoutQop_IsAnsweredInTheRfc2069Form()
    {
        var challenge = new SipDigestChallenge { Realm = "biloxi.com", Nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093" };
        var credentials = new SipDigestClient("bob", "zanzibar").Answer(challenge, "INVITE", "sip:bob@biloxi.com")!;
        Assert.Null(credentials.Qop);
        Assert.Null(credentials.NonceCount);
        Assert.Null(credentials.CNonce);
        Assert.Null(credentials.AlgorithmName);
        var ha1 = SipDigest.Ha1(SipDigestAlgorithm.Md5, "bob", "biloxi.com", "zanzibar");
        Assert.Equal(SipDigest.Response(SipDigestAlgorithm.Md5, ha1, challenge.Nonce, null, null, null, "INVITE", "sip:bob@biloxi.com"), credentials.Response);
    }

    [Fact]
    public void AuthIntOnly_HashesTheBody_AndUnknownQopIsNotAnswered()
    {
        var challenge = new SipDigestChallenge { Realm = Realm, Nonce = "n", AlgorithmName = "MD5-sess", QopOptions = ["auth-int"], Opaque = "o" };
        var body = "v=0\r\n"u8.ToArray();
        var credentials = new SipDigestClient("1001", "s3cret").Answer(challenge, "INVITE", "sip:1002@pbx.local", body)!;
        Assert.Equal("auth-int", credentials.Qop);
        Assert.Equal("MD5-sess", credentials.AlgorithmName);
        Assert.Equal("o", credentials.Opaque);
        var ha1 = SipDigest.Ha1(SipDigestAlgorithm.Md5, "1001", Realm, "s3cret");
        Assert.Equal(SipDigest.Response(SipDigestAlgorithm.Md5Sess, ha1, "n", 1, credentials.CNonce, "auth-int", "INVITE", "sip:1002@pbx.local", body),
            credentials.Response);

        var strange = new SipDigestChallenge { Realm = Realm, Nonce = "n", QopOptions = ["auth-conf"] };
        Assert.False(new SipDigestClient("1001", "s3cret").CanAnswer(strange));
    }
}
