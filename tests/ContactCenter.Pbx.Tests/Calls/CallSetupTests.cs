using ContactCenter.Data.Repositories;
using ContactCenter.Pbx.Calls;
using ContactCenter.Sip.Messages;

using Xunit;

namespace ContactCenter.Pbx.Tests.Calls;

/// <summary>Routing and the outcomes of a call set-up (issue #3 §3): answered, refused, unanswered, cancelled, busy.</summary>
[Trait("Category", "Integration")]
public class CallSetupTests
{
    [Fact]
    public async Task Invite_WithoutCredentials_IsChallengedWith407_AndOpensNoCall()
    {
        await using var h = await CallHarness.StartAsync();
        var invite = h.Alice.Send(Sip.Messages.SipMessageBuilder.Request(SipMethod.Invite, "sip:202@127.0.0.1")
            .Add(SipHeaderId.Via, h.Alice.NewVia())
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, $"<sip:201@127.0.0.1>;tag={SipIdentifiers.NewTag()}")
            .Add(SipHeaderId.To, "<sip:202@127.0.0.1>")
            .Add(SipHeaderId.CallId, SipIdentifiers.NewCallId())
            .Add(SipHeaderId.CSeq, "1 INVITE")
            .Add(SipHeaderId.Contact, $"<{h.Alice.Contact}>"));

        var challenge = await h.Alice.ExpectAsync(m => FakeUa.IsFinalResponseTo(m, invite), "the challenge");

