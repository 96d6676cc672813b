using ContactCenter.Pbx.Presence;
using ContactCenter.Sip.Events.Bodies;
using Microsoft.Extensions.Logging.Abstractions;

using Xunit;

namespace ContactCenter.Pbx.Tests.Presence;

public class PresenceModelTests
{
    private static SipDialogInfoEntry Dialog(string id, SipDialogInfoState state, SipDialogDirection direction = SipDialogDirection.Recipient) =>
        new() { Id = id, State = state, Direction = direction };

    private static (PresenceModel Model, List<PresenceSnapshot> Seen) Observed()
    {
        var model = new PresenceModel(NullLogger<PresenceModel>.Instance);
        var seen = new List<PresenceSnapshot>();
        model.AddObserver(seen.Add);
        return (model, seen);
    }

    [Fact]
    public void UnknownExtension_IsIdle()
    {
        var (model, _) = Observed();
        Assert.Equal(ExtensionActivity.Idle, model.Get("201").Activity);
    }

    [Theory]
    [InlineData(SipDialogInfoState.Trying, SipDialogDirection.Recipient, ExtensionActivity.Ringing)]
    [InlineData(SipDialogInfoState.Early, SipDialogDirection.Recipient, ExtensionActivity.Ringing)]
    [InlineData(SipDialogInfoState.Early, SipDialogDirection.Initiator, ExtensionActivity.InUse)]
    [InlineData(SipDialogInfoState.Confirmed, SipDialogDirection.Recipient, ExtensionActivity.InUse)]
    public void Activity_FollowsTheDialogs(SipDialogInfoState state, SipDialogDirection direction, ExtensionActivity expected)
    {
        var (model, _) = Observed();
        model.SetDialog("201", Dialog("a", state, direction));
        Assert.Equal(expected, model.Get("201").Activity);
    }

    [Fact]
    public void AnsweredCall_WinsOverASecondRingingOne()
    {
        var (model, _) = Observed();
        model.SetDialog("201", Dialog("a", SipDialogInfoState.Confirmed));
        model.SetDialog("201", Dialog("b", SipDialogInfoState.Early));
        Assert.Equal(ExtensionActivity.InUse, model.Get("201").Activity);
        Assert.Equal(["a", "b"], model.Get("201").Dialogs.Select(d => d.Id));
    }

    [Fact]
    public void DialogUpdates_ReplaceInPlace_AndTerminationRemoves()
    {
        var (model, seen) = Observed();
        model.SetDialog("201", Dialog("a", SipDialogInfoState.Early));
        model.SetDialog("201", Dialog("a", SipDialogInfoState.Confirmed));
        Assert.Equal(SipDialogInfoState.Confirmed, Assert.Single(model.Get("201").Dialogs).State);
        model.SetDialog("201", Dialog("a", SipDialogInfoState.Terminated));
        Assert.Empty(model.Get("201").Dialogs);
        Assert.Equal(3, seen.Count);
        Assert.Equal(ExtensionActivity.Idle, seen[^1].Activity);
    }

    [Fact]
    public void EndedDialog_IsReportedTerminatedWithItsChangeOnly()
    {
        var (model, seen) = Observed();
        model.SetDialog("201", Dialog("a", SipDialogInfoState.Confirmed));
        model.SetDialog("201", Dialog("a", SipDialogInfoState.Terminated));
        Assert.Equal(("a", SipDialogInfoState.Terminated), Assert.Single(seen[^1].Ended) is var ended ? (ended.Id, ended.State) : default);

        model.SetAvailability("201", doNotDisturb: true, away: false);
        Assert.Empty(seen[^1].Ended);
        Assert.Empty(model.Get("201").Ended);
    }

    [Fact]
    public async Task ADeliveryStillRunning_ForOneExtension_DoesNotHoldUpAnotherExtensionsChange()
    {
        var model = new PresenceModel(NullLogger<PresenceModel>.Instance);
        using var entered = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim();
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        model.AddObserver(s =>
        {
            seen.Enqueue(s.Extension);
            if (s.Extension == "201")
            {
                entered.Release();
                release.Wait();
            }
        });

        var slow = Task.Run(() => model.SetDialog("201", Dialog("a", SipDialogInfoState.Early)));
        Assert.True(await entered.WaitAsync(TimeSpan.FromSeconds(10)));
        // A hang guard: with one delivery lock for all extensions this change would wait for 201's.
        await Task.Run(() => model.SetDialog("202", Dialog("b", SipDialogInfoState.Early))).WaitAsync(TimeSpan.FromSeconds(10));
        release.Set();
        await slow;

        Assert.Equal(["201", "202"], seen);
    }

    [Fact]
    public void RepeatedReports_ReachNoObserver()
    {
        var (model, seen) = Observed();
        model.SetDialog("201", Dialog("a", SipDialogInfoState.Early));
        model.SetDialog("201", Dialog("a", SipDialogInfoState.Early));
        model.SetAvailability("201", doNotDisturb: false, away: false);
        model.SetMessageCounts("201", 0, 0);
        model.SetDialog("201", Dialog("gone", SipDialogInfoState.Terminated));
        Assert.Single(seen);
    }

    [Fact]
    public void FlagsAndCounts_AreKeptPerExtension()
    {
        var (model, seen) = Observed();
        model.SetAvailability("201", doNotDisturb: true, away: false);
        model.SetAvailability("202", doNotDisturb: false, away: true);
        model.SetMessageCounts("201", 3, 1);
        Assert.True(model.Get("201").DoNotDisturb);
        Assert.False(model.Get("201").Away);
        Assert.True(model.Get("202").Away);
        Assert.Equal((3, 1), (model.Get("201").NewMessages, model.Get("201").OldMessages));
        Assert.Equal(["201", "202", "201"], seen.Select(s => s.Extension));
    }

    [Fact]
    public void AFailingObserver_DoesNotKeepTheOthersFromTheChange()
    {
        var model = new PresenceModel(NullLogger<PresenceModel>.Instance);
        var seen = new List<string>();
        model.AddObserver(_ => throw new InvalidOperationException("broken LED binding"));
        model.AddObserver(s => seen.Add(s.Extension));
        model.SetAvailability("201", doNotDisturb: false, away: true);
        Assert.Equal(["201"], seen);
    }

    [Fact]
    public void ConcurrentChanges_LeaveEveryObserverWithTheFinalState()
    {
        var model = new PresenceModel(NullLogger<PresenceModel>.Instance);
        PresenceSnapshot? last = null;
        model.AddObserver(s => last = s);
        Parallel.For(0, 200, i => model.SetMessageCounts("201", i, 0));
        Assert.Equal(model.Get("201"), last);
    }
}
