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

    [Theory]
    [InlineData("timer", true)]
    [InlineData("replaces", true)]
    [InlineData("100rel", false)]
    [InlineData("TIMER", false)]
    public void TokenList_InAMessage_IsFoundInAnyOfItsFields_BadFieldsListNothing(string token, bool expected)
    {
        var text = "OPTIONS sip:pbx@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKt1\r\nMax-Forwards: 70\r\n"
            + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:pbx@127.0.0.1>\r\nCall-ID: t1\r\nCSeq: 1 OPTIONS\r\n"
            + "Supported: path, 100rel;bad\r\nSupported: timer\r\nSupported: replaces\r\nContent-Length: 0\r\n\r\n";
        Assert.True(ContactCenter.Sip.Parsing.SipMessageParser.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var message).IsOk);

        Assert.Equal(expected, SipTokenList.Contains(message!, ContactCenter.Sip.Messages.SipHeaderId.Supported, token));
    }
}
