using System.Text;
using ContactCenter.Data.Repositories;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Sdp;
using ContactCenter.Pbx.Calls;
using ContactCenter.Pbx.Commands;
using ContactCenter.Pbx.Presence;
using ContactCenter.Pbx.Tests.Calls;
using ContactCenter.Sip.Events.Bodies;
using ContactCenter.Sip.Messages;

using Xunit;

using MediaPhone = ContactCenter.Media.Tests.Fakes.FakePhone;

namespace ContactCenter.Pbx.Tests.Commands;

/// <summary>Park and retrieve (issue #5 §4): the party on hold music in a slot, the slot in presence, recall at the timeout.</summary>
[Trait("Category", "Integration")]
public class ParkTests
{
    [Fact]
    public async Task Park_ReleasesTheParker_MovesThePartyOntoMusic_AndTheSlotShowsIt_ThenRetrieveBridgesItBackThroughTheRelay()
    {
        await using var p = await ParkingHarness.StartAsync();
        var h = p.Calls;
        var commands = new CallCommands(h.Router);
        var (alice, bob) = await CallSetupTests.Connect(h);
        var relayForAlice = CallMediaTests.Endpoint(alice.RemoteSdp!);

        Assert.Equal(CallCommandResult.Started, await commands.ParkAsync("202", "701"));

        await bob.ByeAsync();
        var endpoint = Assert.Single(p.Endpoints.Created);
        await MoveAsync(alice, version: 2, expectedPort: endpoint.Port);
        await alice.SettledAsync();
        Assert.Single(endpoint.AnswersApplied);
        Assert.IsType<MusicOnHoldListener>(endpoint.Source);
        Assert.Equal(1, p.MusicClock.Registered);
        var slot = h.Presence.Get("701");
        Assert.Equal(ParkSlotState.Occupied, slot.Park);
        Assert.Equal(SipDialogInfoState.Confirmed, Assert.Single(slot.Dialogs).State);
        Assert.Empty(h.Presence.Get("202").Dialogs);
        Assert.Equal(ExtensionActivity.InUse, h.Presence.Get("201").Activity);

        Assert.Equal(CallCommandResult.Started, await commands.RetrieveAsync("203", "701"));

        var carol = await h.Carol.IncomingAsync();
        Assert.EndsWith(";answer-after=0", carol.Invite.GetHeader("Call-Info"), StringComparison.Ordinal);
        Assert.Equal(CallMediaTests.Endpoint(bob.RemoteSdp!).Rtp, CallMediaTests.Endpoint(carol.RemoteSdp!).Rtp);
        carol.Answer();
        await carol.AckAsync();
        // Back to the relay: the same relay port Alice had before the park.
        await MoveAsync(alice, version: 3, expectedPort: relayForAlice.Rtp.Port);
        await alice.SettledAsync();
        await endpoint.Disposed;
        Assert.Equal(0, p.MusicClock.Registered);
        Assert.Equal(ParkSlotState.Free, h.Presence.Get("701").Park);
        Assert.Empty(h.Presence.Get("701").Dialogs);
        Assert.Equal(SipDialogInfoState.Confirmed, Assert.Single(h.Presence.Get("203").Dialogs).State);

        h.Alice.Media.SendRtp(relayForAlice.Rtp, MediaPhone.RtpPacket(1, 0xA11CE));
        Assert.Equal(0xA11CEu, MediaPhone.Ssrc(h.Carol.Media.ReceiveRtp().Packet));
        h.Carol.Media.SendRtp(CallMediaTests.Endpoint(carol.RemoteSdp!).Rtp, MediaPhone.RtpPacket(1, 0xCA201));
        Assert.Equal(0xCA201u, MediaPhone.Ssrc(h.Alice.Media.ReceiveRtp().Packet));
        Assert.Equal(1, h.Logs.Count(3130));
        Assert.Equal(1, h.Logs.Count(3133));

        await h.HangUpAsync(alice, carol);
        h.AssertRecord(alice.CallId, CallStatus.Answered, HangupParty.Caller, null);
        p.AssertNothingLeaked();
    }

