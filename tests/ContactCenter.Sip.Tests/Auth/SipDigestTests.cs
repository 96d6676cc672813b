using ContactCenter.Sip.Auth;
using Xunit;

namespace ContactCenter.Sip.Tests.Auth;

public class SipDigestChallengeTests
{
    [Fact]
    public void Challenge_Rfc3261Example_IsParsed()
    {
        Assert.True(SipDigestChallenge.TryParse("Digest realm=\"atlanta.com\",\r\n domain=\"sip:ss1.carrier.com\", qop=\"auth,auth-int\",\r\n nonce=\"f84f1cec41e6cbe5aea9c8e88d359\",\r\n opaque=\"\", stale=FALSE, algorithm=MD5", out var challenge));
        Assert.True(challenge.IsDigest);
        Assert.Equal("atlanta.com", challenge.Realm);
        Assert.Equal("sip:ss1.carrier.com", challenge.Domain);
        Assert.Equal(["auth", "auth-int"], challenge.QopOptions);
        Assert.Equal("f84f1cec41e6cbe5aea9c8e88d359", challenge.Nonce);
        Assert.Equal("", challenge.Opaque);
        Assert.False(challenge.Stale);
        Assert.Equal(SipDigestAlgorithm.Md5, challenge.Algorithm);
    }

    [Theory]
    [InlineData(null, SipDigestAlgorithm.Md5)]
    [InlineData("md5", SipDigestAlgorithm.Md5)]
    [InlineData("MD5-sess", SipDigestAlgorithm.Md5Sess)]
    [InlineData("SHA-256", SipDigestAlgorithm.Sha256)]
    [InlineData("sha-256-SESS", SipDigestAlgorithm.Sha256Sess)]
    [InlineData("SHA-512-256", SipDigestAlgorithm.Unknown)]
    public void Challenge_Algorithm_IsRecognised(string? name, SipDigestAlgorithm algorithm)
    {
        var text = "Digest realm=\"r\", nonce=\"n\"" + (name is null ? "" : ", algorithm=" + name);
        Assert.True(SipDigestChallenge.TryParse(text, out var challenge));
        Assert.Equal(algorithm, challenge.Algorithm);
    }

    [Fact]
    public void Challenge_Built_RoundTrips()
    {
        var challenge = new SipDigestChallenge
        {
            Realm = "pbx.local",
            Nonce = "abc\"def",
            Opaque = "xyz",
            AlgorithmName = SipDigestChallenge.AlgorithmToken(SipDigestAlgorithm.Sha256),
            QopOptions = ["auth"],
            Stale = true,
        };
        var text = challenge.ToString();
        Assert.Equal("Digest realm=\"pbx.local\", nonce=\"abc\\\"def\", opaque=\"xyz\", stale=true, algorithm=SHA-256, qop=\"auth\"", text);
        Assert.True(SipDigestChallenge.TryParse(text, out var parsed));
        Assert.Equal(challenge.Nonce, parsed.Nonce);
        Assert.True(parsed.Stale);
        Assert.Equal(SipDigestAlgorithm.Sha256, parsed.Algorithm);
        Assert.Equal(text, parsed.ToString());
    }

    [Fact]
    public void Challenge_NamesAreCaseInsensitiveAndInAnyOrder()
    {
        Assert.True(SipDigestChallenge.TryParse("digest NONCE=abc,REALM=\"r\" , Charset=UTF-8", out var challenge));
        Assert.Equal("abc", challenge.Nonce);
        Assert.Equal("r", challenge.Realm);
        Assert.Equal("UTF-8", Assert.Single(challenge.OtherParameters).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Digest")]
    [InlineData("Digest realm=\"r\"")]
    [InlineData("Digest nonce=\"n\"")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", realm=\"s\"")]
    [InlineData("Digest realm=\"r\", NONCE=\"n\", nonce=\"m\"")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", stale=maybe")]
    [InlineData("Digest realm=\"r\", nonce=\"n\",, opaque=\"o\"")]
    [InlineData("Digest realm=\"r\", nonce=\"n")]
    [InlineData("Digest realm, nonce=\"n\"")]
    [InlineData("Digestrealm=\"r\", nonce=\"n\"")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", qop=\"auth,,x y\"")]
    public void Challenge_Malformed_IsRejected(string text) => Assert.False(SipDigestChallenge.TryParse(text, out _));
}

public class SipDigestCredentialsTests
{
    [Fact]
    public void Credentials_Typical_IsParsed()
    {
        Assert.True(SipDigestCredentials.TryParse("Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"sip:bob@biloxi.com\", qop=auth, nc=0000000A, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", algorithm=MD5", out var credentials));
        Assert.Equal("bob", credentials.Username);
        Assert.Equal("biloxi.com", credentials.Realm);
        Assert.Equal("sip:bob@biloxi.com", credentials.Uri);
        Assert.Equal("auth", credentials.Qop);
        Assert.Equal(10u, credentials.NonceCount);
        Assert.Equal("0a4f113b", credentials.CNonce);
        Assert.Equal("6629fae49393a05397450978507c4ef1", credentials.Response);
        Assert.Equal(SipDigestAlgorithm.Md5, credentials.Algorithm);
    }

    [Fact]
    public void Credentials_QuotedQop_IsTolerated()
    {
        Assert.True(SipDigestCredentials.TryParse("Digest username=\"a\",realm=\"r\",nonce=\"n\",uri=\"sip:r\",response=\"x\",qop=\"auth\",nc=00000001,cnonce=\"c\"", out var credentials));
        Assert.Equal("auth", credentials.Qop);
        Assert.Equal(1u, credentials.NonceCount);
    }

    [Fact]
    public void Credentials_Built_RoundTrips()
    {
        var credentials = new SipDigestCredentials
        {
            Username = "1001",
            Realm = "pbx.local",
            Nonce = "n1",
            Uri = "sip:pbx.local;transport=tcp",
            Response = "0123456789abcdef0123456789abcdef",
            AlgorithmName = "SHA-256",
            CNonce = "c\\1",
            Qop = "auth",
            NonceCount = 0xff,
        };
        var text = credentials.ToString();
        Assert.Equal("Digest username=\"1001\", realm=\"pbx.local\", nonce=\"n1\", uri=\"sip:pbx.local;transport=tcp\", response=\"0123456789abcdef0123456789abcdef\", algorithm=SHA-256, cnonce=\"c\\\\1\", qop=auth, nc=000000ff", text);
        Assert.True(SipDigestCredentials.TryParse(text, out var parsed));
        Assert.Equal(credentials.CNonce, parsed.CNonce);
        Assert.Equal(0xffu, parsed.NonceCount);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("Digest realm=\"r\",nonce=\"n\",uri=\"u\",response=\"x\"")]
    [InlineData("Digest username=\"a\",realm=\"r\",nonce=\"n\",uri=\"u\"")]
    [InlineData("Digest username=\"a\",realm=\"r\",nonce=\"n\",uri=\"u\",response=\"x\",nc=1")]
    [InlineData("Digest username=\"a\",realm=\"r\",nonce=\"n\",uri=\"u\",response=\"x\",nc=0000000g")]
    [InlineData("Digest username=\"a\",realm=\"r\",nonce=\"n\",uri=\"u\",response=\"x\",Username=\"b\"")]
    [InlineData("Digest username=\"a\",realm=\"r\",nonce=\"n\",uri=\"u\",response=\"x\",qop=\"a b\"")]
    public void Credentials_Malformed_IsRejected(string text) => Assert.False(SipDigestCredentials.TryParse(text, out _));
}
