using ContactCenter.Data.Repositories;
using ContactCenter.Sip.Messages;

using Xunit;

namespace ContactCenter.Pbx.Tests.Calls;

/// <summary>A leg that fails ends the call: timeouts, 481, transport errors, a missing ACK (issue #3 §4).</summary>
[Trait("Category", "Integration")]
public class CallFailureTests
{
    [Fact]
    public async Task APassedReinviteThatTimesOut_Is408ForTheSender_AndHangsUpTheCall()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);
        var hold = alice.Send(SipMethod.Invite, h.Alice.Sdp("sendonly", version: 2));
        await bob.RequestAsync(SipMethod.Invite); // Bob's phone has gone away: it never answers
        await h.StackSettledAsync();

        h.Advance(TimeSpan.FromSeconds(32)); // Timer B, 64*T1

        Assert.Equal(408, (await alice.FinalTo(hold)).StatusCode);
        await alice.ByeAsync();
        await h.CallsEndedAsync();
        h.AssertRecord(alice.CallId, CallStatus.Failed, HangupParty.System, "408 from the callee");
        // §12.2.1.2: the callee's dialog is over with the 408; no BYE goes to a phone that is not there.
        Assert.DoesNotContain(h.Bob.Received, m => m.IsRequest && m.Method == SipMethod.Bye);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task APassedRequestAnswered481_IsPassedBack_AndHangsUpTheCall()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);
        var info = bob.Send(SipMethod.Info, "Signal=1\r\nDuration=160\r\n", "application/dtmf-relay");

        alice.Respond(await alice.RequestAsync(SipMethod.Info), 481);

        Assert.Equal(481, (await bob.FinalTo(info)).StatusCode);
        await bob.ByeAsync();
        await h.CallsEndedAsync();
        Assert.Equal("481 from the caller", h.Record(alice.CallId).EndReason);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task APassedReinviteThatCannotBeSent_HangsUpTheCall()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);
        // Bob's phone is unreachable now (a TCP connection refused, an ICMP error): sending to it fails.
        h.Registrar.Sip.Network.FailSend = m => m.IsRequest && m.CallId == bob.CallId && m.Method == SipMethod.Invite;

        var hold = alice.Send(SipMethod.Invite, h.Alice.Sdp("sendonly", version: 2));

        Assert.Equal(503, (await alice.FinalTo(hold)).StatusCode);
        await alice.ByeAsync();
        await h.CallsEndedAsync();
        h.AssertRecord(alice.CallId, CallStatus.Failed, HangupParty.System, "503 from the callee");
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task APeerAnswering503ItselfToAPassedRequest_KeepsTheCall()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);
        var info = alice.Send(SipMethod.Info, "Signal=1\r\nDuration=160\r\n", "application/dtmf-relay");

        // RFC 5057 §5.1: a 503 received from the peer fails that transaction only; the dialog lives on.
        bob.Respond(await bob.RequestAsync(SipMethod.Info), 503);

        Assert.Equal(503, (await alice.FinalTo(info)).StatusCode);
        await alice.SettledAsync();
        await h.HangUpAsync(alice, bob);
        Assert.Equal(CallStatus.Answered, h.Record(alice.CallId).Status);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ARingingContactThatCannotBeReached_LeavesTheCallerUnavailable()
    {
        await using var h = await CallHarness.StartAsync();
        h.Registrar.Sip.Network.FailSend = m => m.IsRequest && m.Method == SipMethod.Invite && m.RequestUriText.Contains(":5072", StringComparison.Ordinal);

        var alice = await h.Alice.DialAsync("202");

        Assert.Equal(480, (await alice.FinalAsync()).StatusCode);
        await h.CallsEndedAsync();
        Assert.Equal(CallStatus.Failed, h.Record(alice.CallId).Status);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task AContactThatNeverAnswers_TimesOut_AndTheCallerGets480()
    {
        await using var h = await CallHarness.StartAsync(new Pbx.Calls.CallOptions { RingSeconds = 60 });
        var alice = await h.Alice.DialAsync("202");
        await h.Bob.IncomingAsync(); // not even a 100 Trying
        await h.StackSettledAsync();

        h.Advance(TimeSpan.FromSeconds(32));

        Assert.Equal(480, (await alice.FinalAsync()).StatusCode);
        await h.CallsEndedAsync();
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.Failed, record.Status);
        Assert.Equal("408 Request Timeout", record.EndReason);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ACallerThatNeverAcknowledgesTheAnswer_IsHungUp_AndSoIsTheCallee()
    {
        await using var h = await CallHarness.StartAsync();
        var alice = await h.Alice.DialAsync("202");
        var bob = await h.Bob.IncomingAsync();
        bob.Answer();
        await bob.AckAsync();
        Assert.Equal(200, (await alice.FinalAsync()).StatusCode); // and no ACK
        await h.StackSettledAsync();

        h.Advance(TimeSpan.FromSeconds(32)); // §13.3.1.4: 64*T1 of 2xx retransmissions

        await h.HungUpByTheApplianceAsync(alice, bob);
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.Failed, record.Status);
        Assert.Equal("no ACK from the caller", record.EndReason);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task AByeThatIsNeverAnswered_StillLetsTheCallEnd()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);

        await alice.HangUpAsync();
        await bob.RequestAsync(SipMethod.Bye); // Bob's phone is gone: no answer
        await h.StackSettledAsync();
        h.Advance(TimeSpan.FromSeconds(32)); // Timer F

        await h.CallsEndedAsync();
        Assert.Equal(CallStatus.Answered, h.Record(alice.CallId).Status);
        h.AssertNothingLeaked();
    }
}