        Assert.Equal(407, challenge.StatusCode);
        Assert.NotEmpty(challenge.GetHeaders(SipHeaderId.ProxyAuthenticate));
        Assert.Equal(0, h.Router.ActiveCalls);
        Assert.DoesNotContain(h.Bob.Received, m => m.IsRequest);
        await h.CallsEndedAsync();
        Assert.Empty(new CallRecordRepository(h.Registrar.Database).ListRecent());
    }

    [Fact]
    public async Task Invite_WithAWrongPassword_IsChallengedAgain_AndNeverRings()
    {
        await using var h = await CallHarness.StartAsync();

        var call = await h.Alice.DialAsync("202", password: "not-the-password");

        Assert.Equal(407, (await call.FinalAsync()).StatusCode);
        await h.CallsEndedAsync();
        Assert.DoesNotContain(h.Bob.Received, m => m.IsRequest);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task AnsweredCall_RingsTheCallee_Answers_AndEndsWithTheCallersBye()
    {
        await using var h = await CallHarness.StartAsync();

        var alice = await h.Alice.DialAsync("202");
        var bob = await h.Bob.IncomingAsync();
        Assert.Equal("sip:202@127.0.0.1:5072", bob.Invite.RequestUriText);
        Assert.Contains("sip:201@", bob.Invite.GetHeader(SipHeaderId.From), StringComparison.Ordinal);
        bob.Ring();
        await alice.ResponseAsync(180);
        h.Advance(TimeSpan.FromSeconds(4));
        bob.Answer();
        await bob.AckAsync();
        await alice.AnsweredAsync();
        await alice.SettledAsync();
        h.Advance(TimeSpan.FromSeconds(60));

        await alice.HangUpAsync();
        var bye = await bob.ByeAsync();

        Assert.Equal(bob.CallId, bye.CallId);
        await h.CallsEndedAsync();
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.Answered, record.Status);
        Assert.Equal("201", record.Caller);
        Assert.Equal("202", record.Callee);
        Assert.Equal(CallDirection.Internal, record.Direction);
        Assert.Equal(TimeSpan.FromSeconds(4), record.RingTime);
        Assert.Equal(TimeSpan.FromSeconds(60), record.TalkTime);
        Assert.Equal(HangupParty.Caller, record.HangupBy);
        Assert.False(record.IsOpen);
        Assert.Null(record.EndReason);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task CalleesBye_EndsTheCallersLeg_AndIsRecordedAsTheCallees()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await Connect(h);

        await bob.HangUpAsync();
        await alice.ByeAsync();

        await h.CallsEndedAsync();
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.Answered, record.Status);
        Assert.Equal(HangupParty.Callee, record.HangupBy);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task UnknownExtension_Gets404_AndIsRecordedAsFailed()
    {
        await using var h = await CallHarness.StartAsync();

        var alice = await h.Alice.DialAsync("299");

        Assert.Equal(404, (await alice.FinalAsync()).StatusCode);
        await h.CallsEndedAsync();
        h.AssertRecord(alice.CallId, CallStatus.Failed, HangupParty.System, "404 unknown extension");
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ExtensionWithNoRegisteredPhone_Gets480()
    {
        await using var h = await CallHarness.StartAsync(registerBob: false);

        var alice = await h.Alice.DialAsync("202");

        Assert.Equal(480, (await alice.FinalAsync()).StatusCode);
        await h.CallsEndedAsync();
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.Failed, record.Status);
        Assert.Equal("480 not registered", record.EndReason);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task CalleeOnDoNotDisturb_Gets486_WithoutRinging_AndIsRecordedAsBusy()
    {
        await using var h = await CallHarness.StartAsync();
        h.SetStatus("202", ExtensionStatus.DoNotDisturb);

        var alice = await h.Alice.DialAsync("202");

        Assert.Equal(486, (await alice.FinalAsync()).StatusCode);
        await h.CallsEndedAsync();
        Assert.DoesNotContain(h.Bob.Received, m => m.IsRequest);
        h.AssertRecord(alice.CallId, CallStatus.Busy, HangupParty.Callee, "486 do not disturb");
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task CalleeBusy_486_ReachesTheCaller_AndIsRecordedAsBusy()
    {
        await using var h = await CallHarness.StartAsync();
        var alice = await h.Alice.DialAsync("202");
        var bob = await h.Bob.IncomingAsync();
        bob.Ring();
        await alice.ResponseAsync(180);

        bob.Refuse(486);

        Assert.Equal(486, (await alice.FinalAsync()).StatusCode);
        await bob.AckAsync(); // the stack's ACK of the 486 (§17.1.1.3)
        await h.CallsEndedAsync();
        h.AssertRecord(alice.CallId, CallStatus.Busy, HangupParty.Callee, "486 Busy Here");
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task NoAnswer_AfterRingSeconds_Is480NoAnswer_TheCalleeIsCancelled_AndTheRecordSaysNoAnswer()
    {
        await using var h = await CallHarness.StartAsync(new CallOptions { RingSeconds = 20 });
        var alice = await h.Alice.DialAsync("202");
        var bob = await h.Bob.IncomingAsync();
        bob.Ring();
        await alice.ResponseAsync(180);

        h.Advance(TimeSpan.FromSeconds(19));
        h.Advance(TimeSpan.FromSeconds(1));

        var cancel = await bob.CancelledAsync();
        Assert.Equal("SIP;cause=480;text=\"No answer\"", cancel.GetHeader(SipHeaderId.Reason));
        bob.AcceptCancel(cancel);
        var final = await alice.FinalAsync();
        Assert.Equal(480, final.StatusCode);
        Assert.Equal("No Answer", final.ReasonPhrase);
        await bob.AckAsync();
        await h.CallsEndedAsync();
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.NoAnswer, record.Status);
        Assert.Equal(HangupParty.System, record.HangupBy);
        Assert.Equal(TimeSpan.FromSeconds(20), record.RingTime);
        Assert.Equal(TimeSpan.Zero, record.TalkTime);
        Assert.Null(record.AnsweredAt);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task CallerCancel_Gets487FromTheCore_CancelsTheCallee_AndIsRecordedAsCancelled()
    {
        await using var h = await CallHarness.StartAsync();
        var alice = await h.Alice.DialAsync("202");
        var bob = await h.Bob.IncomingAsync();
        bob.Ring();
        await alice.ResponseAsync(180);
        h.Advance(TimeSpan.FromSeconds(3));

        var cancel = alice.Cancel();

        Assert.Equal(200, (await h.Alice.ExpectAsync(m => FakeUa.IsFinalResponseTo(m, cancel), "the 200 to CANCEL")).StatusCode);
        Assert.Equal(487, (await alice.FinalAsync()).StatusCode);
        var forwarded = await bob.CancelledAsync();
        Assert.Equal("SIP;cause=487;text=\"Request Terminated\"", forwarded.GetHeader(SipHeaderId.Reason));
        bob.AcceptCancel(forwarded);
        await bob.AckAsync();
        await h.CallsEndedAsync();
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.Cancelled, record.Status);
        Assert.Equal(HangupParty.Caller, record.HangupBy);
        Assert.Equal(TimeSpan.FromSeconds(3), record.RingTime);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task CallersCancelReason_IsPassedToTheCallee()
    {
        await using var h = await CallHarness.StartAsync();
        var alice = await h.Alice.DialAsync("202");
        var bob = await h.Bob.IncomingAsync();
        bob.Ring();
        await alice.ResponseAsync(180);

        alice.Cancel("SIP;cause=200;text=\"Call completed elsewhere\"");

        Assert.Equal(487, (await alice.FinalAsync()).StatusCode);
        var forwarded = await bob.CancelledAsync();
        Assert.Equal("SIP;cause=200;text=\"Call completed elsewhere\"", forwarded.GetHeader(SipHeaderId.Reason));
        bob.AcceptCancel(forwarded);
        await h.CallsEndedAsync();
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task EarlyMedia_183WithSdp_ReachesTheCaller_PointingAtTheRelay_AndCarriesRtp()
    {
        await using var h = await CallHarness.StartAsync();
        var alice = await h.Alice.DialAsync("202");
        var bob = await h.Bob.IncomingAsync();

        bob.Ring(183, h.Bob.Sdp());

        var progress = await alice.ResponseAsync(183);
        var early = PhoneCall.ParseSdp(progress)!;
        Assert.True(early.TryGetAudioEndpoint(out var relayForAlice));
        Assert.Equal("127.0.0.1", relayForAlice.Rtp.Address.ToString());
        Assert.NotEqual(h.Bob.Media.RtpEndPoint.Port, relayForAlice.Rtp.Port);
        Assert.True(bob.RemoteSdp!.TryGetAudioEndpoint(out var relayForBob));
        // The ringback tone from Bob's phone reaches Alice through the relay.
        h.Bob.Media.SendRtp(relayForBob.Rtp, Media.Tests.Fakes.FakePhone.RtpPacket(1, 0xB0B));
        var (packet, from) = h.Alice.Media.ReceiveRtp();
        Assert.Equal(0xB0Bu, Media.Tests.Fakes.FakePhone.Ssrc(packet));
        Assert.Equal(relayForAlice.Rtp, from);

        // A phone that gives its answer only in the 183 is forgiven: the 200 without SDP still connects.
        bob.Answer(sdp: null);
        await bob.AckAsync();
        var ok = await alice.AnsweredAsync();
        Assert.True(PhoneCall.ParseSdp(ok)!.TryGetAudioEndpoint(out var answered));
        Assert.Equal(relayForAlice.Rtp, answered.Rtp);
        await h.HangUpAsync(alice, bob);
        Assert.Equal(1, h.Record(alice.CallId).PacketsFromCallee);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task LateOffer_TheCalleesOfferGoesToTheCaller_AndTheAnswerInTheAckComesBackRewritten()
    {
        await using var h = await CallHarness.StartAsync();
        var alice = await h.Alice.DialAsync("202", sdp: null);
        var bob = await h.Bob.IncomingAsync();
        Assert.True(bob.Invite.Body.IsEmpty);
        bob.Ring();
        await alice.ResponseAsync(180);

        bob.Answer();
        var ok = await alice.FinalAsync();
        Assert.Equal(200, ok.StatusCode);
        Assert.True(PhoneCall.ParseSdp(ok)!.TryGetAudioEndpoint(out var offered));
        Assert.Equal("127.0.0.1", offered.Rtp.Address.ToString());
        Assert.NotEqual(h.Bob.Media.RtpEndPoint.Port, offered.Rtp.Port);
        alice.Ack(ok, h.Alice.Sdp());

        var ack = await bob.AckAsync();
        var answer = PhoneCall.ParseSdp(ack);
        Assert.NotNull(answer);
        Assert.True(answer.TryGetAudioEndpoint(out var answered));
        Assert.Equal("127.0.0.1", answered.Rtp.Address.ToString());
        Assert.NotEqual(h.Alice.Media.RtpEndPoint.Port, answered.Rtp.Port);
        Assert.NotEqual(offered.Rtp.Port, answered.Rtp.Port);
        // Media flows both ways through the ports of the rewritten SDP.
        h.Alice.Media.SendRtp(offered.Rtp, Media.Tests.Fakes.FakePhone.RtpPacket(7, 0xA11CE));
        Assert.Equal(7, Media.Tests.Fakes.FakePhone.Sequence(h.Bob.Media.ReceiveRtp().Packet));
        h.Bob.Media.SendRtp(answered.Rtp, Media.Tests.Fakes.FakePhone.RtpPacket(8, 0xB0B));
        Assert.Equal(8, Media.Tests.Fakes.FakePhone.Sequence(h.Alice.Media.ReceiveRtp().Packet));

        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ACalleeAnsweringWithoutSdp_ToAnOffer_Is488ForTheCaller_AndIsHungUp()
    {
        await using var h = await CallHarness.StartAsync();
        var alice = await h.Alice.DialAsync("202");
        var bob = await h.Bob.IncomingAsync();

        bob.Answer(sdp: null);

        await bob.AckAsync();
        await bob.ByeAsync();
        Assert.Equal(488, (await alice.FinalAsync()).StatusCode);
        await h.CallsEndedAsync();
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.Failed, record.Status);
        Assert.Equal("callee answered without SDP", record.EndReason);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ARetransmitted200FromTheCallee_IsAcknowledgedAgain()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await Connect(h);
        Assert.Single(h.Bob.Received, m => m.IsRequest && m.Method == SipMethod.Ack);

        // RFC 6026 §7.2 / RFC 3261 §13.2.2.4: Bob's phone missed the ACK and sends its 200 again.
        bob.Answer();

        var again = await bob.AckAsync();
        Assert.Equal(bob.CallId, again.CallId);
        await h.HangUpAsync(alice, bob);
        Assert.Single(h.Alice.Received, m => m.StatusCode == 200 && m.CSeq.Method == SipMethod.Invite && m.CSeq.Number == alice.Invite.CSeq.Number);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task MaxCalls_ReachedRefusesTheNextCallWith503AndRetryAfter()
    {
        await using var h = await CallHarness.StartAsync(new CallOptions { MaxCalls = 1 });
        var (alice, bob) = await Connect(h);

        var carol = await h.Carol.DialAsync("201");

        var refused = await carol.FinalAsync();
        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("5", refused.GetHeader(SipHeaderId.RetryAfter));
        await h.HangUpAsync(alice, bob);
        Assert.Single(new CallRecordRepository(h.Registrar.Database).ListRecent());
        h.AssertNothingLeaked();
    }

    internal static async Task<(PhoneCall Caller, PhoneCall Callee)> Connect(CallHarness h, string callerHeaders = "", string calleeHeaders = "")
    {
        var alice = await h.Alice.DialAsync("202", extraHeaders: callerHeaders);
        var bob = await h.Bob.IncomingAsync();
        bob.Ring();
        await alice.ResponseAsync(180);
        bob.Answer(extraHeaders: calleeHeaders);
        await bob.AckAsync();
        await alice.AnsweredAsync();
        await alice.SettledAsync();
        return (alice, bob);
    }
}
