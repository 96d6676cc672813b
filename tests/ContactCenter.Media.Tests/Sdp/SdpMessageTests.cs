using System.Text;
using ContactCenter.Media.Sdp;
using Xunit;

namespace ContactCenter.Media.Tests.Sdp;

public class SdpMessageTests
{
    private const string Minimal = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";

    [Fact]
    public void RoundTrip_KeepsEveryLineAndItsOrder()
    {
        const string text =
            "v=0\r\n" +
            "o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5\r\n" +
            "s=SDP Seminar\r\n" +
            "i=A Seminar on the session description protocol\r\n" +
            "u=http://www.example.com/seminars/sdp.pdf\r\n" +
            "e=j.doe@example.com (Jane Doe)\r\n" +
            "c=IN IP4 10.47.16.5\r\n" +
            "b=AS:64\r\n" +
            "t=2873397496 2873404696\r\n" +
            "a=recvonly\r\n" +
            "a=x-vendor:  two  spaces\ttab \r\n" +
            "m=audio 49170 RTP/AVP 0\r\n" +
            "m=video 51372/2 RTP/AVP 99\r\n" +
            "a=rtpmap:99 h263-1998/90000\r\n";
        Assert.True(SdpMessage.TryParse(text, out var message, out _));
        Assert.Equal(text, message.ToString());
        Assert.Equal(2, message.MediaCount);
        Assert.Equal(new SdpLine('e', "j.doe@example.com (Jane Doe)"), message.Lines[5]);
        Assert.Equal(text, Encoding.UTF8.GetString(message.ToUtf8Bytes()));
    }

    [Fact]
    public void BareLineFeeds_AndATrailingBlankLine_AreAccepted()
    {
        Assert.True(SdpMessage.TryParse(Minimal.Replace("\r\n", "\n") + "\n", out var message, out _));
        Assert.Equal(Minimal, message.ToString());
    }

    [Fact]
    public void Utf8Bytes_AreParsed()
    {
        Assert.True(SdpMessage.TryParse(Encoding.UTF8.GetBytes(Minimal.Replace("s=-", "s=Appel reçu")), out var message, out _));
        Assert.Equal("Appel reçu", message.Lines[2].Value);
    }

    [Theory]
    [InlineData("", SdpParseStatus.Empty, 0)]
    [InlineData("\r\n\r\n", SdpParseStatus.Empty, 0)]
    [InlineData("v=1\r\no=- 1 1 IN IP4 10.0.0.1\r\n", SdpParseStatus.BadVersion, 1)]
    [InlineData("o=- 1 1 IN IP4 10.0.0.1\r\nv=0\r\n", SdpParseStatus.BadVersion, 1)]
    [InlineData("v=0\r\nhello\r\n", SdpParseStatus.MalformedLine, 2)]
    [InlineData("v=0\r\nX=1\r\n", SdpParseStatus.MalformedLine, 2)]
    [InlineData("v=0\r\na\r\n", SdpParseStatus.MalformedLine, 2)]
    [InlineData("v=0\r\ns=a\u0001b\r\n", SdpParseStatus.MalformedLine, 2)]
    [InlineData("v=0\r\ns=-\r\n", SdpParseStatus.BadOrigin, 0)]
    [InlineData("v=0\r\no=- x 1 IN IP4 10.0.0.1\r\n", SdpParseStatus.BadOrigin, 2)]
    [InlineData("v=0\r\no=- 1 1 IN IP4\r\n", SdpParseStatus.BadOrigin, 2)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\no=- 1 1 IN IP4 a\r\n", SdpParseStatus.BadOrigin, 3)]
    [InlineData("v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 0\r\n", SdpParseStatus.BadOrigin, 3)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nc=IN IP5 10.0.0.1\r\n", SdpParseStatus.BadConnection, 3)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nc=ATM NSAP x\r\n", SdpParseStatus.BadConnection, 3)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nc=IN IP4 a\r\nm=audio x RTP/AVP 0\r\n", SdpParseStatus.BadMedia, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nc=IN IP4 a\r\nm=audio 70000 RTP/AVP 0\r\n", SdpParseStatus.BadMedia, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nc=IN IP4 a\r\nm=audio 4000 RTP/AVP\r\n", SdpParseStatus.BadMedia, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nc=IN IP4 a\r\nm=audio 4000/x RTP/AVP 0\r\n", SdpParseStatus.BadMedia, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nm=audio 4000 RTP/AVP 0\r\n", SdpParseStatus.MissingConnection, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nm=audio 4000 RTP/AVP 0\r\nm=video 4002 RTP/AVP 96\r\nc=IN IP4 a\r\n", SdpParseStatus.MissingConnection, 4)]
    public void MalformedSdp_IsAValue_WithTheLineAtFault(string text, SdpParseStatus status, int line)
    {
        Assert.False(SdpMessage.TryParse(text, out var message, out var error));
        Assert.Null(message);
        Assert.Equal(new SdpParseError(status, line), error);
    }

    [Fact]
    public void OversizeBodies_AreRefused()
    {
        var tooLong = Minimal + string.Concat(Enumerable.Repeat("a=x\r\n", 2000));
        Assert.False(SdpMessage.TryParse(tooLong, out _, out var error));
        Assert.Equal(SdpParseStatus.TooLarge, error.Status);
        Assert.False(SdpMessage.TryParse(new byte[SdpMessage.MaxLength + 1], out _, out error));
        Assert.Equal(SdpParseStatus.TooLarge, error.Status);
    }

    [Fact]
    public void ConnectionAddressThatIsAHostName_IsNotAnEndpoint()
    {
        Assert.True(SdpMessage.TryParse(Minimal.Replace("c=IN IP4 10.0.0.1", "c=IN IP4 phone.example.com"), out var message, out _));
        Assert.False(message.TryGetAudioEndpoint(out _));
        Assert.True(SdpMessage.TryParse(Minimal.Replace("m=audio", "m=video"), out var videoOnly, out _));
        Assert.False(videoOnly.TryGetAudioEndpoint(out _));
    }

    [Fact]
    public void RandomMutations_NeverThrow()
    {
        var random = new Random(3264);
        var source = Encoding.UTF8.GetBytes(Minimal + "a=rtcp:4001 IN IP4 10.0.0.1\r\na=sendonly\r\n");
        for (int i = 0; i < 5000; i++)
        {
            var mutated = (byte[])source.Clone();
            int edits = random.Next(1, 6);
            for (int e = 0; e < edits; e++)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            var truncated = mutated.AsSpan(0, random.Next(mutated.Length + 1));
            if (SdpMessage.TryParse(truncated, out var message, out _) && message.TryGetAudioEndpoint(out _))
            {
                SdpRewriter.Rewrite(message, new SdpAnchor(System.Net.IPAddress.Loopback, 10000, 10001), new SdpOrigin(System.Net.IPAddress.Loopback, 1));
            }
        }
    }
}
