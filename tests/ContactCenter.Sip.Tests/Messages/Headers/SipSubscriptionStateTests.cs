using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using Xunit;

namespace ContactCenter.Sip.Tests.Messages.Headers;

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
