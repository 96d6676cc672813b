using ContactCenter.Data.Repositories;
using ContactCenter.Pbx.Commands;
using ContactCenter.Pbx.Presence;
using ContactCenter.Pbx.Tests.Calls;
using ContactCenter.Sip.Events.Bodies;
using ContactCenter.Sip.Messages;

using Xunit;

namespace ContactCenter.Pbx.Tests.Commands;

/// <summary>Directed pickup (issue #5 §4): the call ringing at one extension is answered at another's phone.</summary>
[Trait("Category", "Integration")]
public class PickUpTests
{
    private const string CompletedElsewhere = "SIP;cause=200;text=\"Call completed elsewhere\"";

    [Fact]
    public async Task PickUp_RingsThePickerWithAutoAnswerAndTheCallersIdentity_ItsAnswerCancelsTheCallee_AndPresenceMoves()
    {
        await using var h = await CallHarness.StartAsync();
        var commands = new CallCommands(h.Router);
        var alice = await h.Alice.DialAsync("202");
        var bob = await h.Bob.IncomingAsync();
        bob.Ring();
        await alice.ResponseAsync(180);

        Assert.Equal(CallCommandResult.Started, await commands.PickUpAsync("203", "202"));

        var carol = await h.Carol.IncomingAsync();
        Assert.EndsWith(";answer-after=0", carol.Invite.GetHeader("Call-Info"), StringComparison.Ordinal);
        Assert.Contains("info=alert-autoanswer", carol.Invite.GetHeader("Alert-Info"), StringComparison.Ordinal);
        Assert.StartsWith("sip:201@", carol.Invite.From.UriText, StringComparison.Ordinal);
        Assert.Equal("Ext 201", carol.Invite.From.DisplayName);
        Assert.StartsWith("sip:203@", carol.Invite.To.UriText, StringComparison.Ordinal);
        // The picker is offered the caller's media through the same relay side as the callee was.
        Assert.Equal(CallMediaTests.Endpoint(bob.RemoteSdp!).Rtp, CallMediaTests.Endpoint(carol.RemoteSdp!).Rtp);

        carol.Answer();
        await carol.AckAsync();
        var cancel = await bob.CancelledAsync();
        Assert.Equal(CompletedElsewhere, cancel.GetHeader(SipHeaderId.Reason));
        bob.AcceptCancel(cancel);
        await bob.AckAsync();
        await alice.AnsweredAsync();
        await alice.SettledAsync();

        Assert.Empty(h.Presence.Get("202").Dialogs);
        var picked = Assert.Single(h.Presence.Get("203").Dialogs);
        Assert.Equal(SipDialogInfoState.Confirmed, picked.State);
        Assert.Equal(alice.CallId, picked.CallId);
        Assert.StartsWith("sip:203@", picked.LocalIdentity, StringComparison.Ordinal);
        Assert.StartsWith("sip:203@", Assert.Single(h.Presence.Get("201").Dialogs).RemoteIdentity, StringComparison.Ordinal);

        await h.HangUpAsync(alice, carol);
        Assert.Equal(ExtensionActivity.Idle, h.Presence.Get("203").Activity);
        Assert.Equal(ExtensionActivity.Idle, h.Presence.Get("201").Activity);
        Assert.Equal(CallStatus.Answered, h.Record(alice.CallId).Status);
        Assert.Equal(1, h.Logs.Count(3124));
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task TheCalleeAnsweringFirst_CancelsThePickersPhone()
    {
        await using var h = await CallHarness.StartAsync();
        var commands = new CallCommands(h.Router);
        var alice = await h.Alice.DialAsync("202");
        var bob = await h.Bob.IncomingAsync();
        Assert.Equal(CallCommandResult.Started, await commands.PickUpAsync("203", "202"));
        var carol = await h.Carol.IncomingAsync();
        // RFC 3261 §9.1: a CANCEL waits for a provisional response, so the picker's phone rings first.
        carol.Ring();

        bob.Answer();
        await bob.AckAsync();
        var cancel = await carol.CancelledAsync();
        carol.AcceptCancel(cancel);
        await carol.AckAsync();
        await alice.AnsweredAsync();

        Assert.Equal(SipDialogInfoState.Confirmed, Assert.Single(h.Presence.Get("202").Dialogs).State);
        Assert.Empty(h.Presence.Get("203").Dialogs);
        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task PickUp_WhenNothingRings_OrAnAnsweredCall_IsNothingRinging_AndSendsNothing()
    {
        await using var h = await CallHarness.StartAsync();
        var commands = new CallCommands(h.Router);
        Assert.Equal(CallCommandResult.NothingRinging, await commands.PickUpAsync("203", "202"));

        var (alice, bob) = await CallSetupTests.Connect(h);
        Assert.Equal(CallCommandResult.NothingRinging, await commands.PickUpAsync("203", "202"));
        await alice.SettledAsync();
        Assert.False(h.Carol.Holds(m => m.IsRequest && m.Method == SipMethod.Invite));
        await h.HangUpAsync(alice, bob);
        Assert.Equal(2, h.Logs.Count(3300));
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task PickUp_ByAnUnknownNumber_OrOfOne_IsUnknownNumber()
    {
        await using var h = await CallHarness.StartAsync();
        var commands = new CallCommands(h.Router);
        Assert.Equal(CallCommandResult.UnknownNumber, await commands.PickUpAsync("299", "202"));
        Assert.Equal(CallCommandResult.UnknownNumber, await commands.PickUpAsync("203", "299"));
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task PickUp_ByAnExtensionWithNoPhoneRegistered_IsNotRegistered_AndTheCallRingsOn()
    {
        await using var h = await CallHarness.StartAsync(registerBob: false);
        var commands = new CallCommands(h.Router);
        var alice = await h.Alice.DialAsync("203");
        var carol = await h.Carol.IncomingAsync();

        Assert.Equal(CallCommandResult.NotRegistered, await commands.PickUpAsync("202", "203"));

        carol.Answer();
        await carol.AckAsync();
        await alice.AnsweredAsync();
        await h.HangUpAsync(alice, carol);
        h.AssertNothingLeaked();
    }
}
