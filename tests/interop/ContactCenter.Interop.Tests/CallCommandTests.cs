using ContactCenter.Pbx.Commands;
using ContactCenter.Pbx.Presence;
using Xunit;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// The call commands (issue #5 §4) with real baresip phones on an <see cref="InProcessPbx"/>: directed pickup and park /
/// retrieve, each checked by what the phones did (their call events) and heard (the tone of the other party). baresip
/// 1.0 honours neither Call-Info answer-after nor Alert-Info auto-answer, so the phone picking up or retrieving is an
/// auto-answer account, as the desk phone honouring the hint would behave.
/// </summary>
[Collection(ApplianceCollection.Name)]
public sealed class CallCommandTests
{
    private const int CallerTone = 1000;
    private const int ReceptionTone = 1500;
    private static readonly TimeSpan Heard = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task PickUp_TheCallRingingAt101_IsAnsweredAtTheReceptionist100_And101StopsRinging()
    {
        await using var pbx = await InProcessPbx.StartAsync("100", "101", "102");
        await using var reception = await pbx.PhoneAsync("reception", "100", ReceptionTone, autoAnswer: true);
        await using var desk = await pbx.PhoneAsync("desk", "101", 700, autoAnswer: false);
        await using var caller = await pbx.PhoneAsync("caller", "102", CallerTone, autoAnswer: false);

        await caller.DialExtensionAsync("101");
        await desk.WaitForIncomingCallAsync();
        await caller.WaitForRingingAsync();

        Assert.Equal(CallCommandResult.Started, await pbx.Commands.PickUpAsync("100", "101"));

        await reception.WaitForEstablishedAsync();
        await caller.WaitForEstablishedAsync();
        await desk.WaitForClosedAsync();
        await reception.WaitForPeerAudioAsync(Heard);
        await caller.WaitForPeerAudioAsync(Heard);
        Assert.Equal(ExtensionActivity.InUse, pbx.Presence.Get("100").Activity);
        Assert.Equal(ExtensionActivity.Idle, pbx.Presence.Get("101").Activity);

        await caller.HangUpAsync();
        await reception.WaitForClosedAsync();
        await caller.WaitForClosedAsync();
        Assert.True(reception.RecordedAudio().IsToneOf(CallerTone), $"the receptionist heard {reception.RecordedAudio()}\n{reception.Describe()}");
        Assert.True(caller.RecordedAudio().IsToneOf(ReceptionTone), $"the caller heard {caller.RecordedAudio()}\n{caller.Describe()}");
    }

    [Fact]
    public async Task Park_PutsTheCallerOnHoldMusicInSlot701_AndRetrieveBridgesItToTheReceptionist()
    {
        await using var pbx = await InProcessPbx.StartAsync("100", "101", "102");
        await using var reception = await pbx.PhoneAsync("reception", "100", ReceptionTone, autoAnswer: true);
        await using var desk = await pbx.PhoneAsync("desk", "101", 700, autoAnswer: true);
        await using var caller = await pbx.PhoneAsync("caller", "102", CallerTone, autoAnswer: false);
        await caller.DialExtensionAsync("101");
        await desk.WaitForEstablishedAsync();
        await caller.WaitForEstablishedAsync();

        Assert.Equal(CallCommandResult.Started, await pbx.Commands.ParkAsync("101", "701"));

        await desk.WaitForClosedAsync();
        Assert.True(pbx.Presence.Get("701").Park == ParkSlotState.Occupied, $"slot 701 is not occupied\n{caller.Describe()}{pbx.Log()}");

        var retrieved = await pbx.Commands.RetrieveAsync("100", "701");
        Assert.True(retrieved == CallCommandResult.Started, $"retrieve: {retrieved}\n{caller.Describe()}{pbx.Log()}");

        await reception.WaitForEstablishedAsync();
        await reception.WaitForPeerAudioAsync(Heard);
        Assert.Equal(ParkSlotState.Free, pbx.Presence.Get("701").Park);
        Assert.Equal(ExtensionActivity.InUse, pbx.Presence.Get("100").Activity);
        await reception.HangUpAsync();
        await caller.WaitForClosedAsync();
        await reception.WaitForClosedAsync();
        // Through the park and back, the caller's call stayed one call, and the receptionist heard the caller's tone.
        Assert.DoesNotContain(caller.Events, e => e.Type == "CALL_CLOSED" && e != caller.Events.Last(x => x.Type == "CALL_CLOSED"));
        Assert.True(reception.RecordedAudio().IsToneOf(CallerTone), $"the receptionist heard {reception.RecordedAudio()}\n{reception.Describe()}");
    }

    [Fact]
    public async Task ClickToCall_RingsTheReceptionistFirst_ThenTheTarget_AndTheyHearEachOther()
    {
        await using var pbx = await InProcessPbx.StartAsync("100", "101");
        await using var reception = await pbx.PhoneAsync("reception", "100", ReceptionTone, autoAnswer: true);
        await using var target = await pbx.PhoneAsync("target", "101", CallerTone, autoAnswer: false);

        Assert.Equal(CallCommandResult.Started, await pbx.Commands.ClickToCallAsync("100", "101"));

        await reception.WaitForEstablishedAsync();
        await target.WaitForIncomingCallAsync();
        await target.AcceptAsync();
        await target.WaitForEstablishedAsync();
        await reception.WaitForPeerAudioAsync(Heard);
        await target.WaitForPeerAudioAsync(Heard);
        await target.HangUpAsync();
        await reception.WaitForClosedAsync();
        await target.WaitForClosedAsync();
        Assert.True(target.RecordedAudio().IsToneOf(ReceptionTone), $"the target heard {target.RecordedAudio()}\n{target.Describe()}");
        Assert.True(reception.RecordedAudio().IsToneOf(CallerTone), $"the receptionist heard {reception.RecordedAudio()}\n{reception.Describe()}");
    }

    [Fact]
    public async Task BlindTransfer_ReleasesTheReceptionist_AndTheCallerTalksWithTheTarget()
    {
        await using var pbx = await InProcessPbx.StartAsync("100", "101", "102");
        await using var reception = await pbx.PhoneAsync("reception", "100", ReceptionTone, autoAnswer: true);
        await using var target = await pbx.PhoneAsync("target", "101", 700, autoAnswer: true);
        await using var caller = await pbx.PhoneAsync("caller", "102", CallerTone, autoAnswer: false);
        await caller.DialExtensionAsync("100");
        await reception.WaitForEstablishedAsync();
        await caller.WaitForEstablishedAsync();

        Assert.Equal(CallCommandResult.Started, await pbx.Commands.BlindTransferAsync("100", "101"));

        await reception.WaitForClosedAsync();
        await target.WaitForEstablishedAsync();
        await target.WaitForPeerAudioAsync(Heard);
        await caller.HangUpAsync();
        await target.WaitForClosedAsync();
        await caller.WaitForClosedAsync();
        Assert.True(target.RecordedAudio().IsToneOf(CallerTone), $"the target heard {target.RecordedAudio()}\n{target.Describe()}");
        Assert.Single(caller.Events, e => e.Type == "CALL_CLOSED");
    }
}
