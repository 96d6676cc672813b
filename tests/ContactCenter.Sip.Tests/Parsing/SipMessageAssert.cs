using ContactCenter.Sip.Messages;

using Xunit;

namespace ContactCenter.Sip.Tests.Parsing;

/// <summary>Message equality for round-trip tests: start line, header ids, names and (unfolded) values in order, and body.</summary>
internal static class SipMessageAssert
{
    public static void Equal(SipMessage expected, SipMessage actual)
    {
        Assert.Equal(expected.IsRequest, actual.IsRequest);
        Assert.Equal(expected.MethodName, actual.MethodName);
        Assert.Equal(expected.RequestUriText, actual.RequestUriText);
        Assert.Equal(expected.StatusCode, actual.StatusCode);
        Assert.Equal(expected.ReasonPhrase, actual.ReasonPhrase);
        Assert.Equal(expected.Headers.ToList(), actual.Headers.ToList());
        Assert.Equal(expected.Body.ToArray(), actual.Body.ToArray());
    }
}
