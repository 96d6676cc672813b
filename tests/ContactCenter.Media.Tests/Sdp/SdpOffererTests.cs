using System.Net;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Sdp;
using Xunit;

namespace ContactCenter.Media.Tests.Sdp;

public class SdpOffererTests
{
    private static readonly IPAddress Us = IPAddress.Parse("192.0.2.1");
    private static readonly SdpLocalMedia Local = new(Us, 30000, 30001) { Codecs = [AudioCodec.Pcmu, AudioCodec.Pcma] };

    [Fact]
    public void Offer_ListsEveryCodecAndTelephoneEvent101()
    {
        Assert.True(SdpMessage.TryParse(SdpOfferer.CreateOffer(Local, new SdpOrigin(Us, 5)), out var offer, out _));

        Assert.Equal(
            ["m=audio 30000 RTP/AVP 0 8 101", "a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15", "a=ptime:20", "a=sendrecv"],
            SdpAnswererTests.MediaLines(offer, 0));
        Assert.Equal(new SdpLine('o', "- 5 5 IN IP4 192.0.2.1"), offer.Lines[1]);
    }

    [Fact]
    public void Offer_ByDefault_CarriesTheEnginesCodecList()
    {
        var local = new SdpLocalMedia(Us, 30000, 30001);
        Assert.True(SdpMessage.TryParse(SdpOfferer.CreateOffer(local, new SdpOrigin(Us)), out var offer, out _));
        string mline = SdpAnswererTests.MediaLines(offer, 0)[0];
        Assert.Equal($"m=audio 30000 RTP/AVP {string.Join(' ', SupportedAudioCodecs.All.Select(c => c.PayloadType))} 101", mline);
    }

    [Fact]
    public void Offer_WithTelephoneEventSwitchedOff_HasNone_AndAnAnswerNamingItGetsNone()
    {
        var local = Local with { TelephoneEventPayloadType = null };
        Assert.True(SdpMessage.TryParse(SdpOfferer.CreateOffer(local, new SdpOrigin(Us)), out var offer, out _));
        Assert.DoesNotContain(SdpAnswererTests.MediaLines(offer, 0), l => l.Contains("telephone-event", StringComparison.Ordinal));

        Assert.True(SdpMessage.TryParse(Answer("0 101", "rtpmap:101 telephone-event/8000"), out var answer, out _));
        Assert.True(SdpOfferer.TryApplyAnswer(answer, local, out var audio));
        Assert.Null(audio.TelephoneEventPayloadType);
    }

    [Fact]
    public void Offer_WritesRtcpOnlyWhenNotTheNextPort()
    {
        Assert.True(SdpMessage.TryParse(SdpOfferer.CreateOffer(Local with { RtcpPort = 30009 }, new SdpOrigin(Us)), out var offer, out _));
        Assert.Contains("a=rtcp:30009", SdpAnswererTests.MediaLines(offer, 0));
    }

    [Fact]
    public void Answer_PickingPcmaAndEvents_IsApplied()
    {
        var audio = Apply(Answer("8 101", "rtpmap:8 PCMA/8000", "rtpmap:101 telephone-event/8000", "ptime:40", "recvonly"));

        Assert.Same(AudioCodec.Pcma, audio!.Codec);
        Assert.Equal(101, audio.TelephoneEventPayloadType);
        Assert.Equal(40, audio.SendPacketMilliseconds);
        Assert.Equal(SdpDirection.SendOnly, audio.Direction);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.77"), 6000), audio.RemoteRtp);
    }

    [Theory]
    [InlineData("18")]
    [InlineData("96")]
    public void Answer_WithACodecWeDidNotOffer_DoesNotFit(string formats)
    {
        Assert.Null(Apply(Answer(formats, "rtpmap:96 opus/48000/2")));
    }

    [Fact]
    public void Answer_RejectingAudio_OrWithTwoStreams_OrSecure_DoesNotFit()
    {
        Assert.Null(Apply(Answer("0").Replace("m=audio 6000", "m=audio 0", StringComparison.Ordinal)));
        Assert.Null(Apply(Answer("0") + "m=video 0 RTP/AVP 96\r\n"));
        Assert.Null(Apply(Answer("0").Replace("RTP/AVP", "RTP/SAVP", StringComparison.Ordinal)));
    }

    [Fact]
    public void OurOffer_AnsweredByOurAnswerer_AgreesOnBothSides()
    {
        var offerer = new SdpLocalMedia(Us, 30000, 30001);
        var answerer = new SdpLocalMedia(IPAddress.Parse("192.0.2.2"), 40000, 40001);
        Assert.True(SdpMessage.TryParse(SdpOfferer.CreateOffer(offerer, new SdpOrigin(Us)), out var offer, out _));
        Assert.True(SdpAnswerer.TryAnswer(offer, answerer, new SdpOrigin(answerer.Address), out var answerText, out var answered));
        Assert.True(SdpMessage.TryParse(answerText, out var answer, out _));
        Assert.True(SdpOfferer.TryApplyAnswer(answer, offerer, out var applied));

        Assert.Same(applied.Codec, answered.Codec);
        Assert.Same(SupportedAudioCodecs.All[0], applied.Codec);
        Assert.Equal(101, applied.TelephoneEventPayloadType);
        Assert.Equal(101, answered.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(answerer.Address, 40000), applied.RemoteRtp);
        Assert.Equal(new IPEndPoint(Us, 30000), answered.RemoteRtp);
    }

    private static string Answer(string formats, params string[] attributes) =>
        "v=0\r\no=- 9 9 IN IP4 192.0.2.77\r\ns=-\r\nc=IN IP4 192.0.2.77\r\nt=0 0\r\n" +
        $"m=audio 6000 RTP/AVP {formats}\r\n" + string.Concat(attributes.Select(a => $"a={a}\r\n"));

    private static SdpNegotiatedAudio? Apply(string answer)
    {
        Assert.True(SdpMessage.TryParse(answer, out var message, out _));
        return SdpOfferer.TryApplyAnswer(message, Local, out var audio) ? audio : null;
    }
}
