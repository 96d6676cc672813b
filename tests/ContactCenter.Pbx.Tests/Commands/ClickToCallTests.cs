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

/// <summary>Click-to-call (issue #5 §4): the appliance rings the originator (auto-answer), then calls the target from it.</summary>
[Trait("Category", "Integration")]
public class ClickToCallTests
{
    [Fact]
    public async Task ClickToCall_RingsTheOriginatorWithAutoAnswer_ThenTheTarget_AndBridgesThemThroughTheRelay()
    {
        await using var h = await CallHarness.StartAsync();
        var commands = new CallCommands(h.Router);

        Assert.Equal(CallCommandResult.Started, await commands.ClickToCallAsync("201", "203"));

        var alice = await h.Alice.IncomingAsync();
        Assert.EndsWith(";answer-after=0", alice.Invite.GetHeader("Call-Info"), StringComparison.Ordinal);
        Assert.Equal("Ext 203", alice.Invite.From.DisplayName);
        var (first, last) = h.Relay.PortRange;
        Assert.InRange(CallMediaTests.Endpoint(alice.RemoteSdp!).Rtp.Port, first, last);
        Assert.Equal(ExtensionActivity.Ringing, h.Presence.Get("201").Activity);
        alice.Answer();
        await alice.AckAsync();

        var carol = await h.Carol.IncomingAsync();
        Assert.Null(carol.Invite.GetHeader("Call-Info"));
        Assert.Equal("Ext 201", carol.Invite.From.DisplayName);
        Assert.Equal(ExtensionActivity.Ringing, h.Presence.Get("203").Activity);
        Assert.Equal(SipDialogInfoState.Confirmed, Assert.Single(h.Presence.Get("201").Dialogs).State);
        carol.Ring();
        carol.Answer();
        await carol.AckAsync();
        await alice.SettledAsync();

        h.Alice.Media.SendRtp(CallMediaTests.Endpoint(alice.RemoteSdp!).Rtp, MediaPhone.RtpPacket(1, 0xA11CE));
        Assert.Equal(0xA11CEu, MediaPhone.Ssrc(h.Carol.Media.ReceiveRtp().Packet));
        h.Carol.Media.SendRtp(CallMediaTests.Endpoint(carol.RemoteSdp!).Rtp, MediaPhone.RtpPacket(1, 0xCA201));
        Assert.Equal(0xCA201u, MediaPhone.Ssrc(h.Alice.Media.ReceiveRtp().Packet));
        Assert.Equal(SipDialogInfoState.Confirmed, Assert.Single(h.Presence.Get("203").Dialogs).State);
        // Neither phone was re-INVITEd: the relay joined them.
        Assert.DoesNotContain(h.Alice.Received, m => m.IsRequest && m.Method == SipMethod.Invite && m.To.Tag is not null);

        await h.HangUpAsync(carol, alice);
        var record = Assert.Single(new CallRecordRepository(h.Registrar.Database).ListRecent());
        Assert.Equal(("201", "203", CallStatus.Answered), (record.Caller, record.Callee, record.Status));
        Assert.NotNull(record.AnsweredAt);
        Assert.Equal(ExtensionActivity.Idle, h.Presence.Get("201").Activity);
        Assert.Equal(ExtensionActivity.Idle, h.Presence.Get("203").Activity);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task TheTargetRefusing_ReleasesTheOriginator_AndTheRecordSaysNoAnswer()
    {
        await using var h = await CallHarness.StartAsync();
        var commands = new CallCommands(h.Router);
        Assert.Equal(CallCommandResult.Started, await commands.ClickToCallAsync("201", "203"));
        var alice = await h.Alice.IncomingAsync();
        alice.Answer();
        await alice.AckAsync();
        var carol = await h.Carol.IncomingAsync();

        carol.Refuse(486);

        await carol.AckAsync();
        await alice.ByeAsync();
        await h.CallsEndedAsync();
        var record = Assert.Single(new CallRecordRepository(h.Registrar.Database).ListRecent());
        Assert.Equal(CallStatus.NoAnswer, record.Status);
        Assert.Equal("203 did not answer", record.EndReason);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task TheOriginatorNotAnswering_EndsTheCallAfterRingSeconds_WithoutRingingTheTarget()
    {
        await using var h = await CallHarness.StartAsync(new CallOptions { RingSeconds = 25 });
        var commands = new CallCommands(h.Router);
        Assert.Equal(CallCommandResult.Started, await commands.ClickToCallAsync("201", "203"));
        var alice = await h.Alice.IncomingAsync();
        alice.Ring();
        await h.StackSettledAsync();

        h.Advance(TimeSpan.FromSeconds(25));

        alice.AcceptCancel(await alice.CancelledAsync());
        await alice.AckAsync();
        await h.CallsEndedAsync();
        Assert.False(h.Carol.Holds(m => m.IsRequest && m.Method == SipMethod.Invite));
        Assert.Equal(CallStatus.NoAnswer, Assert.Single(new CallRecordRepository(h.Registrar.Database).ListRecent()).Status);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task Stopping_WhileTheOriginatorRings_CancelsIt_AndRecordsTheCallInterrupted()
    {
        await using var h = await CallHarness.StartAsync();
        var commands = new CallCommands(h.Router);
        Assert.Equal(CallCommandResult.Started, await commands.ClickToCallAsync("201", "203"));
        var alice = await h.Alice.IncomingAsync();
        alice.Ring();
        await h.StackSettledAsync();

        var stopping = h.Router.StopAsync();

        alice.AcceptCancel(await alice.CancelledAsync());
        await alice.AckAsync();
        await stopping.WaitAsync(FakeUa.ExpectTimeout);
        await h.CallsEndedAsync();
        var record = Assert.Single(new CallRecordRepository(h.Registrar.Database).ListRecent());
        Assert.Equal((CallStatus.Interrupted, "appliance stopped"), (record.Status, record.EndReason));
        Assert.Equal(ExtensionActivity.Idle, h.Presence.Get("201").Activity);
        Assert.Equal([TimeSpan.FromSeconds(2)], h.Clock.Pending);
        h.Advance(TimeSpan.FromSeconds(2));
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ClickToCall_FromOrToAnUnknownOrUnregisteredExtension_IsRefused_AndNothingRings()
    {
        await using var h = await CallHarness.StartAsync(registerBob: false);
        var commands = new CallCommands(h.Router);
        Assert.Equal(CallCommandResult.UnknownNumber, await commands.ClickToCallAsync("201", "299"));
        Assert.Equal(CallCommandResult.UnknownNumber, await commands.ClickToCallAsync("299", "201"));
        Assert.Equal(CallCommandResult.UnknownNumber, await commands.ClickToCallAsync("201", "201"));
        Assert.Equal(CallCommandResult.NotRegistered, await commands.ClickToCallAsync("202", "201"));
        Assert.Equal(CallCommandResult.NotRegistered, await commands.ClickToCallAsync("201", "202"));
        Assert.Equal(0, h.Router.ActiveCalls);
        Assert.Empty(h.Alice.Received);
        h.AssertNothingLeaked();
    }
}
