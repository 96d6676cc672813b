using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using Xunit;

namespace ContactCenter.Sip.Tests.Messages.Headers;

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
