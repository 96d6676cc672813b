using System.Net;
using ContactCenter.Media.Sdp;
using Xunit;

namespace ContactCenter.Media.Tests.Sdp;

public class SdpRewriterTests
{
    // A Yealink-like offer: PCMU, PCMA, G722, telephone-event, an explicit RTCP port (RFC 3605).
    private const string YealinkOffer =
        "v=0\r\n" +
        "o=- 20021 20021 IN IP4 192.168.1.50\r\n" +
        "s=SDP data\r\n" +
        "c=IN IP4 192.168.1.50\r\n" +
        "t=0 0\r\n" +
        "m=audio 11780 RTP/AVP 0 8 9 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:9 G722/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=ptime:20\r\n" +
        "a=rtcp:11781 IN IP4 192.168.1.50\r\n" +
        "a=sendrecv\r\n";

    private const string AnchoredForLegB =
        "v=0\r\n" +
        "o=- 5000 5000 IN IP4 192.168.1.2\r\n" +
        "s=SDP data\r\n" +
        "c=IN IP4 192.168.1.2\r\n" +
        "t=0 0\r\n" +
        "m=audio 10002 RTP/AVP 0 8 9 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:9 G722/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=ptime:20\r\n" +
        "a=rtcp:10003 IN IP4 192.168.1.2\r\n" +
        "a=sendrecv\r\n";

    private static readonly IPAddress Pbx = IPAddress.Parse("192.168.1.2");
    private static readonly SdpAnchor LegB = new(Pbx, 10002, 10003);

    [Fact]
    public void YealinkOffer_IsAnchored_WithCodecsAndTelephoneEventUntouched()
    {
        var origin = new SdpOrigin(Pbx, 5000);
        Assert.Equal(AnchoredForLegB, SdpRewriter.Rewrite(Parse(YealinkOffer), LegB, origin));
        Assert.Equal(5000UL, origin.Version);
    }

    [Fact]
    public void YealinkOffer_DeclaresItsRtpAndRtcpAddresses()
    {
        Assert.True(Parse(YealinkOffer).TryGetAudioEndpoint(out var endpoint));
        Assert.Equal(IPEndPoint.Parse("192.168.1.50:11780"), endpoint.Rtp);
        Assert.Equal(IPEndPoint.Parse("192.168.1.50:11781"), endpoint.Rtcp);
        Assert.Equal(SdpDirection.SendRecv, endpoint.Direction);
        Assert.False(endpoint.IsHold);
        Assert.False(endpoint.IsDisabled);
        Assert.Equal(0, endpoint.MediaIndex);
    }

    [Fact]
    public void HoldReInviteWithSendonly_KeepsTheDirection_AndBumpsTheVersionOnce()
    {
        var origin = new SdpOrigin(Pbx, 5000);
        SdpRewriter.Rewrite(Parse(YealinkOffer), LegB, origin);
        var hold = YealinkOffer.Replace("20021 20021", "20021 20022").Replace("a=sendrecv", "a=sendonly");

        var sent = SdpRewriter.Rewrite(Parse(hold), LegB, origin);
        Assert.Equal(AnchoredForLegB.Replace("5000 5000", "5000 5001").Replace("a=sendrecv", "a=sendonly"), sent);
        Assert.True(Parse(hold).TryGetAudioEndpoint(out var endpoint));
        Assert.Equal(SdpDirection.SendOnly, endpoint.Direction);
        Assert.True(endpoint.IsHold);

        // The same offer again (a refresh re-INVITE, or only the peer's o= version moved): same version (RFC 3264 §8).
        var again = SdpRewriter.Rewrite(Parse(hold.Replace("20021 20022", "20021 20023")), LegB, origin);
        Assert.Equal(sent, again);
        Assert.Equal(5001UL, origin.Version);
    }

    [Fact]
    public void OldStyleHold_KeepsTheZeroAddress_AndIsReportedAsHold()
    {
        var offer = YealinkOffer.Replace("c=IN IP4 192.168.1.50", "c=IN IP4 0.0.0.0").Replace("a=rtcp:11781 IN IP4 192.168.1.50\r\n", string.Empty);
        var sent = SdpRewriter.Rewrite(Parse(offer), LegB, new SdpOrigin(Pbx, 1));

        Assert.Contains("c=IN IP4 0.0.0.0\r\n", sent);
        Assert.Contains("m=audio 10002 RTP/AVP 0 8 9 101\r\n", sent);
        Assert.True(Parse(offer).TryGetAudioEndpoint(out var endpoint));
        Assert.True(endpoint.IsHoldAddress);
        Assert.True(endpoint.IsHold);
        Assert.Equal(IPAddress.Any, endpoint.Rtp.Address);
        Assert.Equal(11781, endpoint.Rtcp.Port);
    }

