using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using Xunit;

namespace ContactCenter.Sip.Tests.Messages.Headers;

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
