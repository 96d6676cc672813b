using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using Xunit;

namespace ContactCenter.Sip.Tests.Messages.Headers;

public class SipViaTests
{
    [Fact]
    public void Via_Typical_ExposesEveryPart()
    {
        Assert.True(SipVia.TryParse("SIP/2.0/udp pc33.atlanta.com:5066;branch=z9hG4bK776asdhds;received=192.0.2.1;rport=5067;maddr=224.2.0.1;ttl=16;x-extra=\"a b\"", out var via));
        Assert.Equal("SIP", via.ProtocolName);
        Assert.Equal("2.0", via.ProtocolVersion);
        Assert.Equal("SIP/2.0", via.Protocol);
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("pc33.atlanta.com", via.Host);
        Assert.Equal(5066, via.Port);
        Assert.Equal("pc33.atlanta.com:5066", via.SentBy);
        Assert.Equal("z9hG4bK776asdhds", via.Branch);
        Assert.True(via.IsRfc3261Branch);
        Assert.Equal("192.0.2.1", via.Received);
        Assert.True(via.HasRPort);
        Assert.Equal(5067, via.RPort);
        Assert.Equal("224.2.0.1", via.Maddr);
        Assert.Equal(16, via.Ttl);
        Assert.Equal("a b", via.GetParameter("X-EXTRA"));
        Assert.Equal(6, via.Parameters.Count);
    }

    [Fact]
    public void Via_BranchWithoutMagicCookieOrWrongCase_IsNotRfc3261()
    {
        Assert.True(SipVia.TryParse("SIP/2.0/UDP host;branch=Z9HG4BK1", out var upper));
        Assert.False(upper.IsRfc3261Branch);
        Assert.True(SipVia.TryParse("SIP/2.0/UDP host;branch=1234", out var old));
        Assert.False(old.IsRfc3261Branch);
        Assert.True(SipVia.TryParse("SIP/2.0/UDP host", out var none));
        Assert.Null(none.Branch);
        Assert.False(none.IsRfc3261Branch);
    }

    [Fact]
    public void Via_RPortFlagWithoutValue_CountsAsPresent()
    {
        Assert.True(SipVia.TryParse("SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bKx", out var via));
        Assert.True(via.HasRPort);
        Assert.Null(via.RPort);
        Assert.Equal("", via.GetParameter("rport"));
    }

    [Fact]
    public void Via_WithReceived_FillsRPortOnlyWhenRequested()
    {
        Assert.True(SipVia.TryParse("SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bKx", out var via));
        var stamped = via.WithReceived("192.0.2.7", 40000);
        Assert.Equal("SIP/2.0/UDP 10.0.0.1:5060;rport=40000;branch=z9hG4bKx;received=192.0.2.7", stamped.ToString());
        Assert.Equal(40000, stamped.RPort);
        Assert.Equal("192.0.2.7", stamped.Received);
        Assert.Equal("SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bKx", via.ToString());

        Assert.True(SipVia.TryParse("SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKx;received=1.1.1.1", out var plain));
        var restamped = plain.WithReceived("2001:db8::9", 40000);
        Assert.False(restamped.HasRPort);
        Assert.Equal("SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKx;received=2001:db8::9", restamped.ToString());
        Assert.Throws<ArgumentException>(() => plain.WithReceived("not an address", null));
    }

    [Theory]
    [InlineData("SIP/2.0/UDP [2001:db8::9:1]:5070;branch=z9hG4bKas;received=[2001:db8::9:255]", "[2001:db8::9:1]", 5070)]
    [InlineData("SIP/2.0/TCP [2001:db8::1];branch=z9hG4bKas;received=2001:db8::9:255", "[2001:db8::1]", null)]
    public void Via_IPv6SentBy_KeepsBrackets(string text, string host, int? port)
    {
        Assert.True(SipVia.TryParse(text, out var via));
        Assert.Equal(host, via.Host);
        Assert.Equal(SipHostKind.IPv6, via.HostKind);
        Assert.Equal(port, via.Port);
        Assert.True(SipVia.TryParse(via.ToString(), out var again));
        Assert.Equal(via.ToString(), again.ToString());
    }

    [Fact]
    public void Via_OddWhitespace_IsAccepted()
    {
        // RFC 4475 §3.1.1.1 (wsinv) style: LWS around '/', ':', ';' and '='.
        Assert.True(SipVia.TryParse("  SIP  /   2.0 \t /UDP    192.0.2.2 :  5060 ; rport ;  branch = 390skdjuw  ", out var via));
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("192.0.2.2", via.Host);
        Assert.Equal(5060, via.Port);
        Assert.True(via.HasRPort);
        Assert.Equal("390skdjuw", via.Branch);
        Assert.Equal("SIP/2.0/UDP 192.0.2.2:5060;rport;branch=390skdjuw", via.ToString());
    }

    [Fact]
    public void Via_ListValue_YieldsEachViaInOrder()
    {
        var list = new List<SipVia>();
        Assert.True(SipVia.TryParseList("SIP/2.0/UDP first.example.com:4000;branch=z9hG4bKa ,\t SIP/2.0/TCP second.example.com;branch=z9hG4bKb;x=\"a, b\",SIP/2.0/TLS [::1]:5061", list));
        Assert.Equal(3, list.Count);
        Assert.Equal("first.example.com", list[0].Host);
        Assert.Equal("a, b", list[1].GetParameter("x"));
        Assert.Equal("z9hG4bKb", list[1].Branch);
        Assert.Equal("TLS", list[2].Transport);
        Assert.False(SipVia.TryParse("SIP/2.0/UDP a.com, SIP/2.0/UDP b.com", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("SIP/2.0/UDP")]
    [InlineData("SIP/2.0/UDP ")]
    [InlineData("SIP/2.0 host")]
    [InlineData("SIP/2.0/UDPhost")]
    [InlineData("SIP/2.0/UDP host:")]
    [InlineData("SIP/2.0/UDP host:99999")]
    [InlineData("SIP/2.0/UDP host;")]
    [InlineData("SIP/2.0/UDP host;branch")]
    [InlineData("SIP/2.0/UDP host;branch=a:b")]
    [InlineData("SIP/2.0/UDP host;ttl=256")]
    [InlineData("SIP/2.0/UDP host;rport=abc")]
    [InlineData("SIP/2.0/UDP host;received=bad_host")]
    [InlineData("SIP/2.0/UDP [2001:db8::1;branch=x")]
    [InlineData("SIP/2.0/UDP host extra")]
    [InlineData("SIP/2.0/UDP host;p=\"unterminated")]
    public void Via_Malformed_IsRejected(string text)
    {
        Assert.False(SipVia.TryParse(text, out _));
        var list = new List<SipVia>();
        Assert.False(SipVia.TryParseList(text + ", SIP/2.0/UDP ok.com", list));
        Assert.Empty(list);
    }

    [Fact]
    public void Via_Built_FormatsAndParses()
    {
        var via = new SipVia("udp", "192.0.2.1", 5060, "z9hG4bK123", [new SipParameter("rport", null)]);
        Assert.Equal("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK123;rport", via.ToString());
        Assert.True(SipVia.TryParse(via.ToString(), out var parsed));
        Assert.Equal("z9hG4bK123", parsed.Branch);
        Assert.Throws<ArgumentException>(() => new SipVia("udp", "bad host", null, null));
        Assert.Throws<ArgumentException>(() => new SipVia("udp", "host", null, "bad branch"));
    }
}