    [Fact]
    public void VideoIsDeclined_WithPortZero_AndMediaLevelConnectionsAreRewritten()
    {
        const string offer =
            "v=0\r\n" +
            "o=alice 1 1 IN IP4 10.0.0.5\r\n" +
            "s=-\r\n" +
            "t=0 0\r\n" +
            "m=audio 4000 RTP/AVP 0 101\r\n" +
            "c=IN IP4 10.0.0.5\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\n" +
            "a=rtcp-mux\r\n" +
            "m=video 4002 RTP/AVP 96\r\n" +
            "c=IN IP4 10.0.0.5\r\n" +
            "a=rtpmap:96 H264/90000\r\n";
        const string expected =
            "v=0\r\n" +
            "o=- 7 7 IN IP4 192.168.1.2\r\n" +
            "s=-\r\n" +
            "t=0 0\r\n" +
            "m=audio 10002 RTP/AVP 0 101\r\n" +
            "c=IN IP4 192.168.1.2\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\n" +
            "a=rtcp-mux\r\n" +
            "m=video 0 RTP/AVP 96\r\n" +
            "c=IN IP4 192.168.1.2\r\n" +
            "a=rtpmap:96 H264/90000\r\n";

        Assert.Equal(expected, SdpRewriter.Rewrite(Parse(offer), LegB, new SdpOrigin(Pbx, 7)));
        Assert.True(Parse(offer).TryGetAudioEndpoint(out var endpoint));
        Assert.True(endpoint.RtcpMux);
        Assert.Equal(IPEndPoint.Parse("10.0.0.5:4001"), endpoint.Rtcp);
    }

    [Fact]
    public void ARejectedAudioStream_StaysRejected()
    {
        var answer = YealinkOffer.Replace("m=audio 11780", "m=audio 0");
        var sent = SdpRewriter.Rewrite(Parse(answer), LegB, new SdpOrigin(Pbx, 1));
        Assert.Contains("m=audio 0 RTP/AVP 0 8 9 101\r\n", sent);
        Assert.True(Parse(answer).TryGetAudioEndpoint(out var endpoint));
        Assert.True(endpoint.IsDisabled);
    }

    [Fact]
    public void RtcpAttribute_WithoutAddress_GetsOurPortOnly_AndIsAddedWhenOurRtcpPortIsNotRtpPlusOne()
    {
        var portOnly = YealinkOffer.Replace("a=rtcp:11781 IN IP4 192.168.1.50", "a=rtcp:11791");
        Assert.Contains("a=rtcp:10003\r\n", SdpRewriter.Rewrite(Parse(portOnly), LegB, new SdpOrigin(Pbx, 1)));
        Assert.True(Parse(portOnly).TryGetAudioEndpoint(out var endpoint));
        Assert.Equal(IPEndPoint.Parse("192.168.1.50:11791"), endpoint.Rtcp);

        var none = YealinkOffer.Replace("a=rtcp:11781 IN IP4 192.168.1.50\r\n", string.Empty);
        var sent = SdpRewriter.Rewrite(Parse(none), new SdpAnchor(Pbx, 10002, 10101), new SdpOrigin(Pbx, 1));
        Assert.EndsWith("a=sendrecv\r\na=rtcp:10101 IN IP4 192.168.1.2\r\n", sent);
    }

    [Fact]
    public void MediaAndSessionDirections_MediaLevelWins()
    {
        var offer = YealinkOffer.Replace("t=0 0\r\n", "t=0 0\r\na=inactive\r\n").Replace("a=sendrecv\r\n", string.Empty);
        Assert.True(Parse(offer).TryGetAudioEndpoint(out var sessionOnly));
        Assert.Equal(SdpDirection.Inactive, sessionOnly.Direction);

        var both = YealinkOffer.Replace("t=0 0\r\n", "t=0 0\r\na=inactive\r\n").Replace("a=sendrecv", "a=recvonly");
        Assert.True(Parse(both).TryGetAudioEndpoint(out var mediaWins));
        Assert.Equal(SdpDirection.RecvOnly, mediaWins.Direction);
        Assert.False(mediaWins.IsHold);
    }

    [Fact]
    public void Ipv6Anchor_WritesIp6()
    {
        var sent = SdpRewriter.Rewrite(Parse(YealinkOffer), new SdpAnchor(IPAddress.Parse("fd00::2"), 10002, 10003), new SdpOrigin(IPAddress.Parse("fd00::2"), 3));
        Assert.Contains("o=- 3 3 IN IP6 fd00::2\r\n", sent);
        Assert.Contains("c=IN IP6 fd00::2\r\n", sent);
        Assert.Contains("a=rtcp:10003 IN IP6 fd00::2\r\n", sent);
    }

    [Fact]
    public void EachLeg_KeepsItsOwnOrigin()
    {
        var originA = new SdpOrigin(Pbx, 100);
        var originB = new SdpOrigin(Pbx, 200);
        var toB = SdpRewriter.Rewrite(Parse(YealinkOffer), LegB, originB);
        var toA = SdpRewriter.Rewrite(Parse(YealinkOffer), new SdpAnchor(Pbx, 10000, 10001), originA);
        Assert.StartsWith("v=0\r\no=- 200 200 ", toB);
        Assert.StartsWith("v=0\r\no=- 100 100 ", toA);

        Assert.NotEqual(new SdpOrigin(Pbx).SessionId, new SdpOrigin(Pbx).SessionId);
        Assert.True(new SdpOrigin(Pbx).SessionId < (1UL << 62));
    }

    private static SdpMessage Parse(string text)
    {
        Assert.True(SdpMessage.TryParse(text, out var message, out var error), error.ToString());
        return message;
    }
}
