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
