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
