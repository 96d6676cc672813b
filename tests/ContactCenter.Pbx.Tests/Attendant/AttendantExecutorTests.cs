using ContactCenter.Data.Repositories;
using ContactCenter.Pbx.Attendant;
using ContactCenter.Pbx.Commands;
using ContactCenter.Pbx.Presence;
using Xunit;

namespace ContactCenter.Pbx.Tests.Attendant;

[Trait("Category", "Integration")]
public sealed class AttendantExecutorTests : IDisposable
{
    private readonly AttendantHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task BusyLamp_OfARingingExtension_PicksTheCallUp()
    {
        _h.Ring("101");

        var outcome = await _h.Executor.PressAsync(AttendantAction.BusyLamp("101"), AttendantPress.Short);

        Assert.Equal(new AttendantOutcome(AttendantOperation.PickUp), outcome);
        Assert.Equal(["pickup 100 101"], _h.Calls.Commands);
    }

    [Fact]
    public async Task BusyLamp_DuringAnAnsweredCall_TransfersBlind()
    {
        _h.Answered("100");
        _h.Answered("102");

        var outcome = await _h.Executor.PressAsync(AttendantAction.BusyLamp("102"), AttendantPress.Short);

        Assert.Equal(AttendantOperation.BlindTransfer, outcome.Operation);
        Assert.Equal(["transfer 100 102"], _h.Calls.Commands);
    }

    [Fact]
    public async Task BusyLamp_LongPressDuringACall_IsAttendedTransfer_NotThereYet_SoTheKeyAsksForAttention()
    {
        _h.Answered("100");
        var key = AttendantAction.BusyLamp("102");

        var outcome = await _h.Executor.PressAsync(key, AttendantPress.Long);

        Assert.Equal(AttendantOperation.AttendedTransfer, outcome.Operation);
        Assert.Contains("attended transfer is not implemented yet", outcome.Failure, StringComparison.Ordinal);
        Assert.Empty(_h.Calls.Commands);
        Assert.Equal(AttendantLamp.Attention, _h.Executor.Lamp(key));

        _h.Time.Advance(AttendantExecutor.AttentionTime);
        Assert.Equal(AttendantLamp.Idle, _h.Executor.Lamp(key));
    }

    [Theory]
    [InlineData(AttendantPress.Short)]
    [InlineData(AttendantPress.Long)]
    public async Task BusyLamp_OfAnIdleExtension_CallsItFromTheReceptionistsPhone(AttendantPress press)
    {
        var outcome = await _h.Executor.PressAsync(AttendantAction.BusyLamp("103"), press);

        Assert.Equal(AttendantOperation.ClickToCall, outcome.Operation);
        Assert.Equal(["call 100 103"], _h.Calls.Commands);
    }

    [Theory]
    [InlineData(ParkSlotState.Free, AttendantOperation.Park, "park 100 701")]
    [InlineData(ParkSlotState.Occupied, AttendantOperation.Retrieve, "retrieve 100 701")]
    [InlineData(ParkSlotState.Recalling, AttendantOperation.Retrieve, "retrieve 100 701")]
    public async Task ParkKey_ParksIntoAFreeSlot_AndRetrievesFromAHeldOne(ParkSlotState slot, AttendantOperation expected, string command)
    {
        _h.Model.SetPark("701", slot);

        var outcome = await _h.Executor.PressAsync(AttendantAction.Park("701"), AttendantPress.Short);

        Assert.Equal(expected, outcome.Operation);
        Assert.Equal([command], _h.Calls.Commands);
    }

    [Fact]
    public async Task SpeedDial_CallsTheNumber()
    {
        await _h.Executor.PressAsync(AttendantAction.SpeedDial("*43"), AttendantPress.Short);

        Assert.Equal(["call 100 *43"], _h.Calls.Commands);
    }

