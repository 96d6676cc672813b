using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using Xunit;

namespace ContactCenter.Sip.Tests.Messages.Headers;

public class SipNameAddressTests
{
    [Fact]
    public void NameAddr_WithQuotedDisplayName_SeparatesUriAndHeaderParams()
    {
        Assert.True(SipNameAddress.TryParse("\"Alice Liddell\" <sip:alice@atlanta.com;transport=tcp>;tag=1928301774;x", out var address));
        Assert.Equal("Alice Liddell", address.DisplayName);
        Assert.Equal("sip:alice@atlanta.com;transport=tcp", address.UriText);
        Assert.Equal("tcp", address.Uri!.Transport);
        Assert.Equal("1928301774", address.Tag);
        Assert.Equal(2, address.Parameters.Count);
        Assert.Equal("", address.GetParameter("x"));
    }

    [Fact]
    public void AddrSpec_ParametersBelongToTheHeader()
    {
        // RFC 3261 §20.10: without angle brackets, ;params after the URI are header params.
        Assert.True(SipNameAddress.TryParse("sip:alice@atlanta.com;tag=88sja8x;transport=tcp", out var address));
        Assert.Null(address.DisplayName);
        Assert.Equal("sip:alice@atlanta.com", address.UriText);
        Assert.Empty(address.Uri!.Parameters);
        Assert.Equal("88sja8x", address.Tag);
        Assert.Equal("tcp", address.GetParameter("transport"));
        Assert.Equal("<sip:alice@atlanta.com>;tag=88sja8x;transport=tcp", address.ToString());
    }

    [Theory]
    [InlineData("Bob <sip:bob@biloxi.com>", "Bob")]
    [InlineData("Bob  Smith <sip:bob@biloxi.com>", "Bob  Smith")]
    [InlineData("<sip:bob@biloxi.com>", null)]
    [InlineData("\"\" <sip:bob@biloxi.com>", "")]
    [InlineData("\"Bob \\\"the\\\" Builder\" <sip:bob@biloxi.com>", "Bob \"the\" Builder")]
    [InlineData("\"back\\\\slash\"<sip:bob@biloxi.com>", "back\\slash")]
    [InlineData("Élodie <sip:elodie@example.fr>", "Élodie")]
    public void NameAddr_DisplayName_IsUnquotedAndUnescaped(string text, string? displayName)
    {
        Assert.True(SipNameAddress.TryParse(text, out var address));
        Assert.Equal(displayName, address.DisplayName);
        Assert.True(SipNameAddress.TryParse(address.ToString(), out var again));
        Assert.Equal(displayName, again.DisplayName);
    }

    [Fact]
    public void NameAddr_ToString_QuotesDisplayNameOnlyWhenNeeded()
    {
        var uri = SipUri.Parse("sip:bob@biloxi.com");
        Assert.Equal("Bob <sip:bob@biloxi.com>", new SipNameAddress(uri, "Bob").ToString());
        Assert.Equal("\"Bob \\\"B\\\" <x>\" <sip:bob@biloxi.com>;tag=a", new SipNameAddress(uri, "Bob \"B\" <x>", [new SipParameter("tag", "a")]).ToString());
    }

    [Fact]
    public void NameAddr_OtherAbsoluteUri_IsValidWithoutSipUri()
    {
        Assert.True(SipNameAddress.TryParse("<mailto:bob@biloxi.com>;tag=x", out var address));
        Assert.Null(address.Uri);
        Assert.Equal("mailto:bob@biloxi.com", address.UriText);
        Assert.True(SipNameAddress.TryParse("<urn:service:sos>", out var urn));
        Assert.Null(urn.Uri);
    }

    [Fact]
    public void Contact_Parameters_AreTyped()
    {
        Assert.True(SipNameAddress.TryParse("<sip:alice@192.0.2.4:5060;ob>;expires=3600;q=0.7;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\";reg-id=1", out var contact));
        Assert.Equal(3600, contact.Expires);
        Assert.Equal(0.7m, contact.Q);
        Assert.Equal("urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF", contact.InstanceId);
        Assert.True(contact.Uri!.HasParameter("ob"));
        Assert.True(SipNameAddress.TryParse(contact.ToString(), out var again));
        Assert.Equal(contact.InstanceId, again.InstanceId);
        Assert.Equal(contact.ToString(), again.ToString());
    }

