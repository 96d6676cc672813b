using ContactCenter.Sip.Messages.Headers;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Tests.Fakes;

using Xunit;

namespace ContactCenter.Sip.Tests.Messages.Headers;

public class SipAcceptTests
{
    private static readonly string[] Offered = ["application/dialog-info+xml", "application/xml"];

    private static bool Choose(string headers, out string chosen)
    {
        Assert.True(SipMessageParser.TryParse(System.Text.Encoding.UTF8.GetBytes(SipTestMessages.Request("SUBSCRIBE", extraHeaders: headers).ReplaceLineEndings("\r\n")), out var request).IsOk);
        using (request)
        {
            return SipAccept.TryChoose(request!, Offered, out chosen);
        }
    }

    [Theory]
    [InlineData("", "application/dialog-info+xml")]
    [InlineData("Accept: application/xml\n", "application/xml")]
    [InlineData("Accept: APPLICATION/Dialog-Info+XML;q=0.9\n", "application/dialog-info+xml")]
    [InlineData("Accept: text/plain, application/*\n", "application/dialog-info+xml")]
    [InlineData("Accept: text/plain\nAccept: */*\n", "application/dialog-info+xml")]
    [InlineData("Accept: application/pidf+xml, application/xml\n", "application/xml")]
    public void TryChoose_TakesOurFirstTypeTheRequestAllows(string headers, string expected)
    {
        Assert.True(Choose(headers, out var chosen));
        Assert.Equal(expected, chosen);
    }

    [Theory]
    [InlineData("Accept: application/pidf+xml\n")]
    [InlineData("Accept: text/*\n")]
    public void TryChoose_IsFalse_WhenAcceptAllowsNoneOfOurTypes(string headers)
    {
        Assert.False(Choose(headers, out _));
    }
}
