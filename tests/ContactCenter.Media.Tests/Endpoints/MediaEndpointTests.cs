using System.Net;
using System.Text;
using ContactCenter.Media.Clock;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Relay;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Tests.Codecs;
using ContactCenter.Media.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace ContactCenter.Media.Tests.Endpoints;

[Trait("Category", "Integration")]
public sealed class MediaEndpointTests : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly ManualMediaClock _clock = new();
    private readonly RtpPortAllocator _ports = new(TestRelay.Options(pairs: 4), NullLogger<RtpPortAllocator>.Instance);
    private readonly List<IMediaEndpoint> _endpoints = [];
    private readonly MediaEndpointFactory _factory;

    public MediaEndpointTests() =>
        _factory = new MediaEndpointFactory(_ports, IPAddress.Loopback, _clock, TimeProvider.System, NullLoggerFactory.Instance);

    [Fact]
    public void Sine_SentByOneEndpoint_IsDecodedOnTheOther_AtItsFrequency()
    {
        var (a, b) = Pair();
        a.Source = new SineSource(1000);
        var heard = new CapturingSink();
        b.Sink = heard;

        for (int frame = 0; frame < 60; frame++)
        {
            Tick(() => b.GetStatistics().PacketsReceived == a.GetStatistics().PacketsSent);
        }

        Assert.Same(SupportedAudioCodecs.All[0], b.Negotiated!.Codec);
        Assert.Equal(b.Negotiated.Codec.SampleRate, heard.SampleRate);
        Assert.Equal(60, heard.Frames);
        var steady = heard.Samples.AsSpan(20 * MediaFrame.Samples(heard.SampleRate));
        double tone = SignalMath.ToneAmplitude(steady, 1000, heard.SampleRate);
        Assert.InRange(tone, 4000, 12000);
        Assert.True(tone > 20 * SignalMath.ToneAmplitude(steady, 1500, heard.SampleRate));
        Assert.True(tone > 20 * SignalMath.ToneAmplitude(steady, 700, heard.SampleRate));
        Assert.Equal(0, b.GetStatistics().JitterBuffer.Lost);
    }

    [Fact]
    public void Quality_IsUnknownBeforeAnyPacket_AndNearPerfectOnAClean_LoopbackStream()
    {
        var (a, b) = Pair();
        Assert.Null(b.MeasureQuality());
        a.Source = new SineSource(1000);

        for (int frame = 0; frame < 60; frame++)
        {
            Tick(() => b.GetStatistics().PacketsReceived == a.GetStatistics().PacketsSent);
        }

        var quality = Assert.NotNull(b.MeasureQuality());
        Assert.Equal(0, quality.LossPercent);
        Assert.InRange(quality.Mos, 4.0, 4.5);
    }

    [Fact]
    public void TelephoneEvent_SentByOneEndpoint_ArrivesInTheOthersDigits()
    {
        var (a, b) = Pair();
        a.SendDigit('5', 100);

        DtmfDigit digit = default;
        for (int frame = 0; frame < 10 && !b.Digits.TryRead(out digit); frame++)
        {
            Tick(() => b.GetStatistics().PacketsReceived == a.GetStatistics().PacketsSent);
        }

        Assert.Equal('5', digit.Digit);
        Assert.Equal(DtmfSource.TelephoneEvent, digit.Source);
    }

    [Fact]
    public void WithoutTelephoneEvent_DigitsGoInBand_AndTheGoertzelDetectorFindsThem()
    {
        var a = Create();
        var b = Create();
        // Each answers an offer naming the other's port with PCMU only: G.711 both ways, no RFC 4733.
        Assert.True(b.TryAnswer(Offer(a.RtpPort, "0"), out _));
        Assert.True(a.TryAnswer(Offer(b.RtpPort, "0"), out _));
        Assert.Null(a.Negotiated!.TelephoneEventPayloadType);
        a.SendDigit('7', 120);

        DtmfDigit digit = default;
        for (int frame = 0; frame < 30 && !b.Digits.TryRead(out digit); frame++)
        {
            Tick(() => b.GetStatistics().PacketsReceived == a.GetStatistics().PacketsSent);
        }

        Assert.Equal('7', digit.Digit);
        Assert.Equal(DtmfSource.InBand, digit.Source);
        Assert.False(b.Digits.TryRead(out _));
    }

    [Fact]
    public void TelephoneEventSwitchedOff_OffersAndAnswersCarryNone_SoDigitsCrossInBand()
    {
        var factory = new MediaEndpointFactory(_ports, IPAddress.Loopback, _clock, TimeProvider.System, NullLoggerFactory.Instance,
            new MediaEndpointOptions { TelephoneEvent = false });
        Assert.True(factory.TryCreate(out var created));
        _endpoints.Add(created);
        var a = (MediaEndpoint)created;
        var b = Create();

        string offer = Encoding.UTF8.GetString(a.CreateOffer());
        Assert.DoesNotContain("telephone-event", offer, StringComparison.Ordinal);
        Assert.True(a.TryAnswer(Offer(b.RtpPort, "0 101", "rtpmap:101 telephone-event/8000", "fmtp:101 0-15"), out var answer));
        Assert.DoesNotContain("telephone-event", Encoding.UTF8.GetString(answer), StringComparison.Ordinal);
        Assert.True(b.TryAnswer(Offer(a.RtpPort, "0"), out _));
        Assert.Null(a.Negotiated!.TelephoneEventPayloadType);
        b.SendDigit('9', 120);

        DtmfDigit digit = default;
        for (int frame = 0; frame < 30 && !a.Digits.TryRead(out digit); frame++)
        {
            Tick(() => a.GetStatistics().PacketsReceived == b.GetStatistics().PacketsSent);
        }

        Assert.Equal('9', digit.Digit);
        Assert.Equal(DtmfSource.InBand, digit.Source);
    }

    [Theory]
    [InlineData(95)]
    [InlineData(128)]
    public void TelephoneEventPayloadType_OutsideTheDynamicRange_IsRefused(int payloadType) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MediaEndpointFactory(_ports, IPAddress.Loopback, _clock, TimeProvider.System,
            NullLoggerFactory.Instance, new MediaEndpointOptions { TelephoneEventPayloadType = payloadType }));

    [Fact]
    public void Hold_SendOnlyOffer_StopsOurSending_AndResumeStartsIt()
    {
        using var phone = new FakePhone();
        var endpoint = Create();
        endpoint.Source = new SineSource(440);

        Assert.True(endpoint.TryAnswer(Offer(phone.RtpEndPoint.Port, "0", "sendonly"), out var answer));
        Assert.Contains("a=recvonly", Encoding.UTF8.GetString(answer), StringComparison.Ordinal);
        _clock.Advance(10);
        Assert.Equal(0, endpoint.GetStatistics().PacketsSent);

        Assert.True(endpoint.TryAnswer(Offer(phone.RtpEndPoint.Port, "0", "sendrecv"), out answer));
        Assert.Contains("a=sendrecv", Encoding.UTF8.GetString(answer), StringComparison.Ordinal);
        _clock.Advance();
        var (packet, from) = phone.ReceiveRtp();

        Assert.Equal(0, packet[1] & 0x7F);
        Assert.Equal(0x80, packet[1] & 0x80); // the first packet after the hold opens a talkspurt (RFC 3551 §4.1)
        Assert.Equal(12 + 160, packet.Length);
        Assert.Equal(endpoint.RtpPort, from.Port);
    }

    [Fact]
    public void Ptime40_SendsTwoFramesPerPacket()
    {
        using var phone = new FakePhone();
        var endpoint = Create();
        endpoint.Source = new SineSource(440);
        Assert.True(endpoint.TryAnswer(Offer(phone.RtpEndPoint.Port, "8", "ptime:40"), out _));

        _clock.Advance(4);
        var (first, _) = phone.ReceiveRtp();
        var (second, _) = phone.ReceiveRtp();

        Assert.Equal(12 + 320, first.Length);
        Assert.Equal(320u, Timestamp(second) - Timestamp(first));
        Assert.Equal(2, endpoint.GetStatistics().PacketsSent);
    }

    [Fact]
    public void SymmetricRtp_WeSendWhereThePhoneSendsFrom_NotWhereItsSdpSaid()
    {
        using var phone = new FakePhone();
        using var decoy = new FakePhone();
        var endpoint = Create();
        endpoint.Source = new SineSource(440);
        Assert.True(endpoint.TryAnswer(Offer(decoy.RtpEndPoint.Port, "0"), out _));

        phone.SendRtp(new IPEndPoint(IPAddress.Loopback, endpoint.RtpPort), FakePhone.RtpPacket(1, 0xCAFE));
        Assert.True(SpinWait.SpinUntil(() => endpoint.GetStatistics().PacketsReceived == 1, Guard));
        _clock.Advance();
        var (packet, from) = phone.ReceiveRtp();

        Assert.Equal(endpoint.RtpPort, from.Port);
        Assert.Equal(0, packet[1] & 0x7F);
    }

    [Fact]
    public void Rtcp_SenderReportsGoOut_AndReceivedReportsAreRead()
    {
        using var phone = new FakePhone();
        var endpoint = Create();
        endpoint.Source = new SineSource(440);
        Assert.True(endpoint.TryAnswer(Offer(phone.RtpEndPoint.Port, "0", $"rtcp:{phone.RtcpEndPoint.Port}"), out _));

        // The first report falls within 3.75 s (RFC 3550 §6.2: half the 5 s minimum, times 0.5–1.5).
        _clock.Advance(200);
        var (report, from) = phone.ReceiveRtcp();
        var (rtp, _) = phone.ReceiveRtp();

        Assert.Equal(endpoint.RtcpPort, from.Port);
        Assert.Equal(RtcpReadStatus.Ok, RtcpCompoundReader.TryCreate(report, out var reader));
        Assert.True(reader.TryReadNext(out var first));
        Assert.Equal(RtcpPacketType.SenderReport, first.Type);
        Assert.Equal(FakePhone.Ssrc(rtp), first.Ssrc);
        Assert.True(reader.TryReadNext(out var sdes));
        Assert.Equal(RtcpPacketType.SourceDescription, sdes.Type);

        phone.SendRtcp(new IPEndPoint(IPAddress.Loopback, endpoint.RtcpPort), FakePhone.RtcpReceiverReport(0xCAFE));
        Assert.True(SpinWait.SpinUntil(() => endpoint.GetStatistics().RtcpReceived == 1, Guard));
    }

    [Fact]
    public void EchoTest_WhatTheCallerSends_ComesBack()
    {
        var (caller, echo) = Pair();
        var loop = new EchoSource();
        echo.Sink = loop;
        echo.Source = loop;
        caller.Source = new SineSource(600);
        var heard = new CapturingSink();
        caller.Sink = heard;

        for (int frame = 0; frame < 60; frame++)
        {
            Tick(() => echo.GetStatistics().PacketsReceived == caller.GetStatistics().PacketsSent
                && caller.GetStatistics().PacketsReceived == echo.GetStatistics().PacketsSent);
        }

        var steady = heard.Samples.AsSpan(30 * MediaFrame.Samples(heard.SampleRate));
        double tone = SignalMath.ToneAmplitude(steady, 600, heard.SampleRate);
        Assert.InRange(tone, 4000, 12000);
        Assert.True(tone > 20 * SignalMath.ToneAmplitude(steady, 1000, heard.SampleRate));
    }

    [Fact]
    public async Task Dispose_ReturnsThePorts_AndAnExhaustedRangeIsAValue()
    {
        var endpoints = new List<IMediaEndpoint>();
        while (_factory.TryCreate(out var endpoint))
        {
            endpoints.Add(endpoint);
        }

        Assert.Equal(_ports.Capacity, endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            await endpoint.DisposeAsync();
        }

        Assert.Equal(0, _ports.InUse);
        Assert.True(_factory.TryCreate(out var again));
        await again.DisposeAsync();
    }

    [Fact]
    public void Ticks_DoNotAllocate_OnceTheStreamsRun()
    {
        // G.711 with telephone-event: the endpoint's own path. (The G.722 codec and the in-band detector are measured
        // by their own owners.)
        var a = Create();
        var b = Create();
        Assert.True(b.TryAnswer(Offer(a.RtpPort, "0 101", "rtpmap:101 telephone-event/8000"), out _));
        Assert.True(a.TryAnswer(Offer(b.RtpPort, "0 101", "rtpmap:101 telephone-event/8000"), out _));
        a.Source = new SineSource(1000);
        b.Source = new SineSource(500);
        var sink = new CountingSink();
        a.Sink = sink;
        long allocated = 0;
        for (int frame = 0; frame < 300; frame++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            _clock.Advance();
            long after = GC.GetAllocatedBytesForCurrentThread();
            // Warm up first: the first RTCP report goes out within 3.75 s, and methods reach their final tier.
            if (frame >= 200)
            {
                allocated += after - before;
            }

            Assert.True(SpinWait.SpinUntil(() => b.GetStatistics().PacketsReceived == a.GetStatistics().PacketsSent, Guard));
        }

        Assert.Equal(0, allocated);
        Assert.Equal(300, sink.Frames);
    }

    [Fact]
    public void SignalledDigits_JoinTheSameChannel()
    {
        var endpoint = Create();
        endpoint.AcceptSignalledDigit(new DtmfDigit('#', 250, DtmfSource.SipInfo));
        Assert.True(endpoint.Digits.TryRead(out var digit));
        Assert.Equal(new DtmfDigit('#', 250, DtmfSource.SipInfo), digit);
    }

    [Fact]
    public void UnusableOffer_AndBadSdp_AreRefused_LeavingTheEndpointUnnegotiated()
    {
        var endpoint = Create();
        Assert.False(endpoint.TryAnswer(Offer(4000, "18"), out _));
        Assert.False(endpoint.TryAnswer("not sdp"u8, out _));
        Assert.False(endpoint.TryApplyAnswer(Offer(4000, "0")));
        Assert.Null(endpoint.Negotiated);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var endpoint in _endpoints)
        {
            await endpoint.DisposeAsync();
        }
    }

    private static byte[] Offer(int port, string formats, params string[] attributes) => Encoding.UTF8.GetBytes(
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        $"m=audio {port} RTP/AVP {formats}\r\n" + string.Concat(attributes.Select(a => $"a={a}\r\n")));

    private sealed class CountingSink : IAudioSink
    {
        public int Frames { get; private set; }

        public void Write(ReadOnlySpan<short> frame, int sampleRate) => Frames++;
    }

    private static uint Timestamp(byte[] packet) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(4));

    private MediaEndpoint Create()
    {
        Assert.True(_factory.TryCreate(out var endpoint));
        _endpoints.Add(endpoint);
        return (MediaEndpoint)endpoint;
    }

    /// <summary>Two endpoints that negotiated with each other: a offered, b answered.</summary>
    private (MediaEndpoint A, MediaEndpoint B) Pair()
    {
        var a = Create();
        var b = Create();
        Assert.True(b.TryAnswer(a.CreateOffer(), out var answer));
        Assert.True(a.TryApplyAnswer(answer));
        return (a, b);
    }

    /// <summary>One clock tick, then wait until what it sent has arrived (packets cross real loopback sockets).</summary>
    private void Tick(Func<bool> delivered)
    {
        _clock.Advance();
        Assert.True(SpinWait.SpinUntil(delivered, Guard), "a packet did not arrive");
    }
}
