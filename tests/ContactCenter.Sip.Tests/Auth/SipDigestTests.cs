using System.Text;
using ContactCenter.Sip.Auth;
using Xunit;

namespace ContactCenter.Sip.Tests.Auth;

public class SipDigestTests
{
    // RFC 7616 §3.9.1: user Mufasa, password "Circle of Life" (lowercase "of", erratum 4495), GET /dir/index.html.
    private const string Realm = "http-auth@example.org";
    private const string Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string CNonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Theory]
    [InlineData(SipDigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(SipDigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Response_Rfc7616Example_MatchesPublishedValue(SipDigestAlgorithm algorithm, string expected)
    {
        var ha1 = SipDigest.Ha1(algorithm, "Mufasa", Realm, "Circle of Life");
        Assert.Equal(expected, SipDigest.Response(algorithm, ha1, Nonce, 1, CNonce, "auth", "GET", "/dir/index.html"));
    }

    [Fact]
    public void Response_UppercaseHa1_IsFoldedToLowercase()
    {
        var ha1 = SipDigest.Ha1(SipDigestAlgorithm.Md5, "Mufasa", Realm, "Circle of Life");
        Assert.Equal("8ca523f5e9506fed4657c9700eebdbec",
            SipDigest.Response(SipDigestAlgorithm.Md5, ha1.ToUpperInvariant(), Nonce, 1, CNonce, "auth", "GET", "/dir/index.html"));
    }

    [Fact]
    public void Ha1_IsLowercaseHexOfUserRealmPassword()
    {
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("1001:pbx.local:s3cret"u8)),
            SipDigest.Ha1(SipDigestAlgorithm.Sha256, "1001", "pbx.local", "s3cret"));
        Assert.Equal(32, SipDigest.Ha1(SipDigestAlgorithm.Md5, "1001", "pbx.local", "s3cret").Length);
    }

    [Fact]
    public void Response_WithoutQop_IsTheRfc2069Form()
    {
        // RFC 2069: response = H(HA1:nonce:H(method:uri)).
        var ha1 = SipDigest.Ha1(SipDigestAlgorithm.Md5, "bob", "biloxi.com", "zanzibar");
        var ha2 = Md5Hex("REGISTER:sip:biloxi.com");
        Assert.Equal(Md5Hex($"{ha1}:abc:{ha2}"),
            SipDigest.Response(SipDigestAlgorithm.Md5, ha1, "abc", null, null, null, "REGISTER", "sip:biloxi.com"));
    }

    [Fact]
    public void Response_AuthIntAndSess_FollowRfc7616()
    {
        var ha1 = SipDigest.Ha1(SipDigestAlgorithm.Md5, "bob", "biloxi.com", "zanzibar");
        var body = "v=0\r\n"u8.ToArray();
        var sessHa1 = Md5Hex($"{ha1}:n1:c1");
        var ha2 = Md5Hex($"INVITE:sip:bob@biloxi.com:{Md5Hex("v=0\r\n")}");
        Assert.Equal(Md5Hex($"{sessHa1}:n1:00000002:c1:auth-int:{ha2}"),
            SipDigest.Response(SipDigestAlgorithm.Md5Sess, ha1, "n1", 2, "c1", "auth-int", "INVITE", "sip:bob@biloxi.com", body));
    }

    [Fact]
    public void Response_QopWithoutNonceCount_IsACallerError() =>
        Assert.Throws<ArgumentException>(() => SipDigest.Response(SipDigestAlgorithm.Md5, "x", "n", null, "c", "auth", "GET", "/"));

    private static string Md5Hex(string text) =>
#pragma warning disable CA5351
        Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
