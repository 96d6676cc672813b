using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using Xunit;

namespace ContactCenter.Sip.Tests.Messages.Headers;

public class SipCSeqTests
{
    [Theory]
    [InlineData("4711 INVITE", 4711u, "INVITE", SipMethod.Invite)]
    [InlineData("  1\t  REGISTER  ", 1u, "REGISTER", SipMethod.Register)]
    [InlineData("4294967295 NEWMETHOD", 4294967295u, "NEWMETHOD", SipMethod.Unknown)]
    [InlineData("0 ACK", 0u, "ACK", SipMethod.Ack)]
    public void CSeq_Valid_IsParsed(string text, uint number, string method, SipMethod known)
    {
        Assert.True(SipCSeq.TryParse(text, out var cseq));
        Assert.Equal(number, cseq.Number);
        Assert.Equal(method, cseq.MethodName);
        Assert.Equal(known, cseq.Method);
    }

    [Theory]
    [InlineData("")]
    [InlineData("INVITE")]
    [InlineData("1")]
    [InlineData("1INVITE")]
    [InlineData("-1 INVITE")]
    [InlineData("1 IN VITE")]
    [InlineData("1 INV@ITE")]
    [InlineData("4294967296 INVITE")]
    [InlineData("36893488147419103232 REGISTER")] // RFC 4475 scalarlg
    [InlineData("99999999999999999999999999999999999999 INVITE")]
    public void CSeq_Malformed_IsRejected(string text) => Assert.False(SipCSeq.TryParse(text, out _));

    [Fact]
    public void CSeq_ToString_FormatsNumberAndMethod()
    {
        Assert.Equal("2 BYE", new SipCSeq(2, SipMethod.Bye).ToString());
        Assert.False(SipCSeq.TryParse(null, out _));
    }
}