    [Fact]
    public async Task AfterTheParkTimeout_TheSlotRecalls_AndTheParkersPhoneRingsWithoutAutoAnswer()
    {
        await using var p = await ParkingHarness.StartAsync(new CallOptions { ParkSeconds = 45 });
        var h = p.Calls;
        var commands = new CallCommands(h.Router);
        var (alice, bob) = await CallSetupTests.Connect(h);
        Assert.Equal(CallCommandResult.Started, await commands.ParkAsync("202", "705"));
        await bob.ByeAsync();
        await MoveAsync(alice, version: 2, expectedPort: Assert.Single(p.Endpoints.Created).Port);
        await h.Clock.ArmedAsync(TimeSpan.FromSeconds(45));

        h.Advance(TimeSpan.FromSeconds(45));

        var recall = await h.Bob.IncomingAsync();
        Assert.Null(recall.Invite.GetHeader("Call-Info"));
        Assert.Equal("Ext 201", recall.Invite.From.DisplayName);
        Assert.Equal(ParkSlotState.Recalling, h.Presence.Get("705").Park);
        // The slot's entry stays with the slot, early while it recalls: a BLF key on 705 blinks.
        Assert.Equal(SipDialogInfoState.Early, Assert.Single(h.Presence.Get("705").Dialogs).State);
        Assert.Equal(1, h.Logs.Count(3131));
        recall.Ring();
        recall.Answer();
        await recall.AckAsync();
        await MoveAsync(alice, version: 3, expectedPort: CallMediaTests.Endpoint(alice.RemoteSdp!).Rtp.Port);
        await alice.SettledAsync();
        Assert.Equal(ParkSlotState.Free, h.Presence.Get("705").Park);
        Assert.Empty(h.Presence.Get("705").Dialogs);
        Assert.Equal(SipDialogInfoState.Confirmed, Assert.Single(h.Presence.Get("202").Dialogs).State);

        await h.HangUpAsync(recall, alice);
        p.AssertNothingLeaked();
    }

    [Fact]
    public async Task ARecallNobodyAnswers_ReleasesTheParkedParty_AndFreesTheSlot()
    {
        await using var p = await ParkingHarness.StartAsync(new CallOptions { ParkSeconds = 45, RingSeconds = 20 });
        var h = p.Calls;
        var commands = new CallCommands(h.Router);
        var (alice, _) = await ParkedAsync(p, commands);
        await h.Clock.ArmedAsync(TimeSpan.FromSeconds(45));
        h.Advance(TimeSpan.FromSeconds(45));
        var recall = await h.Bob.IncomingAsync();
        recall.Ring();
        await h.StackSettledAsync();

        h.Advance(TimeSpan.FromSeconds(20));

        recall.AcceptCancel(await recall.CancelledAsync());
        await recall.AckAsync();
        await alice.ByeAsync();
        await h.CallsEndedAsync();
        h.AssertRecord(alice.CallId, CallStatus.Answered, HangupParty.System, "parked in 701, not retrieved");
        Assert.Equal(ParkSlotState.Free, h.Presence.Get("701").Park);
        Assert.Equal(ExtensionActivity.Idle, h.Presence.Get("201").Activity);
        p.AssertNothingLeaked();
    }

    [Fact]
    public async Task Park_AskedBeforeTheCallersAck_WaitsForIt_ThenMovesTheCaller()
    {
        await using var p = await ParkingHarness.StartAsync();
        var h = p.Calls;
        var commands = new CallCommands(h.Router);
        var alice = await h.Alice.DialAsync("202");
        var bob = await h.Bob.IncomingAsync();
        bob.Answer();
        await bob.AckAsync();
        var ok = await alice.FinalAsync();

        // RFC 3261 §14.1: no re-INVITE to Alice while her INVITE awaits its ACK; the park goes on once it came.
        var parking = commands.ParkAsync("202", "701");
        alice.Ack(ok);

        Assert.Equal(CallCommandResult.Started, await parking);
        await bob.ByeAsync();
        await MoveAsync(alice, version: 2, expectedPort: Assert.Single(p.Endpoints.Created).Port);
        await alice.SettledAsync();
        Assert.Equal(ParkSlotState.Occupied, h.Presence.Get("701").Park);
        await alice.HangUpAsync();
        await h.CallsEndedAsync();
        p.AssertNothingLeaked();
    }

