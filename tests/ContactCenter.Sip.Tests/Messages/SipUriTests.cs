using ContactCenter.Sip.Messages;
using Xunit;

namespace ContactCenter.Sip.Tests.Messages;

public class SipUriTests
{
    // RFC 3261 §19.1.4: URIs that are equivalent.
    [Theory]
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x")]
    [InlineData("sip:[2001:db8::1]:5060", "sip:[2001:DB8:0:0::1]:5060")]
    [InlineData("sip:alice@atlanta.com;lr", "sip:alice@atlanta.com")]
    [InlineData("SIPS:bob@biloxi.com", "sips:bob@BILOXI.com")]
    public void Uri_Rfc3261EquivalentPairs_AreEqual(string left, string right)
    {
        var a = SipUri.Parse(left);
        var b = SipUri.Parse(right);
        Assert.Equal(a, b);
        Assert.Equal(b, a);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    // RFC 3261 §19.1.4: URIs that are not equivalent.
    [Theory]
    [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting")]
    [InlineData("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4")]
    [InlineData("sip:bob@biloxi.com", "sips:bob@biloxi.com")]
    [InlineData("sip:bob@biloxi.com;user=phone", "sip:bob@biloxi.com")]
    [InlineData("sip:bob@biloxi.com;ttl=1", "sip:bob@biloxi.com")]
    [InlineData("sip:bob@biloxi.com;method=INVITE", "sip:bob@biloxi.com")]
    [InlineData("sip:bob@biloxi.com;maddr=239.255.255.1", "sip:bob@biloxi.com")]
    [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off")]
    [InlineData("sip:bob:secret@biloxi.com", "sip:bob@biloxi.com")]
    [InlineData("sip:alice@atlanta.com?subject=a", "sip:alice@atlanta.com?subject=a&priority=urgent")]
    public void Uri_Rfc3261NotEquivalentPairs_AreNotEqual(string left, string right)
    {
        var a = SipUri.Parse(left);
        var b = SipUri.Parse(right);
        Assert.NotEqual(a, b);
        Assert.NotEqual(b, a);
    }

    [Fact]
    public void Uri_WithEscapedUser_EqualsUnescaped()
    {
        var uri = SipUri.Parse("sip:%61lice@atlanta.com");
        Assert.Equal("alice", uri.User);
        Assert.Equal(SipUri.Parse("sip:alice@atlanta.com"), uri);
    }

    [Fact]
    public void Uri_WithAllParts_ExposesEachPart()
    {
        var uri = SipUri.Parse("sips:alice:pass%20word@atlanta.example.com:5061;transport=tcp;lr;maddr=10.0.0.1;user=phone;ttl=15?subject=hi%20there&priority=urgent");
        Assert.Equal(SipUriScheme.Sips, uri.Scheme);
        Assert.Equal("alice", uri.User);
        Assert.Equal("pass word", uri.Password);
        Assert.Equal("atlanta.example.com", uri.Host);
        Assert.Equal(SipHostKind.Name, uri.HostKind);
        Assert.Equal(5061, uri.Port);
        Assert.Equal("tcp", uri.Transport);
        Assert.True(uri.IsLooseRouter);
        Assert.Equal("10.0.0.1", uri.Maddr);
        Assert.Equal("phone", uri.UserParam);
        Assert.Equal(15, uri.Ttl);
        Assert.Equal(5, uri.Parameters.Count);
        Assert.Null(uri.Parameters[1].Value);
        Assert.Equal("", uri.GetParameter("LR"));
        Assert.Null(uri.GetParameter("missing"));
        Assert.Equal("hi there", uri.GetHeader("Subject"));
        Assert.Equal(2, uri.Headers.Count);
    }

    [Theory]
    [InlineData("sip:[2001:db8::10]", "[2001:db8::10]", null)]
    [InlineData("sip:alice@[2001:db8::10]:5070;transport=udp", "[2001:db8::10]", 5070)]
    [InlineData("sip:[::ffff:192.0.2.1]:5060", "[::ffff:192.0.2.1]", 5060)]
    [InlineData("sip:[::1]", "[::1]", null)]
    public void Uri_WithIPv6Reference_KeepsBrackets(string text, string host, int? port)
    {
        var uri = SipUri.Parse(text);
        Assert.Equal(host, uri.Host);
        Assert.Equal(SipHostKind.IPv6, uri.HostKind);
        Assert.Equal(port, uri.Port);
        Assert.Equal(uri, SipUri.Parse(uri.ToString()));
    }

    [Theory]
    [InlineData("sip:192.0.2.4", SipHostKind.IPv4)]
    [InlineData("sip:example.com.", SipHostKind.Name)]
    [InlineData("sip:a-b.example", SipHostKind.Name)]
    public void Uri_HostKind_IsClassified(string text, SipHostKind kind) => Assert.Equal(kind, SipUri.Parse(text).HostKind);

    [Theory]
    [InlineData("")]
    [InlineData("sip:")]
    [InlineData("sip:@example.com")]
    [InlineData("http://example.com")]
    [InlineData("mailto:a@b.com")]
    [InlineData("sip:alice@")]
    [InlineData("sip:alice@example.com:")]
    [InlineData("sip:alice@example.com:70000")]
    [InlineData("sip:alice@example.com:5o60")]
    [InlineData("sip:alice@exa mple.com")]
    [InlineData("sip:alice@[2001:db8::1")]
    [InlineData("sip:alice@[2001:db8:::1]")]
    [InlineData("sip:alice@[1:2:3:4:5:6:7:8:9]")]
    [InlineData("sip:alice@-bad.com")]
    [InlineData("sip:alice@1.2.3.4.5")]
    [InlineData("sip:alice@256.1.1.1")]
    [InlineData("sip:alice@example.com;")]
    [InlineData("sip:alice@example.com;=x")]
    [InlineData("sip:alice@example.com;p=")]
    [InlineData("sip:alice@example.com?")]
    [InlineData("sip:alice@example.com?noequals")]
    [InlineData("sip:al ice@example.com")]
    [InlineData("sip:alice%2@example.com")]
    [InlineData("sip:alice%zz@example.com")]
    [InlineData("sip:alice@example.com;p=a b")]
    [InlineData("sip:alice<@example.com")]
    public void Uri_Malformed_IsRejected(string text)
    {
        Assert.False(SipUri.TryParse(text, out var uri));
        Assert.Null(uri);
        Assert.Throws<FormatException>(() => SipUri.Parse(text));
    }

    [Fact]
    public void Uri_Null_IsRejectedWithoutThrowing() => Assert.False(SipUri.TryParse(null, out _));

    [Fact]
    public void Uri_EscapedNull_IsAcceptedAndRoundTrips()
    {
        // RFC 4475 §3.1.1.10 (escnull): %00 in the user part is legal.
        var uri = SipUri.Parse("sip:null-%00-null@example.com");
        Assert.Equal("null-\0-null", uri.User);
        Assert.Equal("sip:null-%00-null@example.com", uri.ToString());
    }

    [Theory]
    [InlineData("sip:sips%3Auser%40example.com@example.net", "sips:user@example.com")]
    [InlineData("sip:user;par=u%40example.net@example.com", "user;par=u@example.net")]
    [InlineData("sip:%22bob%22@example.com", "\"bob\"")]
    [InlineData("sip:caf%C3%A9@example.com", "café")]
    public void Uri_EscapedUser_IsUnescapedAndReescaped(string text, string user)
    {
        var uri = SipUri.Parse(text);
        Assert.Equal(user, uri.User);
        var again = SipUri.Parse(uri.ToString());
        Assert.Equal(user, again.User);
        Assert.Equal(uri, again);
    }

    [Fact]
    public void Uri_Built_EscapesEveryReservedCharacter()
    {
        var uri = new SipUri(SipUriScheme.Sip, "a@b:c d%", "example.com", 5060,
            [new SipParameter("transport", "tcp"), new SipParameter("x", "a;b=c"), new SipParameter("lr", null)],
            [new SipParameter("Subject", "hello world&more")]);
        Assert.Equal("sip:a%40b%3Ac%20d%25@example.com:5060;transport=tcp;x=a%3Bb%3Dc;lr?Subject=hello%20world%26more", uri.ToString());
        var parsed = SipUri.Parse(uri.ToString());
        Assert.Equal(uri, parsed);
        Assert.Equal("a@b:c d%", parsed.User);
        Assert.Equal("a;b=c", parsed.GetParameter("x"));
        Assert.Equal("hello world&more", parsed.GetHeader("subject"));
    }

    [Fact]
    public void Uri_Constructor_RejectsInvalidHost() =>
        Assert.Throws<ArgumentException>(() => new SipUri(SipUriScheme.Sip, "alice", "bad host"));

    [Fact]
    public void Uri_WithHelpers_ReturnModifiedCopies()
    {
        var uri = SipUri.Parse("sip:alice@atlanta.com;transport=udp?subject=x");
        Assert.Equal("sip:alice@atlanta.com;transport=tcp?subject=x", uri.WithParameter("Transport", "tcp").ToString().Replace("Transport", "transport", StringComparison.Ordinal));
        Assert.Equal("sip:alice@atlanta.com;transport=udp;lr?subject=x", uri.WithParameter("lr").ToString());
        Assert.Equal("sip:alice@atlanta.com?subject=x", uri.WithoutParameter("transport").ToString());
        Assert.Equal("sip:alice@atlanta.com?subject=x", uri.WithoutParameters().ToString());
        Assert.Equal("sip:alice@atlanta.com;transport=udp", uri.WithoutHeaders().ToString());
        Assert.Equal("sip:bob@atlanta.com;transport=udp?subject=x", uri.WithUser("bob").ToString());
        Assert.Equal("sip:atlanta.com;transport=udp?subject=x", uri.WithUser(null).ToString());
        Assert.Equal("sip:alice@10.0.0.1:5080;transport=udp?subject=x", uri.WithHost("10.0.0.1", 5080).ToString());
        Assert.Equal("sip:alice@atlanta.com:5070;transport=udp?subject=x", uri.WithPort(5070).ToString());
        Assert.Equal("sip:alice@atlanta.com;transport=udp?subject=x", uri.ToString());
        Assert.Throws<ArgumentException>(() => uri.WithParameter("x", ""));
        Assert.Throws<ArgumentException>(() => uri.WithPort(70000));
    }

    [Fact]
    public void Uri_WithParameterThatNeedsEscaping_RoundTrips()
    {
        var uri = SipUri.Parse("sip:alice@atlanta.com").WithParameter("note", "a b");
        Assert.Equal("sip:alice@atlanta.com;note=a%20b", uri.ToString());
        Assert.Equal("a b", uri.GetParameter("note"));
    }

    [Fact]
    public void Uri_SchemeAndHost_AreCaseInsensitiveButUserIsNot()
    {
        Assert.Equal(SipUri.Parse("SIP:alice@EXAMPLE.com"), SipUri.Parse("sip:alice@example.COM"));
        Assert.NotEqual(SipUri.Parse("sip:Alice@example.com"), SipUri.Parse("sip:alice@example.com"));
        Assert.Equal("sip:alice@EXAMPLE.com", SipUri.Parse("SIP:alice@EXAMPLE.com").ToString());
    }

    [Fact]
    public void Uri_UserWithTelephoneSubscriber_KeepsSemicolonsInUser()
    {
        var uri = SipUri.Parse("sip:+1-212-555-1212;phone-context=example.com@gateway.com;user=phone");
        Assert.Equal("+1-212-555-1212;phone-context=example.com", uri.User);
        Assert.Equal("gateway.com", uri.Host);
        Assert.Equal("phone", uri.UserParam);
        Assert.Equal(uri, SipUri.Parse(uri.ToString()));
    }

    [Fact]
    public void Uri_AsDictionaryKey_FindsEquivalentUri()
    {
        var map = new Dictionary<SipUri, int> { [SipUri.Parse("sip:alice@atlanta.com;transport=TCP")] = 1 };
        Assert.True(map.ContainsKey(SipUri.Parse("sip:%61lice@ATLANTA.com;transport=tcp;foo=bar")));
    }
}
