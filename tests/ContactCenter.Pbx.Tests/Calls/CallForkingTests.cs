using ContactCenter.Data.Repositories;
using ContactCenter.Sip.Messages;

using Xunit;

namespace ContactCenter.Pbx.Tests.Calls;

/// <summary>Every registered contact of the callee rings in parallel; the first 2xx wins (issue #3 §3).</summary>
[Trait("Category", "Integration")]
public class CallForkingTests
{
    private const string CompletedElsewhere = "SIP;cause=200;text=\"Call completed elsewhere\"";

    [Fact]
    public async Task TwoContacts_BothRing_TheFirst200Wins_AndTheOtherIsCancelledWithCompletedElsewhere()
    {
        await using var h = await CallHarness.StartAsync(bobSoftphone: true);
        var (alice, desk, soft) = await DialBothOfBobsPhonesAsync(h);
        Assert.NotEqual(desk.CallId, soft.CallId);
        desk.Ring();
        soft.Ring();
        await alice.ResponseAsync(180);

        soft.Answer();

        await soft.AckAsync();
        var cancel = await desk.CancelledAsync();
        Assert.Equal(CompletedElsewhere, cancel.GetHeader(SipHeaderId.Reason));
        desk.AcceptCancel(cancel);
        await desk.AckAsync();
        await alice.AnsweredAsync();
        await h.HangUpAsync(alice, soft);
        // The caller heard one ringing, though two phones rang.
        Assert.Single(h.Alice.Received, m => m.StatusCode == 180);
        Assert.DoesNotContain(h.Bob.Received, m => m.IsRequest && m.Method == SipMethod.Bye);
        Assert.Equal(CallStatus.Answered, h.Record(alice.CallId).Status);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ALate200FromTheLoser_AfterItsCancel_IsAcknowledged_ThenHungUp_AndTheCallGoesOn()
    {
        await using var h = await CallHarness.StartAsync(bobSoftphone: true);
        var (alice, desk, soft) = await DialBothOfBobsPhonesAsync(h);
        desk.Ring();
        soft.Ring();
        soft.Answer();
        await soft.AckAsync();
        var cancel = await desk.CancelledAsync();

        // The desk phone was picked up as the CANCEL crossed: its 200 to the INVITE, then 200 to the CANCEL.
        desk.Answer();
        h.Bob.Send(cancel.CreateResponse(200));

        var ack = await desk.AckAsync();
        Assert.Equal(desk.CallId, ack.CallId);
        var bye = await desk.ByeAsync();
        Assert.Equal(CompletedElsewhere, bye.GetHeader(SipHeaderId.Reason));
        Assert.True(h.Bob.Received.ToList().FindIndex(m => m.Method == SipMethod.Ack && m.IsRequest)
            < h.Bob.Received.ToList().FindIndex(m => m.Method == SipMethod.Bye && m.IsRequest), "ACK before BYE");
        await alice.AnsweredAsync();
        // The call between Alice and the softphone is unaffected.
        var info = alice.Send(SipMethod.Info, "Signal=1\r\nDuration=160\r\n", "application/dtmf-relay");
        soft.Respond(await soft.RequestAsync(SipMethod.Info), 200);
        Assert.Equal(200, (await alice.FinalTo(info)).StatusCode);
        await h.HangUpAsync(alice, soft);
        Assert.Equal(CallStatus.Answered, h.Record(alice.CallId).Status);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task OneContactBusy_TheOtherStillRings_AndAnswers()
    {
        await using var h = await CallHarness.StartAsync(bobSoftphone: true);
        var (alice, desk, soft) = await DialBothOfBobsPhonesAsync(h);

        desk.Refuse(486);
        await desk.AckAsync();
        soft.Ring();
        await alice.ResponseAsync(180);
        soft.Answer();
        await soft.AckAsync();

        await alice.AnsweredAsync();
        await h.HangUpAsync(soft, alice);
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.Answered, record.Status);
        Assert.Equal(HangupParty.Callee, record.HangupBy);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task EveryContactRefusing_OneBusy_IsBusyForTheCaller()
    {
        await using var h = await CallHarness.StartAsync(bobSoftphone: true);
        var (alice, desk, soft) = await DialBothOfBobsPhonesAsync(h);

        soft.Refuse(480);
        desk.Refuse(486);

        Assert.Equal(486, (await alice.FinalAsync()).StatusCode);
        await h.CallsEndedAsync();
        Assert.Equal(CallStatus.Busy, h.Record(alice.CallId).Status);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task EveryContactUnavailable_Is480ForTheCaller_AndFailed()
    {
        await using var h = await CallHarness.StartAsync(bobSoftphone: true);
        var (alice, desk, soft) = await DialBothOfBobsPhonesAsync(h);

        desk.Refuse(404);
        soft.Refuse(480);

        Assert.Equal(480, (await alice.FinalAsync()).StatusCode);
        await h.CallsEndedAsync();
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.Failed, record.Status);
        Assert.Equal("404 Not Found", record.EndReason);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task NoAnswer_CancelsEveryRingingContact()
    {
        await using var h = await CallHarness.StartAsync(new Pbx.Calls.CallOptions { RingSeconds = 15 }, bobSoftphone: true);
        var (alice, desk, soft) = await DialBothOfBobsPhonesAsync(h);
        desk.Ring();
        soft.Ring();
        await alice.ResponseAsync(180);

        h.Advance(TimeSpan.FromSeconds(15));

        desk.AcceptCancel(await desk.CancelledAsync());
        soft.AcceptCancel(await soft.CancelledAsync());
        Assert.Equal(480, (await alice.FinalAsync()).StatusCode);
        await h.CallsEndedAsync();
        Assert.Equal(CallStatus.NoAnswer, h.Record(alice.CallId).Status);
        h.AssertNothingLeaked();
    }

    /// <summary>Alice calls 202; Bob's desk phone and softphone both get the INVITE.</summary>
    internal static async Task<(PhoneCall Alice, PhoneCall Desk, PhoneCall Soft)> DialBothOfBobsPhonesAsync(CallHarness h)
    {
        var alice = await h.Alice.DialAsync("202");
        return (alice, await h.Bob.IncomingAsync(), await h.BobSoftphone.IncomingAsync());
    }
}
