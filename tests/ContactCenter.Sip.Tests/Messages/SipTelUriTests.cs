using ContactCenter.Sip.Messages;
using Xunit;

namespace ContactCenter.Sip.Tests.Messages;

public class SipTelUriTests
{
    [Fact]
    public void TelUri_GlobalNumber_IsParsed()
    {
        var uri = SipUri.Parse("tel:+1-201-555-0123");
        Assert.Equal(SipUriScheme.Tel, uri.Scheme);
        Assert.Equal("+1-201-555-0123", uri.User);
        Assert.True(uri.IsGlobalNumber);
        Assert.Equal("", uri.Host);
        Assert.Equal(SipHostKind.None, uri.HostKind);
        Assert.Equal("tel:+1-201-555-0123", uri.ToString());
    }

    [Fact]
    public void TelUri_LocalNumberWithContext_IsParsed()
    {
        var uri = SipUri.Parse("tel:7042;phone-context=example.com");
        Assert.False(uri.IsGlobalNumber);
        Assert.Equal("7042", uri.User);
        Assert.Equal("example.com", uri.GetParameter("phone-context"));
    }

    [Theory]
    [InlineData("tel:+1-201-555-0123", "tel:+12015550123")]
    [InlineData("tel:+1(201)555.0123", "tel:+1-201-555-0123")]
    [InlineData("tel:7042;phone-context=EXAMPLE.com", "tel:70-42;phone-context=example.com")]
    [InlineData("tel:863-1234;phone-context=+1-914-555", "tel:8631234;phone-context=+1914555")]
    [InlineData("tel:+1-201-555-0123;ext=12;isub=a", "tel:+12015550123;isub=a;ext=12")]
    [InlineData("tel:*67ab;phone-context=x.org", "tel:*67AB;phone-context=x.org")]
    public void TelUri_VisualSeparatorsAndCase_AreIgnoredInComparison(string left, string right)
    {
        Assert.Equal(SipUri.Parse(left), SipUri.Parse(right));
        Assert.Equal(SipUri.Parse(left).GetHashCode(), SipUri.Parse(right).GetHashCode());
    }

    [Theory]
    [InlineData("tel:+12015550123", "tel:+12015550124")]
    [InlineData("tel:+12015550123", "tel:12015550123;phone-context=example.com")]
    [InlineData("tel:+12015550123", "tel:+12015550123;ext=1")]
    [InlineData("tel:7042;phone-context=a.com", "tel:7042;phone-context=b.com")]
    [InlineData("tel:+12015550123", "sip:+12015550123@example.com")]
    public void TelUri_DifferentNumbersOrParameters_AreNotEqual(string left, string right) =>
        Assert.NotEqual(SipUri.Parse(left), SipUri.Parse(right));

    [Theory]
    [InlineData("tel:")]
    [InlineData("tel:+")]
    [InlineData("tel:+--")]
    [InlineData("tel:7042")]
    [InlineData("tel:+1 201")]
    [InlineData("tel:+1x")]
    [InlineData("tel:+1;=a")]
    [InlineData("tel:+1;a_b=c")]
    [InlineData("tel:+1;a%5Fb=c")]
    public void TelUri_Malformed_IsRejected(string text) => Assert.False(SipUri.TryParse(text, out _));

    [Fact]
    public void TelUri_Built_RoundTrips()
    {
        var uri = new SipUri(SipUriScheme.Tel, "+33-1-23-45-67-89", "", parameters: [new SipParameter("ext", "101")]);
        Assert.Equal("tel:+33-1-23-45-67-89;ext=101", uri.ToString());
        Assert.Equal(uri, SipUri.Parse(uri.ToString()));
        Assert.Throws<ArgumentException>(() => new SipUri(SipUriScheme.Tel, "+331", "example.com"));
        Assert.Throws<ArgumentException>(() => new SipUri(SipUriScheme.Tel, "1234", ""));
    }
}
