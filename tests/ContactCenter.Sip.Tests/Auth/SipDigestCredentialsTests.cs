using ContactCenter.Sip.Auth;
using Xunit;

namespace ContactCenter.Sip.Tests.Auth;

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
