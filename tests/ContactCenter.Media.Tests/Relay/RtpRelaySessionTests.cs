using System.Net;
using ContactCenter.Media.Relay;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Tests.Fakes;
using ContactCenter.Sip.Tests.Fakes;
using Xunit;

namespace ContactCenter.Media.Tests.Relay;

[Trait("Category", "Integration")]
public class RtpRelaySessionTests
{
    private const uint SsrcA = 0x11111111;
    private const uint SsrcB = 0x22222222;

    [Fact]
    public async Task Rtp_IsRelayedBothWays_AndCountersMatch()
    {
        var relay = TestRelay.Create();
        await using var session = TestRelay.Session(relay);
        using var a = new FakePhone();
        using var b = new FakePhone();
        session.SetRemote(RtpRelayLeg.A, a.RtpEndPoint, null);
        session.SetRemote(RtpRelayLeg.B, b.RtpEndPoint, b.RtcpEndPoint);

        for (ushort seq = 1; seq <= 20; seq++)
        {
            var sent = FakePhone.RtpPacket(seq, SsrcA);
            a.SendRtp(session.LocalRtp(RtpRelayLeg.A), sent);
            var (packet, from) = b.ReceiveRtp();
            Assert.Equal(sent, packet);
            Assert.Equal(session.LocalRtp(RtpRelayLeg.B), from);

            var reply = FakePhone.RtpPacket(seq, SsrcB, payloadSize: 80);
            b.SendRtp(session.LocalRtp(RtpRelayLeg.B), reply);
            var (back, backFrom) = a.ReceiveRtp();
            Assert.Equal(reply, back);
            Assert.Equal(session.LocalRtp(RtpRelayLeg.A), backFrom);
        }

        var legA = session.GetStatistics(RtpRelayLeg.A).Rtp;
        var legB = session.GetStatistics(RtpRelayLeg.B).Rtp;
        Assert.Equal((20, 20 * 172, 20, 0, 0, 0), (legA.Packets, legA.Bytes, legA.Relayed, legA.Invalid, legA.Foreign, legA.Undeliverable));
        Assert.Equal((20, 20 * 92, 20, 0, 0, 0), (legB.Packets, legB.Bytes, legB.Relayed, legB.Invalid, legB.Foreign, legB.Undeliverable));
        Assert.Equal(a.RtpEndPoint, legA.Remote);
        Assert.Equal(b.RtpEndPoint, legB.Remote);
        Assert.NotNull(legA.LastPacketAt);
    }

    [Fact]
    public async Task RepliesGoToTheRealSource_WhenThePhoneSendsFromAnotherPortThanItsSdpSaid()
    {
        var relay = TestRelay.Create();
        await using var session = TestRelay.Session(relay);
        using var declared = new FakePhone();
        using var natted = new FakePhone();
        using var b = new FakePhone();
        session.SetRemote(RtpRelayLeg.A, declared.RtpEndPoint, null);
        session.SetRemote(RtpRelayLeg.B, b.RtpEndPoint, null);

        natted.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(1, SsrcA));
        Assert.Equal(1, FakePhone.Sequence(b.ReceiveRtp().Packet));

