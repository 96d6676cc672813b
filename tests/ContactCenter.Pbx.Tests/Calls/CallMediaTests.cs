using System.Net;
using System.Text;
using ContactCenter.Data.Repositories;
using ContactCenter.Media.Sdp;
using ContactCenter.Sip.Messages;

using Xunit;

using MediaPhone = ContactCenter.Media.Tests.Fakes.FakePhone;

namespace ContactCenter.Pbx.Tests.Calls;

/// <summary>
/// Anchored media (issue #3 §6): SDP rewritten towards the relay, RTP through real loopback sockets, packet counts in
/// the record, no-media hang-up, ports returned.
/// </summary>
[Trait("Category", "Integration")]
public class CallMediaTests
{
    [Fact]
    public async Task TheSdpSentToEachSide_PointsAtTheRelay_AndKeepsTheCodecsAndTelephoneEvent()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);
        var (first, last) = h.Relay.PortRange;

        var toBob = Encoding.UTF8.GetString(bob.Invite.Body.Span);
        var toAlice = Encoding.UTF8.GetString(h.Alice.Received.Last(m => m.StatusCode == 200 && m.CSeq.Method == SipMethod.Invite).Body.Span);
        var relayForBob = Endpoint(bob.RemoteSdp!);
        var relayForAlice = Endpoint(alice.RemoteSdp!);

        foreach (var (sdp, relay, original) in new[] { (toBob, relayForBob, h.Alice), (toAlice, relayForAlice, h.Bob) })
        {
            Assert.Equal(IPAddress.Loopback, relay.Rtp.Address);
            Assert.InRange(relay.Rtp.Port, first, last);
            Assert.Equal(relay.Rtp.Port + 1, relay.Rtcp.Port);
            Assert.NotEqual(original.Media.RtpEndPoint.Port, relay.Rtp.Port);
            Assert.Contains("c=IN IP4 127.0.0.1\r\n", sdp, StringComparison.Ordinal);
            Assert.Contains($"m=audio {relay.Rtp.Port} RTP/AVP 0 8 101\r\n", sdp, StringComparison.Ordinal);
            Assert.Contains("a=rtpmap:0 PCMU/8000\r\n", sdp, StringComparison.Ordinal);
            Assert.Contains("a=rtpmap:8 PCMA/8000\r\n", sdp, StringComparison.Ordinal);
            Assert.Contains("a=rtpmap:101 telephone-event/8000\r\n", sdp, StringComparison.Ordinal);
            Assert.Contains("a=fmtp:101 0-16\r\n", sdp, StringComparison.Ordinal);
            Assert.Contains("a=ptime:20\r\n", sdp, StringComparison.Ordinal);
            Assert.Contains($"a=rtcp:{relay.Rtp.Port + 1}", sdp, StringComparison.Ordinal);
            // The phones' own addresses and origins never cross the B2BUA.
            Assert.DoesNotContain($" {original.Media.RtpEndPoint.Port} ", sdp, StringComparison.Ordinal);
            Assert.DoesNotContain("4711", sdp, StringComparison.Ordinal);
        }
        Assert.NotEqual(relayForAlice.Rtp.Port, relayForBob.Rtp.Port);
        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task Rtp_FlowsBothWaysThroughTheRelaysPorts_AndTheRecordCountsThePackets()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);
        var relayForAlice = Endpoint(alice.RemoteSdp!);
        var relayForBob = Endpoint(bob.RemoteSdp!);
        Assert.Equal(1, h.Relay.ActiveSessions);
        Assert.Equal(2, h.Relay.Ports.InUse);

        for (ushort sequence = 1; sequence <= 5; sequence++)
        {
            h.Alice.Media.SendRtp(relayForAlice.Rtp, MediaPhone.RtpPacket(sequence, 0xA11CE, payloadType: 0));
            var (packet, from) = h.Bob.Media.ReceiveRtp();
            Assert.Equal(sequence, MediaPhone.Sequence(packet));
            Assert.Equal(0xA11CEu, MediaPhone.Ssrc(packet));
            Assert.Equal(relayForBob.Rtp, from); // symmetric RTP: it comes from the port Bob sends to
        }
        for (ushort sequence = 1; sequence <= 3; sequence++)
        {
            // telephone-event (payload type 101) passes like any payload.
            h.Bob.Media.SendRtp(relayForBob.Rtp, MediaPhone.RtpPacket(sequence, 0xB0B, payloadType: 101, payloadSize: 4));
            var (packet, from) = h.Alice.Media.ReceiveRtp();
            Assert.Equal(sequence, MediaPhone.Sequence(packet));
            Assert.Equal(101, packet[1] & 0x7F);
            Assert.Equal(relayForAlice.Rtp, from);
        }
        h.Alice.Media.SendRtcp(relayForAlice.Rtcp, MediaPhone.RtcpReceiverReport(0xA11CE));
        Assert.Equal(201, h.Bob.Media.ReceiveRtcp().Packet[1]);

        await h.HangUpAsync(alice, bob);
        var record = h.Record(alice.CallId);
        Assert.Equal(5, record.PacketsFromCaller);
        Assert.Equal(3, record.PacketsFromCallee);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task TheRecord_CarriesTheQualityTheRelayMeasuredOfEachSide()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);
        var relayForAlice = Endpoint(alice.RemoteSdp!);
        var relayForBob = Endpoint(bob.RemoteSdp!);

        // 20 ms apart on the call's clock; three of Alice's packets never reach the relay.
        for (ushort sequence = 1; sequence <= 40; sequence++)
        {
            h.Advance(TimeSpan.FromMilliseconds(20));
            if (sequence is not (20 or 21 or 22))
            {
                h.Alice.Media.SendRtp(relayForAlice.Rtp, MediaPhone.RtpPacket(sequence, 0xA11CE, payloadType: 8));
                h.Bob.Media.ReceiveRtp();
            }
            h.Bob.Media.SendRtp(relayForBob.Rtp, MediaPhone.RtpPacket(sequence, 0xB0B, payloadType: 8));
            h.Alice.Media.ReceiveRtp();
        }

        await h.HangUpAsync(alice, bob);
        var record = h.Record(alice.CallId);
        var caller = Assert.NotNull(record.CallerQuality);
        var callee = Assert.NotNull(record.CalleeQuality);
        // RFC 3550 A.1: counted from the second packet, so 39 expected of each side.
        Assert.Equal(100.0 * 3 / 39, caller.LossPercent, 1e-9);
        Assert.Equal((0.0, 0.0), (callee.LossPercent, callee.JitterMilliseconds));
        Assert.Equal(0.0, caller.JitterMilliseconds);
        Assert.Null(caller.RoundTripMilliseconds);
        Assert.InRange(callee.Mos, 4.3, 4.5);
        Assert.True(caller.Mos < callee.Mos - 0.2, $"caller MOS {caller.Mos} vs callee {callee.Mos}");
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task NoMediaForTheTimeout_WhileAnswered_HangsUpBothLegs_AndIsRecordedAsFailed()
    {
        await using var h = await CallHarness.StartAsync(noMediaTimeout: TimeSpan.FromSeconds(20));
        var (alice, bob) = await CallSetupTests.Connect(h);

        h.Advance(TimeSpan.FromSeconds(20));

        await h.HungUpByTheApplianceAsync(alice, bob);
        var record = h.AssertRecord(alice.CallId, CallStatus.Failed, HangupParty.System, "no media");
        Assert.Equal(TimeSpan.FromSeconds(20), record.TalkTime);
        Assert.Null(record.CallerQuality);
        Assert.Null(record.CalleeQuality);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ARefusedHoldOffer_ChangesNothing_SoSilenceStillHangsUp()
    {
        await using var h = await CallHarness.StartAsync(noMediaTimeout: TimeSpan.FromSeconds(20));
        var (alice, bob) = await CallSetupTests.Connect(h);
        var hold = alice.Send(SipMethod.Invite, h.Alice.Sdp("sendonly", version: 2));
        var forwarded = await bob.RequestAsync(SipMethod.Invite);

        bob.Respond(forwarded, 488);
        Assert.Equal(488, (await alice.FinalTo(hold)).StatusCode);
        h.Advance(TimeSpan.FromSeconds(20));

        // RFC 3264 §8: the refused offer left the session as it was (not on hold), so the silence counts.
        await h.HungUpByTheApplianceAsync(alice, bob);
        Assert.Equal("no media", h.Record(alice.CallId).EndReason);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task NoMediaWhileOnHold_KeepsTheCall_UntilItIsResumedAndStaysSilent()
    {
        await using var h = await CallHarness.StartAsync(noMediaTimeout: TimeSpan.FromSeconds(20));
        var (alice, bob) = await CallSetupTests.Connect(h);
        await Reinvite(alice, bob, "sendonly", "recvonly", version: 2);

        h.Advance(TimeSpan.FromSeconds(60));
        await alice.SettledAsync(); // the no-media reports were queued before this OPTIONS

        Assert.False(h.Alice.Holds(IsBye), "Alice got a BYE while on hold");
        Assert.False(h.Bob.Holds(IsBye), "Bob got a BYE while on hold");
        await Reinvite(alice, bob, "sendrecv", "sendrecv", version: 3);
        h.Advance(TimeSpan.FromSeconds(20));
        await h.HungUpByTheApplianceAsync(alice, bob);
        Assert.Equal("no media", h.Record(alice.CallId).EndReason);
        Assert.Equal(TimeSpan.FromSeconds(80), h.Record(alice.CallId).TalkTime);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task MediaFlowing_KeepsTheCall_PastTheNoMediaTimeout()
    {
        await using var h = await CallHarness.StartAsync(noMediaTimeout: TimeSpan.FromSeconds(20));
        var (alice, bob) = await CallSetupTests.Connect(h);
        var relayForAlice = Endpoint(alice.RemoteSdp!);
        var relayForBob = Endpoint(bob.RemoteSdp!);

        for (ushort second = 1; second <= 30; second++)
        {
            h.Advance(TimeSpan.FromSeconds(1));
            h.Alice.Media.SendRtp(relayForAlice.Rtp, MediaPhone.RtpPacket(second, 0xA11CE));
            h.Bob.Media.ReceiveRtp(); // relayed, so stamped at this second
            h.Bob.Media.SendRtp(relayForBob.Rtp, MediaPhone.RtpPacket(second, 0xB0B));
            h.Alice.Media.ReceiveRtp();
        }
        await alice.SettledAsync();

        Assert.False(h.Alice.Holds(IsBye));
        Assert.False(h.Bob.Holds(IsBye));
        await h.HangUpAsync(alice, bob);
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.Answered, record.Status);
        Assert.Equal(30, record.PacketsFromCaller);
        Assert.Equal(30, record.PacketsFromCallee);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task NoFreeRtpPorts_Gets503_AndTheFirstCallKeepsItsPorts()
    {
        await using var h = await CallHarness.StartAsync(relayPairs: 2);
        var (alice, bob) = await CallSetupTests.Connect(h);

        var carol = await h.Carol.DialAsync("201");

        Assert.Equal(503, (await carol.FinalAsync()).StatusCode);
        Assert.Equal(2, h.Relay.Ports.InUse);
        await h.HangUpAsync(alice, bob);
        Assert.DoesNotContain(h.Alice.Received, m => m.IsRequest && m.Method == SipMethod.Invite);
        Assert.Equal("503 no free RTP ports", h.Record(carol.CallId).EndReason);
        h.AssertNothingLeaked();
    }

    internal static async Task Reinvite(PhoneCall from, PhoneCall to, string offered, string answered, int version)
    {
        var offer = from.Send(SipMethod.Invite, from.Phone.Sdp(offered, version));
        var forwarded = await to.Phone.ExpectAsync(m => m.IsRequest && m.Method == SipMethod.Invite && m.CallId == to.CallId && m.To.Tag is not null,
            "the passed re-INVITE");
        to.Respond(forwarded, 200, to.Phone.Sdp(answered, version));
        await to.AckAsync(forwarded);
        Assert.Equal(200, (await from.FinalTo(offer)).StatusCode);
        from.AckReinvite(offer);
    }

    private static bool IsBye(SipMessage message) => message.IsRequest && message.Method == SipMethod.Bye;

    internal static SdpMediaEndpoint Endpoint(SdpMessage sdp) =>
        sdp.TryGetAudioEndpoint(out var endpoint) ? endpoint : throw new Xunit.Sdk.XunitException("no audio stream");
}
