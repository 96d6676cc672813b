using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Tests.Fakes;
using Xunit;

namespace ContactCenter.Sip.Tests.Auth;

internal static class DigestTestMessages
{
    public static SipMessage Request(string method = "REGISTER", string uri = "sip:pbx.local", params string[] authorization) =>
        RequestWithHeaders(method, uri, "Authorization", authorization);

    public static SipMessage RequestWithHeaders(string method, string uri, string headerName, params string[] values)
    {
        var extra = string.Concat(values.Select(v => $"{headerName}: {v}\n"));
        return Parse(SipTestMessages.Request(method, uri: uri, extraHeaders: extra));
    }

    public static SipMessage Parse(string text)
    {
        var result = SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n")), out var message);
        Assert.True(result.IsOk, result.Reason);
        return message!;
    }
}