    [Fact]
    public async Task AFailedCommand_ShowsAttentionBriefly_ThenTheLampAgain()
    {
        _h.Calls.Result = CallCommandResult.NotRegistered;
        _h.Ring("101");
        var key = AttendantAction.BusyLamp("101");
        var before = _h.Notified;

        var outcome = await _h.Executor.PressAsync(key, AttendantPress.Short);

        Assert.Equal("the phone that must ring is not registered", outcome.Failure);
        Assert.Equal(AttendantLamp.Attention, _h.Executor.Lamp(key));
        Assert.Equal(before + 1, _h.Notified);
        _h.Time.Advance(AttendantExecutor.AttentionTime - TimeSpan.FromMilliseconds(1));
        Assert.Equal(AttendantLamp.Attention, _h.Executor.Lamp(key));
        _h.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(AttendantLamp.Ringing, _h.Executor.Lamp(key));
        Assert.Equal(before + 2, _h.Notified);
    }

    [Fact]
    public async Task DoNotDisturb_TogglesTheReceptionistsStatus_WhichLightsTheKeyThroughPresence()
    {
        var outcome = await _h.Executor.PressAsync(AttendantAction.DoNotDisturb, AttendantPress.Short);
        _h.Feed.Apply();

        Assert.True(outcome.Succeeded);
        Assert.Equal(ExtensionStatus.DoNotDisturb, new ExtensionRepository(_h.Database).Get("100")!.Status);
        Assert.True(_h.Model.Get("100").DoNotDisturb);
        Assert.Equal(AttendantLamp.Active, _h.Executor.Lamp(AttendantAction.DoNotDisturb));

        await _h.Executor.PressAsync(AttendantAction.DoNotDisturb, AttendantPress.Short);
        _h.Feed.Apply();

        Assert.Equal(ExtensionStatus.Available, new ExtensionRepository(_h.Database).Get("100")!.Status);
        Assert.Equal(AttendantLamp.Idle, _h.Executor.Lamp(AttendantAction.DoNotDisturb));
    }

    [Fact]
    public async Task NightMode_TogglesTheStoredSwitch_AndAnnouncesTheLamp()
    {
        var before = _h.Notified;

        await _h.Executor.PressAsync(AttendantAction.NightMode, AttendantPress.Short);

        Assert.True(new OperatingFlagsRepository(_h.Database).NightMode());
        Assert.Equal(AttendantLamp.Active, _h.Executor.Lamp(AttendantAction.NightMode));
        Assert.Equal(before + 1, _h.Notified);

        await _h.Executor.PressAsync(AttendantAction.NightMode, AttendantPress.Short);
        Assert.False(new OperatingFlagsRepository(_h.Database).NightMode());
        Assert.Equal(AttendantLamp.Idle, _h.Executor.Lamp(AttendantAction.NightMode));
    }

    [Fact]
    public async Task QueueLogin_TogglesTheReceptionistsFlag_AndSurvivesAReload()
    {
        await _h.Executor.PressAsync(AttendantAction.QueueLogin, AttendantPress.Short);

        Assert.True(new OperatingFlagsRepository(_h.Database).IsQueueLoggedIn("100"));
        _h.Executor.Load();
        Assert.Equal(new AttendantSwitches("100", false, true), _h.Executor.Switches);
        Assert.Equal(AttendantLamp.Active, _h.Executor.Lamp(AttendantAction.QueueLogin));
    }

    [Fact]
    public async Task WithoutAReceptionist_NothingIsDone_AndTheKeyAsksForAttention()
    {
        using var h = new AttendantHarness(receptionist: null);

        var outcome = await h.Executor.PressAsync(AttendantAction.DoNotDisturb, AttendantPress.Short);

        Assert.Equal(AttendantOperation.None, outcome.Operation);
        Assert.Equal(AttendantLamp.Attention, h.Executor.Lamp(AttendantAction.DoNotDisturb));
        Assert.Equal(ExtensionStatus.Available, new ExtensionRepository(h.Database).Get("100")!.Status);
    }
}
