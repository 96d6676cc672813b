using System.Net;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Sdp;
using Xunit;

namespace ContactCenter.Media.Tests.Sdp;

public class SdpAnswererTests
{
    private static readonly IPAddress Us = IPAddress.Parse("192.0.2.1");

    /// <summary>The G.711 pair only, so that these tests do not depend on which other codecs the engine has.</summary>
    private static readonly SdpLocalMedia Local = new(Us, 30000, 30001) { Codecs = [AudioCodec.Pcmu, AudioCodec.Pcma] };

    [Fact]
    public void Yealink_FirstOfferedCodec_PCMU_WithTelephoneEvent()
    {
        var (answer, audio) = Answer(PhoneOffers.Yealink);

        Assert.Same(AudioCodec.Pcmu, audio.Codec);
        Assert.Equal(0, audio.PayloadType);
        Assert.Equal(101, audio.TelephoneEventPayloadType);
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.50"), 11782), audio.RemoteRtp);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.50"), 11783), audio.RemoteRtcp);
        Assert.Equal(
            ["m=audio 30000 RTP/AVP 0 101", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15", "a=ptime:20", "a=sendrecv"],
            MediaLines(answer, 0));
        Assert.Contains("c=IN IP4 192.0.2.1", answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TelephoneEventSwitchedOff_IsLeftOutOfTheAnswer()
    {
        var (answer, audio) = Answer(PhoneOffers.Yealink, Local with { TelephoneEventPayloadType = null });

        Assert.Null(audio.TelephoneEventPayloadType);
        Assert.Equal(["m=audio 30000 RTP/AVP 0", "a=rtpmap:0 PCMU/8000", "a=ptime:20", "a=sendrecv"], MediaLines(answer, 0));
    }

    [Fact]
    public void Grandstream_SkipsUnsupportedG729_AndTakesItsNextPreference_PCMA()
    {
        var (_, audio) = Answer(PhoneOffers.Grandstream);

        Assert.Same(AudioCodec.Pcma, audio.Codec);
        Assert.Equal(8, audio.PayloadType);
    }

    [Fact]
    public void Snom_LowerCaseNames_Ptime40_AndEventsUpTo16_AnsweredWithinWhatWeSupport()
    {
        var (answer, audio) = Answer(PhoneOffers.Snom);

        Assert.Same(AudioCodec.Pcmu, audio.Codec);
        Assert.Equal(40, audio.SendPacketMilliseconds);
        Assert.Contains("a=fmtp:101 0-15", MediaLines(answer, 0));
        Assert.Contains("a=ptime:20", MediaLines(answer, 0));
        Assert.DoesNotContain("a=encryption:optional", MediaLines(answer, 0));
    }

    [Fact]
    public void Baresip_OpusSkipped_IceAndRtcpMuxIgnored()
    {
        var (answer, audio) = Answer(PhoneOffers.Baresip);

        Assert.Same(AudioCodec.Pcma, audio.Codec);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 10011), audio.RemoteRtcp);
        string text = answer.ToString();
        Assert.DoesNotContain("ice-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("candidate", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rtcp-mux", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Linphone_VideoRejectedWithPortZero_InPlace_AndTheEightKilohertzTelephoneEventChosen()
    {
        var (answer, audio) = Answer(PhoneOffers.LinphoneWithVideo);

        Assert.Equal(2, answer.MediaCount);
        Assert.Same(AudioCodec.Pcmu, audio.Codec);
        Assert.Equal(100, audio.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.60"), 7079), audio.RemoteRtcp);
        Assert.Equal(["m=video 0 RTP/AVP 96 97"], MediaLines(answer, 1));
    }

    [Fact]
    public void DynamicPayloadType_IsResolvedByItsRtpmap_AndKeptInTheAnswer()
    {
        var (answer, audio) = Answer(PhoneOffers.Audio("112 113", "rtpmap:112 pcma/8000", "rtpmap:113 TELEPHONE-EVENT/8000"));

        Assert.Same(AudioCodec.Pcma, audio.Codec);
        Assert.Equal(112, audio.PayloadType);
        Assert.Equal(113, audio.TelephoneEventPayloadType);
        Assert.Equal("m=audio 30000 RTP/AVP 112 113", MediaLines(answer, 0)[0]);
        Assert.Contains("a=rtpmap:112 PCMA/8000", MediaLines(answer, 0));
    }

    [Fact]
    public void DynamicPayloadType_WithoutRtpmap_MeansNothing()
    {
        Assert.False(TryAnswer(PhoneOffers.Audio("96"), out _, out _));
    }

    [Fact]
    public void StaticPayloadTypes_NeedNoRtpmap()
    {
        var (_, audio) = Answer(PhoneOffers.Audio("8 0"));
        Assert.Same(AudioCodec.Pcma, audio.Codec);
        Assert.Null(audio.TelephoneEventPayloadType);
    }

    [Theory]
    [InlineData(null, "0-15")]
    [InlineData("0-15,66", "0-15")]
    [InlineData("0-11", "0-11")]
    [InlineData("0-9,11", "0-9,11")]
    public void TelephoneEvents_AreAnsweredAsTheIntersectionWithTheSixteenDtmfEvents(string? offered, string answered)
    {
        var attributes = offered is null ? new[] { "rtpmap:101 telephone-event/8000" } : ["rtpmap:101 telephone-event/8000", $"fmtp:101 {offered}"];
        var (answer, audio) = Answer(PhoneOffers.Audio("0 101", attributes));

        Assert.Equal(101, audio.TelephoneEventPayloadType);
        Assert.Contains($"a=fmtp:101 {answered}", MediaLines(answer, 0));
    }

    [Fact]
    public void TelephoneEvents_WithNoDtmfEvent_AreNotAccepted()
    {
        var (answer, audio) = Answer(PhoneOffers.Audio("0 101", "rtpmap:101 telephone-event/8000", "fmtp:101 32-40"));

        Assert.Null(audio.TelephoneEventPayloadType);
        Assert.Equal("m=audio 30000 RTP/AVP 0", MediaLines(answer, 0)[0]);
    }

    [Theory]
    [InlineData(null, 20)]
    [InlineData("ptime:20", 20)]
    [InlineData("ptime:30", 20)]
    [InlineData("ptime:40", 40)]
    [InlineData("ptime:60", 60)]
    [InlineData("ptime:80", 20)]
    [InlineData("ptime:10", 20)]
    public void Ptime_WeSendTheOfferedOneWhenItIsWholeFramesUpTo60_ElseTwenty(string? ptime, int sent)
    {
        var (answer, audio) = Answer(PhoneOffers.Audio("0", ptime is null ? [] : [ptime]));

        Assert.Equal(sent, audio.SendPacketMilliseconds);
        Assert.Contains("a=ptime:20", MediaLines(answer, 0));
    }

    [Theory]
    [InlineData("sendrecv", SdpDirection.SendRecv)]
    [InlineData("sendonly", SdpDirection.RecvOnly)]
    [InlineData("recvonly", SdpDirection.SendOnly)]
    [InlineData("inactive", SdpDirection.Inactive)]
    public void Direction_IsAnsweredPerRfc3264Table(string offered, SdpDirection answered)
    {
        var (answer, audio) = Answer(PhoneOffers.Audio("0", offered));

        Assert.Equal(answered, audio.Direction);
        Assert.Equal($"a={answered.ToString().ToLowerInvariant()}", MediaLines(answer, 0)[^1]);
    }

    [Fact]
    public void SessionLevelDirection_AppliesWhenTheMediaHasNone()
    {
        var offer = PhoneOffers.Audio("0").Replace("t=0 0\r\n", "t=0 0\r\na=sendonly\r\n", StringComparison.Ordinal);
        var (_, audio) = Answer(offer);
        Assert.Equal(SdpDirection.RecvOnly, audio.Direction);
    }

    [Fact]
    public void OldStyleHold_ConnectionZero_MeansWeDoNotSend()
    {
        var offer = PhoneOffers.Audio("0").Replace("c=IN IP4 192.0.2.9", "c=IN IP4 0.0.0.0", StringComparison.Ordinal);
        var (answer, audio) = Answer(offer);

        Assert.Null(audio.RemoteRtp);
        Assert.Equal(SdpDirection.RecvOnly, audio.Direction);
        Assert.False(audio.Sends);
        Assert.True(audio.Receives);
        Assert.Equal("a=recvonly", MediaLines(answer, 0)[^1]);
    }

    [Fact]
    public void LocalSendOnly_MusicOnHold_AnswersSendOnly()
    {
        var (answer, audio) = Answer(PhoneOffers.Yealink, Local with { Direction = SdpDirection.SendOnly });

        Assert.Equal(SdpDirection.SendOnly, audio.Direction);
        Assert.Equal("a=sendonly", MediaLines(answer, 0)[^1]);
    }

    [Fact]
    public void SecureProfileOnly_HasNothingUsable()
    {
        var offer = PhoneOffers.Audio("0").Replace("RTP/AVP", "RTP/SAVP", StringComparison.Ordinal);
        Assert.False(TryAnswer(offer, out _, out _));
    }

    [Fact]
    public void SecureAndPlainAudio_ThePlainOneIsAccepted_TheSecureOneRejectedInPlace()
    {
        var offer = PhoneOffers.Audio("0").Replace("m=audio 4000 RTP/AVP 0", "m=audio 4000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\nm=audio 4002 RTP/AVP 0", StringComparison.Ordinal);
        var (answer, audio) = Answer(offer);

        Assert.Equal(["m=audio 0 RTP/SAVP 0"], MediaLines(answer, 0));
        Assert.Equal(4002, audio.RemoteRtp!.Port);
        Assert.Equal("m=audio 30000 RTP/AVP 0", MediaLines(answer, 1)[0]);
    }

    [Fact]
    public void SecondAudioAndT38_AreRejected_KeepingCountAndOrder()
    {
        var offer = PhoneOffers.Audio("0") + "m=image 4010 udptl t38\r\na=T38FaxVersion:0\r\nm=audio 4020 RTP/AVP 8\r\n";
        var (answer, audio) = Answer(offer);

        Assert.Equal(3, answer.MediaCount);
        Assert.Equal(4000, audio.RemoteRtp!.Port);
        Assert.Equal(["m=image 0 udptl t38"], MediaLines(answer, 1));
        Assert.Equal(["m=audio 0 RTP/AVP 8"], MediaLines(answer, 2));
    }

    [Fact]
    public void T38Only_OrOnlyUnsupportedCodecs_OrAudioDisabled_GetNoAnswer_AndLeaveTheOriginAlone()
    {
        var origin = new SdpOrigin(Us, 1000);
        Assert.False(TryAnswer(PhoneOffers.Audio("0").Replace("m=audio 4000 RTP/AVP 0", "m=image 4010 udptl t38", StringComparison.Ordinal), out _, out _, origin: origin));
        Assert.False(TryAnswer(PhoneOffers.Audio("18 3", "rtpmap:18 G729/8000"), out _, out _, origin: origin));
        Assert.False(TryAnswer(PhoneOffers.Audio("0").Replace("m=audio 4000", "m=audio 0", StringComparison.Ordinal), out _, out _, origin: origin));
        Assert.Equal(1000UL, origin.Version);
    }

    [Fact]
    public void SessionVersion_MovesWithEachChangedAnswer_AndStaysForAnIdenticalOne()
    {
        var origin = new SdpOrigin(Us, 1000);
        var (first, _) = Answer(PhoneOffers.Yealink, origin: origin);
        var (again, _) = Answer(PhoneOffers.Yealink, origin: origin);
        var (hold, _) = Answer(PhoneOffers.Yealink.Replace("a=sendrecv", "a=sendonly", StringComparison.Ordinal), origin: origin);

        Assert.Equal("- 1000 1000 IN IP4 192.0.2.1", Origin(first));
        Assert.Equal("- 1000 1000 IN IP4 192.0.2.1", Origin(again));
        Assert.Equal("- 1000 1001 IN IP4 192.0.2.1", Origin(hold));
    }

    [Fact]
    public void Answer_KeepsTheOffersTiming()
    {
        var (answer, _) = Answer(PhoneOffers.Audio("0").Replace("t=0 0", "t=3034423619 0", StringComparison.Ordinal));
        Assert.Contains(new SdpLine('t', "3034423619 0"), answer.Lines);
    }

    [Fact]
    public void G711Offer_IsAnsweredWithTheEnginesWholeCodecList()
    {
        var local = new SdpLocalMedia(Us, 30000, 30001);
        Assert.True(SdpMessage.TryParse(PhoneOffers.Audio("8"), out var offer, out _));
        Assert.True(SdpAnswerer.TryAnswer(offer, local, new SdpOrigin(Us), out _, out var audio));
        Assert.Same(AudioCodec.Pcma, audio.Codec);
        Assert.Contains(AudioCodec.Pcmu, SupportedAudioCodecs.All);
        Assert.Contains(AudioCodec.Pcma, SupportedAudioCodecs.All);
    }

    internal static List<string> MediaLines(SdpMessage message, int index)
    {
        var lines = message.Lines.Select(l => l.ToString()).ToList();
        var starts = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("m=", StringComparison.Ordinal)).Select(x => x.i).ToList();
        int end = index + 1 < starts.Count ? starts[index + 1] : lines.Count;
        return lines[starts[index]..end];
    }

    private static string Origin(SdpMessage message) => message.Lines.First(l => l.Type == 'o').Value;

    private static (SdpMessage Answer, SdpNegotiatedAudio Audio) Answer(string offer, SdpLocalMedia? local = null, SdpOrigin? origin = null)
    {
        Assert.True(TryAnswer(offer, out var answer, out var audio, local, origin));
        return (answer!, audio!);
    }

    private static bool TryAnswer(string offerText, out SdpMessage? answer, out SdpNegotiatedAudio? audio, SdpLocalMedia? local = null, SdpOrigin? origin = null)
    {
        Assert.True(SdpMessage.TryParse(offerText, out var offer, out var error), error.ToString());
        answer = null;
        if (!SdpAnswerer.TryAnswer(offer, local ?? Local, origin ?? new SdpOrigin(Us, 1000), out var text, out audio))
        {
            return false;
        }

        Assert.True(SdpMessage.TryParse(text, out answer, out error), error.ToString());
        Assert.Equal(offer.MediaCount, answer.MediaCount);
        return true;
    }
}