    [Fact]
    public async Task DiallingTheSlot_RetrievesTheCall_TheDiallersOfferGoesToTheParkedParty_AndItsAnswerComesBack()
    {
        await using var p = await ParkingHarness.StartAsync();
        var h = p.Calls;
        var commands = new CallCommands(h.Router);
        var (alice, bob) = await CallSetupTests.Connect(h);
        var relayForAlice = CallMediaTests.Endpoint(alice.RemoteSdp!);
        Assert.Equal(CallCommandResult.Started, await commands.ParkAsync("202", "701"));
        await bob.ByeAsync();
        await MoveAsync(alice, version: 2, expectedPort: Assert.Single(p.Endpoints.Created).Port);

        var carol = await h.Carol.DialAsync("701");

        await MoveAsync(alice, version: 3, expectedPort: relayForAlice.Rtp.Port);
        var ok = await carol.AnsweredAsync();
        var relayForCarol = CallMediaTests.Endpoint(PhoneCall.ParseSdp(ok)!);
        Assert.Equal(CallMediaTests.Endpoint(bob.RemoteSdp!).Rtp, relayForCarol.Rtp);
        await carol.SettledAsync();
        Assert.Equal(ParkSlotState.Free, h.Presence.Get("701").Park);
        Assert.Empty(h.Presence.Get("701").Dialogs);
        Assert.Equal(SipDialogInfoState.Confirmed, Assert.Single(h.Presence.Get("203").Dialogs).State);
        h.Alice.Media.SendRtp(relayForAlice.Rtp, MediaPhone.RtpPacket(1, 0xA11CE));
        Assert.Equal(0xA11CEu, MediaPhone.Ssrc(h.Carol.Media.ReceiveRtp().Packet));
        h.Carol.Media.SendRtp(relayForCarol.Rtp, MediaPhone.RtpPacket(1, 0xCA201));
        Assert.Equal(0xCA201u, MediaPhone.Ssrc(h.Alice.Media.ReceiveRtp().Packet));

        await h.HangUpAsync(carol, alice);
        p.AssertNothingLeaked();
    }

    [Fact]
    public async Task ADiallerThatNeverAcknowledges_IsHungUpWithTheParkedParty_AfterTimerH()
    {
        await using var p = await ParkingHarness.StartAsync();
        var h = p.Calls;
        var commands = new CallCommands(h.Router);
        var (alice, relayForAlice) = await ParkedAsync(p, commands);
        var carol = await h.Carol.DialAsync("701");
        await MoveAsync(alice, version: 3, expectedPort: relayForAlice.Rtp.Port);
        Assert.Equal(200, (await carol.FinalAsync()).StatusCode);
        await h.StackSettledAsync();

        h.Advance(TimeSpan.FromSeconds(32));

        await alice.ByeAsync();
        carol.Respond(await carol.RequestAsync(SipMethod.Bye), 200);
        await h.CallsEndedAsync();
        h.AssertRecord(alice.CallId, CallStatus.Failed, HangupParty.System, "no ACK from 203");
        p.AssertNothingLeaked();
    }

    [Fact]
    public async Task DiallingAnEmptySlot_Is404()
    {
        await using var p = await ParkingHarness.StartAsync();
        var carol = await p.Calls.Carol.DialAsync("703");
        var final = await carol.FinalAsync();
        Assert.Equal(404, final.StatusCode);
        Assert.Equal("No Call Parked Here", final.ReasonPhrase);
        p.AssertNothingLeaked();
    }

    [Fact]
    public async Task TheParkedPartyHangingUp_FreesTheSlot()
    {
        await using var p = await ParkingHarness.StartAsync();
        var h = p.Calls;
        var commands = new CallCommands(h.Router);
        var (alice, bob) = await CallSetupTests.Connect(h);
        Assert.Equal(CallCommandResult.Started, await commands.ParkAsync("201", "702"));
        await alice.ByeAsync();
        await MoveAsync(bob, version: 2, expectedPort: Assert.Single(p.Endpoints.Created).Port);

        await bob.HangUpAsync();
        await h.CallsEndedAsync();

        Assert.Equal(ParkSlotState.Free, h.Presence.Get("702").Park);
        Assert.Empty(h.Presence.Get("702").Dialogs);
        Assert.Equal(CallCommandResult.SlotEmpty, await commands.RetrieveAsync("203", "702"));
        p.AssertNothingLeaked();
    }

