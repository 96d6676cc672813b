using System.Text;
using ContactCenter.Data.Repositories;
using ContactCenter.Pbx.Calls;
using ContactCenter.Pbx.Commands;
using ContactCenter.Pbx.Presence;
using ContactCenter.Pbx.Tests.Calls;
using ContactCenter.Sip.Events.Bodies;
using ContactCenter.Sip.Messages;

using Xunit;

using MediaPhone = ContactCenter.Media.Tests.Fakes.FakePhone;

namespace ContactCenter.Pbx.Tests.Commands;

/// <summary>Blind transfer (issue #5 §4): the transferring extension is released, the other party rings the target.</summary>
[Trait("Category", "Integration")]
public class BlindTransferTests
{
    [Fact]
    public async Task TheCalleeTransfers_IsReleased_TheTargetIsOfferedTheCallersMediaThroughTheSameRelayPorts_AndTalksWithTheCaller()
    {
        await using var h = await CallHarness.StartAsync();
        var commands = new CallCommands(h.Router);
        var (alice, bob) = await CallSetupTests.Connect(h);

        Assert.Equal(CallCommandResult.Started, await commands.BlindTransferAsync("202", "203"));

        await bob.ByeAsync();
        var carol = await h.Carol.IncomingAsync();
        Assert.Equal("Ext 201", carol.Invite.From.DisplayName);
        Assert.Null(carol.Invite.GetHeader("Call-Info"));
        Assert.Equal(CallMediaTests.Endpoint(bob.RemoteSdp!).Rtp, CallMediaTests.Endpoint(carol.RemoteSdp!).Rtp);
        Assert.Empty(h.Presence.Get("202").Dialogs);
        Assert.Equal(ExtensionActivity.Ringing, h.Presence.Get("203").Activity);

        carol.Ring();
        carol.Answer();
        await carol.AckAsync();
        await alice.SettledAsync();

        // No re-INVITE reached Alice: her media goes to the same relay port, and now reaches Carol.
        Assert.DoesNotContain(h.Alice.Received, m => m.IsRequest && m.Method == SipMethod.Invite);
        var relayForAlice = CallMediaTests.Endpoint(alice.RemoteSdp!);
        var relayForCarol = CallMediaTests.Endpoint(carol.RemoteSdp!);
        h.Alice.Media.SendRtp(relayForAlice.Rtp, MediaPhone.RtpPacket(1, 0xA11CE));
        Assert.Equal(0xA11CEu, MediaPhone.Ssrc(h.Carol.Media.ReceiveRtp().Packet));
        h.Carol.Media.SendRtp(relayForCarol.Rtp, MediaPhone.RtpPacket(1, 0xCA201));
        Assert.Equal(0xCA201u, MediaPhone.Ssrc(h.Alice.Media.ReceiveRtp().Packet));

        Assert.Equal(SipDialogInfoState.Confirmed, Assert.Single(h.Presence.Get("203").Dialogs).State);
        Assert.StartsWith("sip:203@", Assert.Single(h.Presence.Get("201").Dialogs).RemoteIdentity, StringComparison.Ordinal);
        Assert.Equal(1, h.Logs.Count(3126));

        // In-dialog requests now pass between Alice and Carol.
        var info = alice.Send(SipMethod.Info, "Signal=5\r\nDuration=160\r\n", "application/dtmf-relay");
        carol.Respond(await carol.RequestAsync(SipMethod.Info), 200);
        Assert.Equal(200, (await alice.FinalTo(info)).StatusCode);

        await h.HangUpAsync(carol, alice);
        Assert.Equal(ExtensionActivity.Idle, h.Presence.Get("203").Activity);
        Assert.Equal(ExtensionActivity.Idle, h.Presence.Get("201").Activity);
        h.AssertRecord(alice.CallId, CallStatus.Answered, HangupParty.Callee, null);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ATargetChoosingAnotherCodec_HasTheKeptPartyReoffered_ItsMedia()
    {
        await using var h = await CallHarness.StartAsync();
        var commands = new CallCommands(h.Router);
        var (alice, bob) = await CallSetupTests.Connect(h);
        Assert.Equal(CallCommandResult.Started, await commands.BlindTransferAsync("202", "203"));
        await bob.ByeAsync();
        var carol = await h.Carol.IncomingAsync();

        // Alice and Bob talk PCMU (payload type 0); Carol answers PCMA alone.
        carol.Answer(h.Carol.Sdp().Replace("RTP/AVP 0 8 101", "RTP/AVP 8 101", StringComparison.Ordinal)
            .Replace("a=rtpmap:0 PCMU/8000\r\n", "", StringComparison.Ordinal));
        await carol.AckAsync();

        var reoffer = await alice.RequestAsync(SipMethod.Invite);
        var offered = Encoding.UTF8.GetString(reoffer.Body.Span);
        Assert.Matches($@"m=audio {CallMediaTests.Endpoint(alice.RemoteSdp!).Rtp.Port} RTP/AVP 8 101\r\n", offered);
        alice.Respond(reoffer, 200, h.Alice.Sdp(version: 2).Replace("RTP/AVP 0 8 101", "RTP/AVP 8 101", StringComparison.Ordinal));
        await alice.AckAsync(reoffer);
        await alice.SettledAsync();
        Assert.Equal(1, h.Logs.Count(3139));

        await h.HangUpAsync(alice, carol);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task TheCallerTransfers_TheTargetSeesTheCallee_AndTheCallEndsWhenTheCalleeHangsUp()
    {
        await using var h = await CallHarness.StartAsync();
        var commands = new CallCommands(h.Router);
        var (alice, bob) = await CallSetupTests.Connect(h);

        Assert.Equal(CallCommandResult.Started, await commands.BlindTransferAsync("201", "203"));

        await alice.ByeAsync();
        var carol = await h.Carol.IncomingAsync();
        Assert.Equal("Ext 202", carol.Invite.From.DisplayName);
        Assert.Equal(CallMediaTests.Endpoint(alice.RemoteSdp!).Rtp, CallMediaTests.Endpoint(carol.RemoteSdp!).Rtp);
        carol.Answer();
        await carol.AckAsync();
        await bob.SettledAsync();
        Assert.Empty(h.Presence.Get("201").Dialogs);
        Assert.Equal(ExtensionActivity.InUse, h.Presence.Get("203").Activity);

        await h.HangUpAsync(bob, carol);
        Assert.Equal(ExtensionActivity.Idle, h.Presence.Get("203").Activity);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task AnUnansweredTransfer_RecallsTheTransferringExtension_WithoutAutoAnswer()
    {
        await using var h = await CallHarness.StartAsync(new CallOptions { RingSeconds = 20 });
        var commands = new CallCommands(h.Router);
        var (alice, bob) = await CallSetupTests.Connect(h);
        Assert.Equal(CallCommandResult.Started, await commands.BlindTransferAsync("202", "203"));
        await bob.ByeAsync();
        var carol = await h.Carol.IncomingAsync();
        carol.Ring();

        h.Advance(TimeSpan.FromSeconds(20));

        var cancel = await carol.CancelledAsync();
        carol.AcceptCancel(cancel);
        await carol.AckAsync();
        var recall = await h.Bob.IncomingAsync();
        Assert.Null(recall.Invite.GetHeader("Call-Info"));
        Assert.Equal("Ext 201", recall.Invite.From.DisplayName);
        Assert.Empty(h.Presence.Get("203").Dialogs);
        Assert.Equal(ExtensionActivity.Ringing, h.Presence.Get("202").Activity);
        recall.Answer();
        await recall.AckAsync();
        await alice.SettledAsync();
        Assert.Equal(SipDialogInfoState.Confirmed, Assert.Single(h.Presence.Get("202").Dialogs).State);
        Assert.Equal(1, h.Logs.Count(3128));

        await h.HangUpAsync(alice, recall);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ARecallNobodyAnswers_ReleasesTheRemainingParty()
    {
        await using var h = await CallHarness.StartAsync(new CallOptions { RingSeconds = 20 });
        var commands = new CallCommands(h.Router);
        var (alice, bob) = await CallSetupTests.Connect(h);
        Assert.Equal(CallCommandResult.Started, await commands.BlindTransferAsync("202", "203"));
        await bob.ByeAsync();
        var carol = await h.Carol.IncomingAsync();
        carol.Refuse(486);
        await carol.AckAsync();
        var recall = await h.Bob.IncomingAsync();
        recall.Ring();
        await h.Clock.ArmedAsync(TimeSpan.FromSeconds(20));
        await h.Clock.ArmedAsync(TimeSpan.FromSeconds(20));
        await h.Clock.ArmedAsync(TimeSpan.FromSeconds(20));

        h.Advance(TimeSpan.FromSeconds(20));

        recall.AcceptCancel(await recall.CancelledAsync());
        await recall.AckAsync();
        await alice.ByeAsync();
        await h.CallsEndedAsync();
        h.AssertRecord(alice.CallId, CallStatus.Answered, HangupParty.System, "202 did not answer");
        Assert.Equal(ExtensionActivity.Idle, h.Presence.Get("201").Activity);
        Assert.Equal(ExtensionActivity.Idle, h.Presence.Get("202").Activity);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task TheCallerHangingUpWhileTheTargetRings_CancelsTheTarget()
    {
        await using var h = await CallHarness.StartAsync();
        var commands = new CallCommands(h.Router);
        var (alice, bob) = await CallSetupTests.Connect(h);
        Assert.Equal(CallCommandResult.Started, await commands.BlindTransferAsync("202", "203"));
        await bob.ByeAsync();
        var carol = await h.Carol.IncomingAsync();
        carol.Ring();

        await alice.HangUpAsync();

        carol.AcceptCancel(await carol.CancelledAsync());
        await carol.AckAsync();
        await h.CallsEndedAsync();
        Assert.Empty(h.Presence.Get("203").Dialogs);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task Transfer_NotInACall_ToAnUnregisteredOrUnknownExtension_IsRefused_AndTheCallGoesOn()
    {
        await using var h = await CallHarness.StartAsync(registerBob: false);
        var commands = new CallCommands(h.Router);
        Assert.Equal(CallCommandResult.NotInCall, await commands.BlindTransferAsync("201", "203"));

        var alice = await h.Alice.DialAsync("203");
        var carol = await h.Carol.IncomingAsync();
        Assert.Equal(CallCommandResult.NotInCall, await commands.BlindTransferAsync("201", "202"));
        carol.Answer();
        await carol.AckAsync();
        await alice.AnsweredAsync();
        await alice.SettledAsync();

        Assert.Equal(CallCommandResult.NotRegistered, await commands.BlindTransferAsync("201", "202"));
        Assert.Equal(CallCommandResult.UnknownNumber, await commands.BlindTransferAsync("201", "299"));
        Assert.Equal(CallCommandResult.UnknownNumber, await commands.BlindTransferAsync("201", "201"));
        await alice.SettledAsync();
        await h.HangUpAsync(alice, carol);
        h.AssertRecord(alice.CallId, CallStatus.Answered, HangupParty.Caller, null);
        h.AssertNothingLeaked();
    }
}