        b.SendRtp(session.LocalRtp(RtpRelayLeg.B), FakePhone.RtpPacket(7, SsrcB));
        var (packet, from) = natted.ReceiveRtp();
        Assert.Equal(7, FakePhone.Sequence(packet));
        Assert.Equal(session.LocalRtp(RtpRelayLeg.A), from);
        var stats = session.GetStatistics(RtpRelayLeg.A).Rtp;
        Assert.Equal(natted.RtpEndPoint, stats.Remote);
        Assert.Equal(1, stats.Latches);
    }

    [Fact]
    public async Task SsrcChange_AndEveryPayloadType_PassUnchanged()
    {
        var relay = TestRelay.Create();
        await using var session = TestRelay.Session(relay);
        using var a = new FakePhone();
        using var b = new FakePhone();
        session.SetRemote(RtpRelayLeg.A, a.RtpEndPoint, null);
        session.SetRemote(RtpRelayLeg.B, b.RtpEndPoint, null);

        byte[][] packets =
        [
            FakePhone.RtpPacket(1, SsrcA, payloadType: 0),
            FakePhone.RtpPacket(2, SsrcA, payloadType: 9),
            FakePhone.RtpPacket(3, SsrcA, payloadType: 101, payloadSize: 4, marker: true),
            FakePhone.RtpPacket(100, 0xDEADBEEF, payloadType: 8),
            FakePhone.RtpPacket(101, 0xDEADBEEF, payloadType: 8),
        ];
        foreach (var sent in packets)
        {
            a.SendRtp(session.LocalRtp(RtpRelayLeg.A), sent);
            Assert.Equal(sent, b.ReceiveRtp().Packet);
        }

        Assert.Equal(5, session.GetStatistics(RtpRelayLeg.A).Rtp.Relayed);
    }

    [Fact]
    public async Task StrayPacketFromAThirdAddress_DoesNotHijackTheCall()
    {
        var relay = TestRelay.Create();
        await using var session = TestRelay.Session(relay);
        using var a = new FakePhone();
        using var b = new FakePhone();
        using var stray = new FakePhone();
        session.SetRemote(RtpRelayLeg.A, a.RtpEndPoint, null);
        session.SetRemote(RtpRelayLeg.B, b.RtpEndPoint, null);
        a.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(1, SsrcA));
        Assert.Equal(1, FakePhone.Sequence(b.ReceiveRtp().Packet));

        // Up to one packet short of the threshold, interleaved with the real phone's: never enough to take over.
        for (ushort i = 0; i < 3; i++)
        {
            stray.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket((ushort)(900 + i), 0x66666666));
        }

        a.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(2, SsrcA));
        stray.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(903, 0x66666666));
        a.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(3, SsrcA));

        // Each loop handles its socket's datagrams in order: had a stray packet been relayed, B would see it first.
        Assert.Equal(2, FakePhone.Sequence(b.ReceiveRtp().Packet));
        Assert.Equal(3, FakePhone.Sequence(b.ReceiveRtp().Packet));
        b.SendRtp(session.LocalRtp(RtpRelayLeg.B), FakePhone.RtpPacket(50, SsrcB));
        Assert.Equal(50, FakePhone.Sequence(a.ReceiveRtp().Packet));

        var stats = session.GetStatistics(RtpRelayLeg.A).Rtp;
        Assert.Equal(4, stats.Foreign);
        Assert.Equal(a.RtpEndPoint, stats.Remote);
    }

    [Fact]
    public async Task NewSource_IsLatched_AfterItKeepsSending()
    {
        var relay = TestRelay.Create();
        await using var session = TestRelay.Session(relay);
        using var before = new FakePhone();
        using var after = new FakePhone();
        using var b = new FakePhone();
        session.SetRemote(RtpRelayLeg.A, before.RtpEndPoint, null);
        session.SetRemote(RtpRelayLeg.B, b.RtpEndPoint, null);
        before.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(1, SsrcA));
        Assert.Equal(1, FakePhone.Sequence(b.ReceiveRtp().Packet));

        // The NAT binding changed: the phone's packets now come from another port. Threshold is 4 in tests.
        for (ushort seq = 2; seq <= 5; seq++)
        {
            after.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(seq, SsrcA));
        }

        Assert.Equal(5, FakePhone.Sequence(b.ReceiveRtp().Packet));
        b.SendRtp(session.LocalRtp(RtpRelayLeg.B), FakePhone.RtpPacket(9, SsrcB));
        Assert.Equal(9, FakePhone.Sequence(after.ReceiveRtp().Packet));
        var stats = session.GetStatistics(RtpRelayLeg.A).Rtp;
        Assert.Equal((3L, 2L, 2L), (stats.Foreign, stats.Packets, stats.Latches));
        Assert.Equal(after.RtpEndPoint, stats.Remote);
    }

    [Fact]
    public async Task TheSdpDeclaredAddress_WinsAtOnce_OverAStrayThatLatchedFirst()
    {
        var relay = TestRelay.Create();
        await using var session = TestRelay.Session(relay);
        using var a = new FakePhone();
        using var b = new FakePhone();
        using var stray = new FakePhone();
        session.SetRemote(RtpRelayLeg.A, a.RtpEndPoint, null);
        session.SetRemote(RtpRelayLeg.B, b.RtpEndPoint, null);

        stray.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(666, 0x66666666));
        Assert.Equal(666, FakePhone.Sequence(b.ReceiveRtp().Packet));
        a.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(1, SsrcA));
        Assert.Equal(1, FakePhone.Sequence(b.ReceiveRtp().Packet));

        Assert.Equal(a.RtpEndPoint, session.GetStatistics(RtpRelayLeg.A).Rtp.Remote);
    }

    [Fact]
    public async Task Rtcp_IsRelayedBetweenTheRtcpSockets_AndLatchedSeparately()
    {
        var relay = TestRelay.Create();
        await using var session = TestRelay.Session(relay);
        using var a = new FakePhone();
        using var b = new FakePhone();
        session.SetRemote(RtpRelayLeg.A, a.RtpEndPoint, new IPEndPoint(IPAddress.Loopback, 9));
        session.SetRemote(RtpRelayLeg.B, b.RtpEndPoint, b.RtcpEndPoint);

        var report = FakePhone.RtcpReceiverReport(SsrcA);
        a.SendRtcp(session.LocalRtcp(RtpRelayLeg.A), report);
        var (packet, from) = b.ReceiveRtcp();
        Assert.Equal(report, packet);
        Assert.Equal(session.LocalRtcp(RtpRelayLeg.B), from);

        var back = FakePhone.RtcpReceiverReport(SsrcB);
        b.SendRtcp(session.LocalRtcp(RtpRelayLeg.B), back);
        Assert.Equal(back, a.ReceiveRtcp().Packet);

        var stats = session.GetStatistics(RtpRelayLeg.A);
        Assert.Equal(1, stats.Rtcp.Packets);
        Assert.Equal(0, stats.Rtp.Packets);
        Assert.Equal(a.RtcpEndPoint, stats.Rtcp.Remote);
    }

    [Fact]
    public async Task InvalidDatagrams_AreDroppedAndCounted_AndNeverLatch()
    {
        var relay = TestRelay.Create();
        await using var session = TestRelay.Session(relay);
        using var a = new FakePhone();
        using var b = new FakePhone();
        using var junk = new FakePhone();
        session.SetRemote(RtpRelayLeg.B, b.RtpEndPoint, null);

        junk.SendRtp(session.LocalRtp(RtpRelayLeg.A), [1, 2, 3, 4, 5]);
        var versionOne = FakePhone.RtpPacket(1, SsrcA);
        versionOne[0] = 0x40;
        junk.SendRtp(session.LocalRtp(RtpRelayLeg.A), versionOne);
        junk.SendRtp(session.LocalRtp(RtpRelayLeg.A), new byte[1600]);
        a.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(1, SsrcA));

        Assert.Equal(1, FakePhone.Sequence(b.ReceiveRtp().Packet));
        var stats = session.GetStatistics(RtpRelayLeg.A).Rtp;
        Assert.Equal((3L, 1L), (stats.Invalid, stats.Packets));
        Assert.Equal(a.RtpEndPoint, stats.Remote);
    }

    [Fact]
    public async Task PacketsForALegWithoutRemote_AreCountedUndeliverable_AndHoldAddressStopsSending()
    {
        var relay = TestRelay.Create();
        await using var session = TestRelay.Session(relay);
        using var a = new FakePhone();
        using var b = new FakePhone();
        session.SetRemote(RtpRelayLeg.A, a.RtpEndPoint, null);

        a.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(1, SsrcA));
        // Nothing can be received to prove the relay handled it: wait (bounded) for the counter instead.
        Assert.True(SpinWait.SpinUntil(() => session.GetStatistics(RtpRelayLeg.A).Rtp.Undeliverable == 1, FakePhone.ReceiveTimeout));
        session.SetRemote(RtpRelayLeg.B, b.RtpEndPoint, null);
        a.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(2, SsrcA));
        Assert.Equal(2, FakePhone.Sequence(b.ReceiveRtp().Packet));

        // RFC 2543 hold from B: c=0.0.0.0. Nothing goes to B until B sends again.
        session.SetRemote(RtpRelayLeg.B, new IPEndPoint(IPAddress.Any, b.RtpEndPoint.Port), null);
        Assert.Null(session.GetStatistics(RtpRelayLeg.B).Rtp.Remote);
        b.SendRtp(session.LocalRtp(RtpRelayLeg.B), FakePhone.RtpPacket(40, SsrcB));
        Assert.Equal(40, FakePhone.Sequence(a.ReceiveRtp().Packet));
        a.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(4, SsrcA));
        Assert.Equal(4, FakePhone.Sequence(b.ReceiveRtp().Packet));

        var stats = session.GetStatistics(RtpRelayLeg.A).Rtp;
        Assert.Equal((3L, 2L, 1L), (stats.Packets, stats.Relayed, stats.Undeliverable));
    }

    [Fact]
    public async Task ReInviteWithTheSameAddress_KeepsTheLatchedNatMapping()
    {
        var relay = TestRelay.Create();
        await using var session = TestRelay.Session(relay);
        using var declared = new FakePhone();
        using var natted = new FakePhone();
        using var b = new FakePhone();
        session.SetRemote(RtpRelayLeg.A, declared.RtpEndPoint, null);
        session.SetRemote(RtpRelayLeg.B, b.RtpEndPoint, null);
        natted.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(1, SsrcA));
        Assert.Equal(1, FakePhone.Sequence(b.ReceiveRtp().Packet));

        session.SetRemote(RtpRelayLeg.A, declared.RtpEndPoint, null);

        Assert.Equal(natted.RtpEndPoint, session.GetStatistics(RtpRelayLeg.A).Rtp.Remote);
    }

    [Fact]
    public async Task Dispose_ClosesTheSockets_AndReturnsThePorts()
    {
        var relay = TestRelay.Create(TestRelay.Options(pairs: 2));
        var session = TestRelay.Session(relay);
        int[] ports = [session.GetLocalRtpPort(RtpRelayLeg.A), session.GetLocalRtcpPort(RtpRelayLeg.A), session.GetLocalRtpPort(RtpRelayLeg.B), session.GetLocalRtcpPort(RtpRelayLeg.B)];
        Assert.Equal((2, 1), (relay.Ports.InUse, relay.ActiveSessions));
        Assert.False(relay.TryCreateSession(null, out _));

        await session.DisposeAsync();
        await session.DisposeAsync();

        Assert.Equal((0, 0), (relay.Ports.InUse, relay.ActiveSessions));
        foreach (int port in ports)
        {
            using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }

        Assert.True(relay.TryCreateSession(null, out var again));
        await again.DisposeAsync();
    }

    [Fact]
    public async Task SessionCreation_ReportsExhaustion_AndGivesBackAHalfAllocation()
    {
        var relay = TestRelay.Create(TestRelay.Options(pairs: 3));
        await using var first = TestRelay.Session(relay);

        Assert.False(relay.TryCreateSession(null, out var second));
        Assert.Null(second);
        Assert.Equal(2, relay.Ports.InUse);
    }

    [Fact]
    public async Task LossAndJitter_OfEachPeersRtp_AreMeasuredFromTheHeadersPassingThrough()
    {
        var time = new FakeTimeProvider();
        var relay = TestRelay.Create(time: time);
        await using var session = TestRelay.Session(relay);
        using var a = new FakePhone();
        using var b = new FakePhone();
        session.SetRemote(RtpRelayLeg.A, a.RtpEndPoint, null);
        session.SetRemote(RtpRelayLeg.B, b.RtpEndPoint, null);
        var start = time.GetUtcNow();

        // A sends 100 packets at 20 ms intervals (timestamps 160 apart) but 10–14 and 50 never leave it, and packet 60
        // arrives 10 ms late. B sends all of its 100 packets on time. Each packet is received before the clock moves,
        // so the relay sees it at exactly the time set.
        for (ushort seq = 1; seq <= 100; seq++)
        {
            time.SetUtcNow(start + TimeSpan.FromMilliseconds(seq * 20));
            b.SendRtp(session.LocalRtp(RtpRelayLeg.B), FakePhone.RtpPacket(seq, SsrcB));
            Assert.Equal(seq, FakePhone.Sequence(a.ReceiveRtp().Packet));
            if (seq == 60)
            {
                time.Advance(TimeSpan.FromMilliseconds(10));
            }

            if (seq is not ((>= 10 and <= 14) or 50))
            {
                a.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(seq, SsrcA));
                Assert.Equal(seq, FakePhone.Sequence(b.ReceiveRtp().Packet));
            }
        }

        var fromA = session.GetStatistics(RtpRelayLeg.A).Quality;
        var fromB = session.GetStatistics(RtpRelayLeg.B).Quality;

        // RFC 3550 A.1 counts from the second packet (the first opens probation): 2..100 expected, 6 of them lost.
        Assert.Equal((SsrcA, 99L, 93L, 6L), (fromA.Reception.Ssrc!.Value, fromA.Reception.Expected, fromA.Reception.Packets, fromA.Reception.Lost));
        // The late packet: |D| = 10 ms, J = 10/16 = 0.625 ms; the next one is 10 ms early, J = 0.625 + 9.375/16 ms; then J decays.
        Assert.Equal(1.2109375, fromA.Reception.MaxJitterMilliseconds, 1e-9);
        Assert.InRange(fromA.Reception.JitterMilliseconds, 0, 1.2109375 * Math.Pow(15.0 / 16, 30));
        Assert.NotNull(fromA.Quality);
        Assert.Equal(100.0 * 6 / 99, fromA.Quality.Value.LossPercent, 1e-9);
        Assert.Null(fromA.Quality.Value.RoundTripMilliseconds);

        Assert.Equal((99L, 99L, 0L, 0.0), (fromB.Reception.Expected, fromB.Reception.Packets, fromB.Reception.Lost, fromB.Reception.MaxJitterMilliseconds));
        Assert.True(fromB.Quality!.Value.Mos > fromA.Quality.Value.Mos);
        Assert.InRange(fromB.Quality.Value.Mos, 4.3, 4.5);
    }

    [Fact]
    public async Task RoundTrip_BetweenTheRelayAndEachPeer_IsMeasuredFromTheSenderReportsAndReportBlocksPassingThrough()
    {
        var time = new FakeTimeProvider();
        var relay = TestRelay.Create(time: time);
        await using var session = TestRelay.Session(relay);
        using var a = new FakePhone();
        using var b = new FakePhone();
        session.SetRemote(RtpRelayLeg.A, a.RtpEndPoint, a.RtcpEndPoint);
        session.SetRemote(RtpRelayLeg.B, b.RtpEndPoint, b.RtcpEndPoint);
        var buffer = new byte[256];

        // A's SR passes the relay towards B; B echoes it 300 ms later after holding it 125 ms (DLSR 0x2000/65536 s):
        // the relay<->B round trip is 175 ms.
        var srA = new NtpTimestamp(0x0000_B705_2000_0000);
        a.SendRtcp(session.LocalRtcp(RtpRelayLeg.A), Compound(SsrcA, srA, null));
        Assert.Equal(RtcpReadStatus.Ok, RtcpCompoundReader.TryCreate(b.ReceiveRtcp().Packet, out _));
        time.Advance(TimeSpan.FromMilliseconds(300));
        b.SendRtcp(session.LocalRtcp(RtpRelayLeg.B), Compound(SsrcB, null, new RtcpReportBlock(SsrcA, 0, 0, 1, 0, srA.Middle32, 0x2000)));
        a.ReceiveRtcp();

        // B's SR, then A's report echoing it 40 ms later with 10 ms of hold: 30 ms to A. A block with an LSR the relay
        // never saw pass gives nothing.
        var srB = new NtpTimestamp(0x0000_C000_0000_0000);
        b.SendRtcp(session.LocalRtcp(RtpRelayLeg.B), Compound(SsrcB, srB, null));
        a.ReceiveRtcp();
        time.Advance(TimeSpan.FromMilliseconds(40));
        a.SendRtcp(session.LocalRtcp(RtpRelayLeg.A), Compound(SsrcA, null, new RtcpReportBlock(SsrcB, 0, 0, 1, 0, srB.Middle32, NtpTimestamp.ToShortFormat(TimeSpan.FromMilliseconds(10)))));
        b.ReceiveRtcp();
        a.SendRtcp(session.LocalRtcp(RtpRelayLeg.A), Compound(SsrcA, null, new RtcpReportBlock(SsrcB, 0, 0, 1, 0, 0x1234_5678, 0)));
        b.ReceiveRtcp();

        var legA = session.GetStatistics(RtpRelayLeg.A).Quality;
        var legB = session.GetStatistics(RtpRelayLeg.B).Quality;
        Assert.Equal(TimeSpan.FromMilliseconds(175), legB.LastRoundTrip);
        Assert.Equal(TimeSpan.FromMilliseconds(175), legB.MeanRoundTrip);
        Assert.InRange(legA.LastRoundTrip!.Value.TotalMilliseconds, 29.99, 30.01);
        Assert.Null(legA.Quality);

        byte[] Compound(uint ssrc, NtpTimestamp? senderReport, RtcpReportBlock? block)
        {
            var info = senderReport is { } ntp ? new RtcpSenderInfo(ntp, 0, 0, 0) : (RtcpSenderInfo?)null;
            int length = RtcpCompoundWriter.Write(buffer, ssrc, info, block is { } b ? [b] : [], "phone@test"u8);
            return buffer[..length];
        }
    }
}