    [Fact]
    public async Task Park_ToAnOccupiedSlot_OrNotInACall_OrToNoSlot_IsRefused_AndRetrieveOfAnEmptySlotToo()
    {
        await using var p = await ParkingHarness.StartAsync();
        var h = p.Calls;
        var commands = new CallCommands(h.Router);
        Assert.Equal(CallCommandResult.NotInCall, await commands.ParkAsync("202", "701"));
        Assert.Equal(CallCommandResult.UnknownNumber, await commands.ParkAsync("202", "700"));
        Assert.Equal(CallCommandResult.UnknownNumber, await commands.ParkAsync("202", "0701"));
        Assert.Equal(CallCommandResult.UnknownNumber, await commands.ParkAsync("299", "701"));
        Assert.Equal(CallCommandResult.SlotEmpty, await commands.RetrieveAsync("203", "701"));

        var (alice, _) = await ParkedAsync(p, commands);

        var carol = await h.Carol.DialAsync("202");
        var bobAgain = await h.Bob.IncomingAsync();
        bobAgain.Answer();
        await bobAgain.AckAsync();
        await carol.AnsweredAsync();
        await carol.SettledAsync();
        Assert.Equal(CallCommandResult.SlotOccupied, await commands.ParkAsync("202", "701"));
        await carol.SettledAsync();
        Assert.False(h.Carol.Holds(m => m.IsRequest && m.Method == SipMethod.Invite));

        await carol.HangUpAsync();
        await bobAgain.ByeAsync();
        await alice.HangUpAsync();
        await h.CallsEndedAsync();
        p.AssertNothingLeaked();
    }

    [Fact]
    public async Task WithoutParkingServices_ParkIsUnavailable_AndTheCallGoesOn()
    {
        await using var h = await CallHarness.StartAsync();
        var commands = new CallCommands(h.Router);
        var (alice, bob) = await CallSetupTests.Connect(h);

        Assert.Equal(CallCommandResult.Unavailable, await commands.ParkAsync("202", "701"));

        await alice.SettledAsync();
        Assert.False(h.Bob.Holds(m => m.IsRequest && m.Method == SipMethod.Bye));
        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task RetrieveByAnExtensionWithNoPhone_IsNotRegistered()
    {
        await using var p = await ParkingHarness.StartAsync(registerBob: false);
        var commands = new CallCommands(p.Calls.Router);
        Assert.Equal(CallCommandResult.NotRegistered, await commands.RetrieveAsync("202", "701"));
        p.AssertNothingLeaked();
    }

    // Alice calls Bob, Bob parks her in 701 and hangs up, she is moved onto the hold music: the parked call most tests
    // start from, with the relay address she had before.
    private static async Task<(PhoneCall Alice, SdpMediaEndpoint RelayForAlice)> ParkedAsync(ParkingHarness p, CallCommands commands)
    {
        var (alice, bob) = await CallSetupTests.Connect(p.Calls);
        var relayForAlice = CallMediaTests.Endpoint(alice.RemoteSdp!);
        Assert.Equal(CallCommandResult.Started, await commands.ParkAsync("202", "701"));
        await bob.ByeAsync();
        await MoveAsync(alice, version: 2, expectedPort: Assert.Single(p.Endpoints.Created).Port);
        return (alice, relayForAlice);
    }

    // The appliance's re-INVITE moving the phone's media: its SDP names the expected port; answered 200 and acknowledged.
    private static async Task MoveAsync(PhoneCall phone, int version, int expectedPort)
    {
        var reinvite = await phone.RequestAsync(SipMethod.Invite);
        var offer = PhoneCall.ParseSdp(reinvite)!;
        Assert.Equal(expectedPort, CallMediaTests.Endpoint(offer).Rtp.Port);
        phone.Respond(reinvite, 200, phone.Phone.Sdp(version: version));
        await phone.AckAsync(reinvite);
    }
}
