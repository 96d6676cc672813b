using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using Xunit;

namespace ContactCenter.Sip.Tests.Messages.Headers;

public class SipReplacesTests
{
    [Fact]
    public void Replaces_Rfc3891Example_IsParsed()
    {
        Assert.True(SipReplaces.TryParse("425928@bobster.example.org;to-tag=7743;from-tag=6472", out var replaces));
        Assert.Equal("425928@bobster.example.org", replaces.CallId);
        Assert.Equal("7743", replaces.ToTag);
        Assert.Equal("6472", replaces.FromTag);
        Assert.False(replaces.EarlyOnly);
    }

    [Fact]
    public void Replaces_EarlyOnly_IsAFlag()
    {
        Assert.True(SipReplaces.TryParse("98732@sip.example.com ;from-tag=r33th4x0r ;to-tag=ff87ff ;early-only", out var replaces));
        Assert.True(replaces.EarlyOnly);
        Assert.Equal("98732@sip.example.com;from-tag=r33th4x0r;to-tag=ff87ff;early-only", replaces.ToString());
    }

    [Fact]
    public void Replaces_FromReferToUriHeader_IsParsedAfterUnescaping()
    {
        var uri = SipUri.Parse("sip:bob@biloxi.example.com?Replaces=12345%40192.168.118.3%3Bto-tag%3D12345%3Bfrom-tag%3D5FFE-3994");
        Assert.True(SipReplaces.TryParse(uri.GetHeader("replaces"), out var replaces));
        Assert.Equal("12345@192.168.118.3", replaces.CallId);
        Assert.Equal("5FFE-3994", replaces.FromTag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abc;to-tag=1")]
    [InlineData("abc;from-tag=1")]
    [InlineData("abc;to-tag=1;from-tag=2;to-tag=3")]
    [InlineData("abc;to-tag=1;from-tag=2;early-only=yes")]
    [InlineData("a@b@c;to-tag=1;from-tag=2")]
    [InlineData("@b;to-tag=1;from-tag=2")]
    public void Replaces_Malformed_IsRejected(string text) => Assert.False(SipReplaces.TryParse(text, out _));

    [Fact]
    public void Replaces_Built_RoundTrips()
    {
        var replaces = new SipReplaces("a1@host", "t1", "f1", earlyOnly: true);
        Assert.Equal("a1@host;to-tag=t1;from-tag=f1;early-only", replaces.ToString());
        Assert.True(SipReplaces.TryParse(replaces.ToString(), out var parsed));
        Assert.True(parsed.EarlyOnly);
    }
}
