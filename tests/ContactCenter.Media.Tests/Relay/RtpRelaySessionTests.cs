using System.Net;
using ContactCenter.Media.Relay;
using ContactCenter.Media.Tests.Fakes;
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
}
