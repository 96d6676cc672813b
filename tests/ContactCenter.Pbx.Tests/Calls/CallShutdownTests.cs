using ContactCenter.Data.Repositories;
using ContactCenter.Sip.Messages;

using Xunit;

namespace ContactCenter.Pbx.Tests.Calls;

/// <summary><see cref="Pbx.Calls.CallRouter.StopAsync"/>: calls are ended, not dropped, and recorded as interrupted.</summary>
[Trait("Category", "Integration")]
public class CallShutdownTests
{
    [Fact]
    public async Task Stopping_HangsUpAnAnsweredCallOnBothLegs_AndRecordsItInterrupted()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);

        var stopping = h.Router.StopAsync();

        await alice.ByeAsync();
        await bob.ByeAsync();
        await stopping.WaitAsync(FakeUa.ExpectTimeout);
        await h.CallsEndedAsync();
        var record = h.AssertRecord(alice.CallId, CallStatus.Interrupted, HangupParty.System, "appliance stopped");
        Assert.False(record.IsOpen);
        GraceRunsOut(h);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task Stopping_CancelsARingingCall_Answers503_AndRecordsItInterrupted()
    {
        await using var h = await CallHarness.StartAsync(bobSoftphone: true);
        var (alice, desk, soft) = await CallForkingTests.DialBothOfBobsPhonesAsync(h);
        desk.Ring();
        soft.Ring();
        await alice.ResponseAsync(180);

        var stopping = h.Router.StopAsync();

        Assert.Equal(503, (await alice.FinalAsync()).StatusCode);
        foreach (var fork in new[] { desk, soft })
        {
            var cancel = await fork.CancelledAsync();
            Assert.Equal("SIP;cause=503;text=\"Service stopping\"", cancel.GetHeader(SipHeaderId.Reason));
            fork.AcceptCancel(cancel);
        }
        await stopping.WaitAsync(FakeUa.ExpectTimeout);
        await h.CallsEndedAsync();
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.Interrupted, record.Status);
        Assert.Equal(HangupParty.System, record.HangupBy);
        GraceRunsOut(h);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task Stopping_DoesNotWaitForeverForPeersThatNeverAnswerTheBye()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);

        var stopping = h.Router.StopAsync();
        await alice.RequestAsync(SipMethod.Bye);
        await bob.RequestAsync(SipMethod.Bye); // both phones are gone
        Assert.False(stopping.IsCompleted);

        await h.Clock.ArmedAsync(TimeSpan.FromSeconds(2)); // the grace the stop gives outstanding BYEs
        h.Advance(TimeSpan.FromSeconds(2));

        await stopping.WaitAsync(FakeUa.ExpectTimeout);
        await h.CallsEndedAsync();
        Assert.Equal(CallStatus.Interrupted, h.Record(alice.CallId).Status);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task NewCalls_WhileStopping_Get503()
    {
        await using var h = await CallHarness.StartAsync();
        await h.Router.StopAsync();

        var alice = await h.Alice.DialAsync("202");

        var refused = await alice.FinalAsync();
        Assert.Equal(503, refused.StatusCode);
        Assert.NotNull(refused.GetHeader(SipHeaderId.RetryAfter));
        await h.CallsEndedAsync();
        Assert.DoesNotContain(h.Bob.Received, m => m.IsRequest);
        Assert.Empty(new CallRecordRepository(h.Registrar.Database).ListRecent());
        h.AssertNothingLeaked();
    }

    // The stop waited for the peers' answers or a 2 s grace, whichever came first: the answers came, and the grace's
    // delay is the one timer left; it runs out on its own and touches no call.
    private static void GraceRunsOut(CallHarness h)
    {
        Assert.Equal([TimeSpan.FromSeconds(2)], h.Clock.Pending);
        h.Advance(TimeSpan.FromSeconds(2));
    }
}
