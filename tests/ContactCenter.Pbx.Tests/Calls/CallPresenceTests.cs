using ContactCenter.Pbx.Presence;
using ContactCenter.Sip.Events.Bodies;

using Xunit;

namespace ContactCenter.Pbx.Tests.Calls;

public class CallPresenceTests
{
    [Fact]
    public async Task ACallBetweenExtensions_TakesBothLampsThroughRingingAndInUse_BackToIdle()
    {
        await using var h = await CallHarness.StartAsync();

        var alice = await h.Alice.DialAsync("202");
        var bob = await h.Bob.IncomingAsync();
        var ringing = h.Presence.Get("202");
        Assert.Equal(ExtensionActivity.Ringing, ringing.Activity);
        Assert.Equal(SipDialogInfoState.Trying, Assert.Single(ringing.Dialogs).State);
        Assert.Equal(ExtensionActivity.InUse, h.Presence.Get("201").Activity);

        bob.Ring();
        await alice.ResponseAsync(180);
        var early = Assert.Single(h.Presence.Get("202").Dialogs);
        Assert.Equal(SipDialogInfoState.Early, early.State);
        Assert.Equal(SipDialogDirection.Recipient, early.Direction);
        Assert.Equal(alice.CallId, early.CallId);
        Assert.StartsWith("sip:201@", early.RemoteIdentity, StringComparison.Ordinal);
        var outgoing = Assert.Single(h.Presence.Get("201").Dialogs);
        Assert.Equal(SipDialogDirection.Initiator, outgoing.Direction);
        Assert.StartsWith("sip:202@", outgoing.RemoteIdentity, StringComparison.Ordinal);

        bob.Answer();
        await bob.AckAsync();
        await alice.AnsweredAsync();
        Assert.Equal(SipDialogInfoState.Confirmed, Assert.Single(h.Presence.Get("202").Dialogs).State);
        Assert.Equal(ExtensionActivity.InUse, h.Presence.Get("202").Activity);

        await alice.HangUpAsync();
        await bob.ByeAsync();
        await h.CallsEndedAsync();
        Assert.Empty(h.Presence.Get("201").Dialogs);
        Assert.Equal(ExtensionActivity.Idle, h.Presence.Get("202").Activity);
        Assert.Equal(ExtensionActivity.Idle, h.Presence.Get("203").Activity);
    }

    [Fact]
    public async Task ARefusedCall_NeverLightsALamp()
    {
        await using var h = await CallHarness.StartAsync();
        var seen = new List<PresenceSnapshot>();
        h.Presence.AddObserver(s =>
        {
            lock (seen)
            {
                seen.Add(s);
            }
        });

        var call = await h.Alice.DialAsync("999");
        Assert.Equal(404, (await call.FinalAsync()).StatusCode);
        await h.CallsEndedAsync();

        lock (seen)
        {
            Assert.Empty(seen);
        }
    }
}
