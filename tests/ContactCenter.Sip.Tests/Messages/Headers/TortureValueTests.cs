using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using Xunit;

namespace ContactCenter.Sip.Tests.Messages.Headers;

/// <summary>Header values taken from the shapes of RFC 4475 and RFC 5118 torture messages.</summary>
public class TortureValueTests
{
    [Fact]
    public void Rfc4475_IntmethRequestUri_HasUnusualUserAndPassword()
    {
        var uri = SipUri.Parse("sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com");
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", uri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", uri.Password);
        Assert.Equal("example.com", uri.Host);
        Assert.Equal(uri, SipUri.Parse(uri.ToString()));
    }

    [Fact]
    public void Rfc4475_WsinvFrom_AllowsLwsAroundSemicolonAndEquals()
    {
        Assert.True(SipNameAddress.TryParse("\"J Rosenberg \\\\\\\"\"       <sip:jdrosen@example.com>   ;   tag = 98asjd8", out var from));
        Assert.Equal("J Rosenberg \\\"", from.DisplayName);
        Assert.Equal("98asjd8", from.Tag);
    }

    [Fact]
    public void Rfc4475_WsinvContact_KeepsQuotedNameAndParams()
    {
        Assert.True(SipNameAddress.TryParse("\"Quoted string \\\"\\\"\" <sip:jdrosen@example.com> ; newparam = newvalue ; secondparam ; q = 0.33", out var contact));
        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.Equal("newvalue", contact.GetParameter("newparam"));
        Assert.Equal("", contact.GetParameter("secondparam"));
        Assert.Equal(0.33m, contact.Q);
    }

    [Fact]
    public void Rfc4475_ControlCharactersInQuotedPairs_RoundTrip()
    {
        Assert.True(SipNameAddress.TryParse("\"BEL:\\\u0007 NUL:\\\0 DEL:\\\u007F\" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@example.com>", out var to));
        Assert.Equal("BEL:\u0007 NUL:\0 DEL:\u007F", to.DisplayName);
        Assert.True(SipNameAddress.TryParse(to.ToString(), out var again));
        Assert.Equal(to.DisplayName, again.DisplayName);
    }

    [Fact]
    public void Rfc4475_LwsdispFrom_NeedsNoSpaceBeforeAngleBracket()
    {
        Assert.True(SipNameAddress.TryParse("caller<sip:caller@example.com>;tag=323", out var from));
        Assert.Equal("caller", from.DisplayName);
        Assert.Equal("323", from.Tag);
    }

    [Fact]
    public void Rfc4475_BaddnFrom_UnquotedCommaInDisplayName_IsRejected() =>
        Assert.False(SipNameAddress.TryParse("Bell, Alexander <sip:a.g.bell@bell-tel.com>;tag=43", out _));

    [Fact]
    public void Rfc4475_OverlargeContactExpires_Saturates()
    {
        Assert.True(SipNameAddress.TryParse("<sip:user@host129.example.com>;expires=280297596632815", out var contact));
        Assert.Equal(int.MaxValue, contact.Expires);
    }

    [Theory]
    [InlineData("<soap.beep://192.0.2.103:3002>")]
    [InlineData("isbn:2983792873")]
    [InlineData("<http://www.example.com>;tag=8")]
    public void Rfc4475_UnknownSchemes_AreValidAddresses(string text)
    {
        Assert.True(SipNameAddress.TryParse(text, out var address));
        Assert.Null(address.Uri);
    }

    [Theory]
    [InlineData("sip:[2001:db8::10]:5070", "[2001:db8::10]", 5070)]
    [InlineData("sip:[2001:db8::10:5070]", "[2001:db8::10:5070]", null)]
    [InlineData("sip:user@[::ffff:192.0.2.10]", "[::ffff:192.0.2.10]", null)]
    [InlineData("sip:user@[2001:db8::192.0.2.151]", "[2001:db8::192.0.2.151]", null)]
    public void Rfc5118_IPv6References_AreParsed(string text, string host, int? port)
    {
        var uri = SipUri.Parse(text);
        Assert.Equal(host, uri.Host);
        Assert.Equal(port, uri.Port);
    }

    [Theory]
    [InlineData("sip:[2001:db8::10")]
    [InlineData("sip:2001:db8::10")]
    [InlineData("sip:user@[2001:db8:::192.0.2.151]")]
    [InlineData("sip:user@[2001:db8::192.0.2]")]
    public void Rfc5118_BadIPv6References_AreRejected(string text) => Assert.False(SipUri.TryParse(text, out _));

    [Fact]
    public void Rfc5118_ViaWithBracketedReceived_IsAccepted()
    {
        Assert.True(SipVia.TryParse("SIP/2.0/UDP [2001:db8::9:1];received=[2001:db8::9:255];branch=z9hG4bKas3-111", out var via));
        Assert.Equal("[2001:db8::9:255]", via.Received);
    }
}
