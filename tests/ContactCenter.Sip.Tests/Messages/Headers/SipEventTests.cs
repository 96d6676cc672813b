using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using Xunit;

namespace ContactCenter.Sip.Tests.Messages.Headers;

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
