using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using Xunit;

namespace ContactCenter.Sip.Tests.Messages.Headers;

public class SipContentTypeTests
{
    [Fact]
    public void ContentType_WithParameters_IsParsedAndComparedCaseInsensitively()
    {
        Assert.True(SipContentType.TryParse("Application / SDP ; charset = \"UTF-8\" ; level=1", out var type));
        Assert.Equal("Application", type.Type);
        Assert.Equal("SDP", type.SubType);
        Assert.True(type.Is("application", "sdp"));
        Assert.True(type.Is("application/sdp"));
        Assert.False(type.Is("text/plain"));
        Assert.Equal("UTF-8", type.Charset);
        Assert.Equal("Application/SDP;charset=UTF-8;level=1", type.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("application")]
    [InlineData("application/")]
    [InlineData("/sdp")]
    [InlineData("application/sdp;")]
    [InlineData("application/sdp;charset")]
    [InlineData("application/sdp x")]
    public void ContentType_Malformed_IsRejected(string text) => Assert.False(SipContentType.TryParse(text, out _));

    [Fact]
    public void ContentType_Built_Formats() =>
        Assert.Equal("multipart/mixed;boundary=\"a b\"", new SipContentType("multipart", "mixed", [new SipParameter("boundary", "a b")]).ToString());
}

public class SipEventTests
{
    [Fact]
    public void Event_WithTemplateAndId_IsParsed()
    {
        Assert.True(SipEvent.TryParse("presence.winfo ; id=42;extra", out var ev));
        Assert.Equal("presence.winfo", ev.EventType);
        Assert.Equal("presence", ev.Package);
        Assert.Equal("42", ev.Id);
        Assert.Equal("presence.winfo;id=42;extra", ev.ToString());
    }

    [Fact]
    public void Event_Matching_NeedsSameTypeAndId()
    {
        var a = new SipEvent("dialog", "1");
        Assert.True(a.Matches(new SipEvent("dialog", "1")));
        Assert.False(a.Matches(new SipEvent("dialog")));
        Assert.False(a.Matches(new SipEvent("presence", "1")));
        Assert.True(new SipEvent("refer").Matches(new SipEvent("refer")));
    }

    [Theory]
    [InlineData("")]
    [InlineData(";id=1")]
    [InlineData("dialog;id=\"a b\"")]
    [InlineData("presence..winfo")]
    [InlineData(".presence")]
    [InlineData("dialog id=1")]
    public void Event_Malformed_IsRejected(string text) => Assert.False(SipEvent.TryParse(text, out _));
}

public class SipSubscriptionStateTests
{
    [Theory]
    [InlineData("active;expires=600", SipSubscriptionStateValue.Active, 600, null, null)]
    [InlineData("Pending", SipSubscriptionStateValue.Pending, null, null, null)]
    [InlineData("terminated;reason=timeout;retry-after=30", SipSubscriptionStateValue.Terminated, null, "timeout", 30)]
    [InlineData("waiting;x=1", SipSubscriptionStateValue.Extension, null, null, null)]
    public void SubscriptionState_Valid_IsParsed(string text, SipSubscriptionStateValue state, int? expires, string? reason, int? retryAfter)
    {
        Assert.True(SipSubscriptionState.TryParse(text, out var value));
        Assert.Equal(state, value.State);
        Assert.Equal(expires, value.Expires);
        Assert.Equal(reason, value.Reason);
        Assert.Equal(retryAfter, value.RetryAfter);
        Assert.Equal(text, value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("active;expires=soon")]
    [InlineData("terminated;retry-after=-1")]
    [InlineData("terminated;reason=\"a b\"")]
    [InlineData("active;;expires=1")]
    public void SubscriptionState_Malformed_IsRejected(string text) => Assert.False(SipSubscriptionState.TryParse(text, out _));

    [Fact]
    public void SubscriptionState_Built_Formats()
    {
        Assert.Equal("active;expires=3600", new SipSubscriptionState(SipSubscriptionStateValue.Active, 3600).ToString());
        Assert.Equal("terminated;reason=noresource", new SipSubscriptionState(SipSubscriptionStateValue.Terminated, reason: "noresource").ToString());
    }
}

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

public class SipReasonTests
{
    [Fact]
    public void Reason_List_IsParsed()
    {
        var list = new List<SipReason>();
        Assert.True(SipReason.TryParseList("SIP ;cause=200 ;text=\"Call completed elsewhere, really\", Q.850;cause=16;text=\"Terminated\"", list));
        Assert.Equal(2, list.Count);
        Assert.Equal("SIP", list[0].Protocol);
        Assert.Equal(200, list[0].Cause);
        Assert.Equal("Call completed elsewhere, really", list[0].Text);
        Assert.Equal("Q.850", list[1].Protocol);
        Assert.Equal(16, list[1].Cause);
    }

    [Fact]
    public void Reason_ToString_QuotesText()
    {
        Assert.Equal("SIP;cause=487;text=\"Request Terminated\"", new SipReason("SIP", 487, "Request Terminated").ToString());
        Assert.Equal("Q.850;cause=16;text=\"x\"", SipReason.TryParse("Q.850;cause=16;text=x", out var r) ? r.ToString() : "");
    }

    [Theory]
    [InlineData("")]
    [InlineData(";cause=1")]
    [InlineData("SIP;cause=abc")]
    [InlineData("SIP;text=\"open")]
    public void Reason_Malformed_IsRejected(string text) => Assert.False(SipReason.TryParse(text, out _));
}

public class SipTokenListTests
{
    [Fact]
    public void TokenList_Allow_IsParsed()
    {
        var tokens = new List<string>();
        Assert.True(SipTokenList.TryParse("INVITE, ACK ,BYE,\tCANCEL , OPTIONS", tokens));
        Assert.Equal(["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS"], tokens);
        Assert.True(SipTokenList.Contains(tokens, "BYE"));
        Assert.False(SipTokenList.Contains(tokens, "bye"));
        Assert.Equal("INVITE, ACK, BYE, CANCEL, OPTIONS", SipTokenList.Format(tokens));
    }

    [Fact]
    public void TokenList_EmptyValue_IsAnEmptyList()
    {
        var tokens = new List<string>();
        Assert.True(SipTokenList.TryParse("  ", tokens));
        Assert.Empty(tokens);
    }

    [Theory]
    [InlineData("100rel,,timer")]
    [InlineData("100rel, time r")]
    [InlineData("replaces, \"x\"")]
    [InlineData("a,")]
    [InlineData("a;b")]
    public void TokenList_BadToken_IsRejected(string text)
    {
        var tokens = new List<string>();
        Assert.False(SipTokenList.TryParse(text, tokens));
        Assert.Empty(tokens);
    }
}
