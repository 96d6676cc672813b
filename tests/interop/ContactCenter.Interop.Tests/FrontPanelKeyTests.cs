using ContactCenter.Board.Leds;
using ContactCenter.Firmware.Panel;
using ContactCenter.Pbx.Presence;
using Xunit;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// The receptionist's keys on the simulated front panel (issue #5 §4, §7) with real baresip phones, on the appliance's
/// own composition in this process: a press is a debounced key press of the simulated board, and what it does is
/// checked by what the phones did (their call events) and heard (the other party's tone), and by the key's lamp.
/// First-start panel defaults with extensions 100-102: 100 is the receptionist, key1 and key2 are the busy lamps of 101
/// and 102, key3 parks in slot 701. baresip 1.0 honours neither Call-Info answer-after nor Alert-Info auto-answer, so
/// the receptionist's phone is an auto-answer account, as a desk phone honouring the hint behaves.
/// </summary>
[Collection(ApplianceCollection.Name)]
public sealed class FrontPanelKeyTests
{
    private const string Reception = "100";
    private const int CallerTone = 1000;
    private const int ReceptionTone = 1500;
    private static readonly TimeSpan Heard = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LampTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task BusyLampKey_WhileItsExtensionRings_PicksTheCallUpAtTheReceptionist_And101StopsRinging()
    {
        await using var appliance = await InProcessAppliance.StartAsync([Reception, "101", "102"]);
        await using var reception = await appliance.PhoneAsync("reception", Reception, ReceptionTone, autoAnswer: true);
        await using var desk = await appliance.PhoneAsync("desk", "101", 700, autoAnswer: false);
        await using var caller = await appliance.PhoneAsync("caller", "102", CallerTone, autoAnswer: false);
        await caller.DialExtensionAsync("101");
        await desk.WaitForIncomingCallAsync();
        await caller.WaitForRingingAsync();
        Assert.Equal(LedPalette.Ringing, appliance.Service<FrontPanel>().Pattern("blf1"));

        appliance.PressKey("key1");

        await reception.WaitForEstablishedAsync();
        await caller.WaitForEstablishedAsync();
        await desk.WaitForClosedAsync();
        await reception.WaitForPeerAudioAsync(Heard);
        await caller.WaitForPeerAudioAsync(Heard);
        var presence = appliance.Service<PresenceModel>();
        Assert.Equal(ExtensionActivity.InUse, presence.Get(Reception).Activity);
        Assert.Equal(ExtensionActivity.Idle, presence.Get("101").Activity);
        Assert.Equal(LedPattern.Off, appliance.Service<FrontPanel>().Pattern("blf1"));

        await caller.HangUpAsync();
        await reception.WaitForClosedAsync();
        await caller.WaitForClosedAsync();
        Assert.True(reception.RecordedAudio().IsToneOf(CallerTone), $"the receptionist heard {reception.RecordedAudio()}\n{reception.Describe()}");
        Assert.True(caller.RecordedAudio().IsToneOf(ReceptionTone), $"the caller heard {caller.RecordedAudio()}\n{caller.Describe()}");
    }

    [Fact]
    public async Task ParkKey_PutsTheReceptionistsCallerOnHoldInSlot701_AndASecondPressRetrievesIt()
    {
        await using var appliance = await InProcessAppliance.StartAsync([Reception, "101", "102"]);
        var lamp = new ObservedList<LedPattern>();
        appliance.Service<FrontPanel>().LedChanged += (_, change) =>
        {
            if (change.LedId == "blf3")
            {
                lamp.Add(change.Pattern);
            }
        };
        await using var reception = await appliance.PhoneAsync("reception", Reception, ReceptionTone, autoAnswer: true);
        await using var caller = await appliance.PhoneAsync("caller", "102", CallerTone, autoAnswer: false);
        await caller.DialExtensionAsync(Reception);
        await reception.WaitForEstablishedAsync();
        await caller.WaitForEstablishedAsync();

        appliance.PressKey("key3");

        await reception.WaitForClosedAsync();
        Assert.True(await lamp.WaitAsync(p => p == LedPalette.Parked, LampTimeout) is not null, $"lamp blf3: {string.Join(", ", lamp.Snapshot())}\n{appliance.Log()}");
        Assert.Equal(ParkSlotState.Occupied, appliance.Service<PresenceModel>().Get("701").Park);

        appliance.PressKey("key3");

        await reception.WaitForEstablishedAsync();
        await reception.WaitForPeerAudioAsync(Heard);
        Assert.True(await lamp.WaitAsync(p => p == LedPattern.Off, LampTimeout) is not null, $"lamp blf3: {string.Join(", ", lamp.Snapshot())}");
        Assert.Equal(ParkSlotState.Free, appliance.Service<PresenceModel>().Get("701").Park);
        await reception.HangUpAsync();
        await caller.WaitForClosedAsync();
        // Through the park and back, the caller's call stayed one call, and the receptionist heard the caller's tone.
        Assert.Single(caller.Events, e => e.Type == "CALL_CLOSED");
        Assert.True(reception.RecordedAudio().IsToneOf(CallerTone), $"the receptionist heard {reception.RecordedAudio()}\n{reception.Describe()}");
    }

    [Fact]
    public async Task BusyLampKey_WhenIdle_CallsTheExtension_RingingTheReceptionistFirst()
    {
        await using var appliance = await InProcessAppliance.StartAsync([Reception, "101"]);
        await using var reception = await appliance.PhoneAsync("reception", Reception, ReceptionTone, autoAnswer: true);
        await using var target = await appliance.PhoneAsync("target", "101", CallerTone, autoAnswer: false);

        appliance.PressKey("key1");

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
    public async Task BusyLampKey_DuringTheReceptionistsCall_TransfersTheCallerThere()
    {
        await using var appliance = await InProcessAppliance.StartAsync([Reception, "101", "102"]);
        await using var reception = await appliance.PhoneAsync("reception", Reception, ReceptionTone, autoAnswer: true);
        await using var target = await appliance.PhoneAsync("target", "101", 700, autoAnswer: true);
        await using var caller = await appliance.PhoneAsync("caller", "102", CallerTone, autoAnswer: false);
        await caller.DialExtensionAsync(Reception);
        await reception.WaitForEstablishedAsync();
        await caller.WaitForEstablishedAsync();

        appliance.PressKey("key1");

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