    [Theory]
    [InlineData("q=1", 1.0)]
    [InlineData("q=1.000", 1.0)]
    [InlineData("q=0", 0.0)]
    [InlineData("q=0.123", 0.123)]
    [InlineData("q=1.5", null)]
    [InlineData("q=0.1234", null)]
    [InlineData("q=abc", null)]
    public void Contact_QValue_FollowsGrammar(string parameter, double? expected)
    {
        Assert.True(SipNameAddress.TryParse("<sip:a@b.com>;" + parameter, out var contact));
        Assert.Equal(expected is null ? null : (decimal)expected.Value, contact.Q);
    }

    [Fact]
    public void Contact_Star_IsNotANameAddr() => Assert.False(SipNameAddress.TryParse("*", out _));

    [Fact]
    public void NameAddr_List_RespectsQuotesAndBrackets()
    {
        var list = new List<SipNameAddress>();
        Assert.True(SipNameAddress.TryParseList("\"Doe, John\" <sip:john@a.com;x=1>;q=0.5, <sip:p1.example.com;lr>,sip:bob@c.com;expires=60", list));
        Assert.Equal(3, list.Count);
        Assert.Equal("Doe, John", list[0].DisplayName);
        Assert.True(list[1].Uri!.IsLooseRouter);
        Assert.Equal(60, list[2].Expires);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<sip:alice@atlanta.com")]
    [InlineData("sip:alice@atlanta.com>")]
    [InlineData("\"Alice <sip:alice@atlanta.com>")]
    [InlineData("\"Alice\" sip:alice@atlanta.com")]
    [InlineData("Al\"ice <sip:alice@atlanta.com>")]
    [InlineData("<sip:alice@atlanta.com>;")]
    [InlineData("<sip:alice@atlanta.com>;tag=")]
    [InlineData("<sip:alice@atlanta.com> garbage")]
    [InlineData("<sip:alice@>")]
    [InlineData("<>")]
    [InlineData("<not a uri>")]
    [InlineData("alice@atlanta.com")]
    [InlineData("<sip:a@b.com>;tag=x;p=\"open")]
    public void NameAddr_Malformed_IsRejected(string text)
    {
        Assert.False(SipNameAddress.TryParse(text, out _));
        var list = new List<SipNameAddress>();
        Assert.False(SipNameAddress.TryParseList("<sip:ok@a.com>, " + text, list));
        Assert.Empty(list);
    }

    [Fact]
    public void NameAddr_WithTag_ReplacesOrAddsTag()
    {
        Assert.True(SipNameAddress.TryParse("Bob <sip:bob@biloxi.com>", out var to));
        var tagged = to.WithTag("a6c85cf");
        Assert.Equal("Bob <sip:bob@biloxi.com>;tag=a6c85cf", tagged.ToString());
        Assert.Equal("Bob <sip:bob@biloxi.com>;tag=b", tagged.WithTag("b").ToString());
        Assert.Null(to.Tag);
        Assert.Throws<ArgumentException>(() => to.WithTag("bad tag"));
    }
    // RFC 3261 §20 and RFC 4475 §3.1.2.13 (regbadct): a URI with headers must be written inside <>.
    [Theory]
    [InlineData("sip:user@example.com?Route=%3Csip:sip.example.com%3E")]
    [InlineData("sip:user@example.com?Subject=x;tag=1")]
    public void AddrSpec_WithUriHeaders_IsMalformed(string value)
    {
        Assert.False(SipNameAddress.TryParse(value, out _));
        Assert.True(SipNameAddress.TryParse("<" + value.Split(';')[0] + ">", out var bracketed));
        Assert.NotEmpty(bracketed.Uri!.Headers);
    }
}
