using ContactCenter.Data.Repositories;
using ContactCenter.Media.Sdp;
using ContactCenter.Sip.Messages;

using Xunit;

namespace ContactCenter.Pbx.Tests.Calls;

/// <summary>The established call (issue #3 §4): requests passed across, answered locally, refused.</summary>
[Trait("Category", "Integration")]
public class CallDialogTests
{
    [Theory]
    [InlineData("sendonly", "recvonly")]
    [InlineData("inactive", "inactive")]
    [InlineData("recvonly", "sendonly")]
    public async Task HoldReinvite_IsPassedToTheOtherSide_AndItsAnswerComesBack_BothPointingAtTheRelay(string offered, string answered)
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);
        var relayForBob = Endpoint(bob.RemoteSdp!);
        var relayForAlice = Endpoint(alice.RemoteSdp!);

        var hold = alice.Send(SipMethod.Invite, h.Alice.Sdp(offered, version: 2));

        var forwarded = await bob.RequestAsync(SipMethod.Invite);
        var offer = PhoneCall.ParseSdp(forwarded)!;
        Assert.Equal(Direction(offered), Endpoint(offer).Direction);
        Assert.Equal(relayForBob.Rtp, Endpoint(offer).Rtp);
        bob.Respond(forwarded, 200, h.Bob.Sdp(answered, version: 2));
        await bob.AckAsync(forwarded);
        var ok = await alice.FinalTo(hold);
        Assert.Equal(200, ok.StatusCode);
        var answer = PhoneCall.ParseSdp(ok)!;
        Assert.Equal(Direction(answered), Endpoint(answer).Direction);
        Assert.Equal(relayForAlice.Rtp, Endpoint(answer).Rtp);
        alice.AckReinvite(hold);

        // And back off hold.
        var resume = alice.Send(SipMethod.Invite, h.Alice.Sdp("sendrecv", version: 3));
        var forwardedResume = await bob.Phone.ExpectAsync(m => m.IsRequest && m.Method == SipMethod.Invite && m.CSeq.Number > forwarded.CSeq.Number, "the resume");
        Assert.Equal(SdpDirection.SendRecv, Endpoint(PhoneCall.ParseSdp(forwardedResume)!).Direction);
        bob.Respond(forwardedResume, 200, h.Bob.Sdp("sendrecv", version: 3));
        Assert.Equal(200, (await alice.FinalTo(resume)).StatusCode);
        alice.AckReinvite(resume);

        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task UpdateWithSdp_IsPassedAcross_AndItsAnswerIsRewrittenBack()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);

        var update = bob.Send(SipMethod.Update, h.Bob.Sdp("sendonly", version: 2));

        var forwarded = await alice.RequestAsync(SipMethod.Update);
        var offer = PhoneCall.ParseSdp(forwarded)!;
        Assert.Equal(SdpDirection.SendOnly, Endpoint(offer).Direction);
        Assert.Equal(Endpoint(alice.RemoteSdp!).Rtp, Endpoint(offer).Rtp);
        alice.Respond(forwarded, 200, h.Alice.Sdp("recvonly", version: 2));
        var ok = await bob.FinalTo(update);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(Endpoint(bob.RemoteSdp!).Rtp, Endpoint(PhoneCall.ParseSdp(ok)!).Rtp);
        Assert.Equal(SdpDirection.RecvOnly, Endpoint(PhoneCall.ParseSdp(ok)!).Direction);

        await h.HangUpAsync(bob, alice);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task Info_IsPassedAcrossWithItsBody_AndTheAnswerComesBack()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);

        var info = alice.Send(SipMethod.Info, "Signal=5\r\nDuration=160\r\n", "application/dtmf-relay");

        var forwarded = await bob.RequestAsync(SipMethod.Info);
        Assert.Equal("application/dtmf-relay", forwarded.ContentType);
        Assert.Equal("Signal=5\r\nDuration=160\r\n", System.Text.Encoding.UTF8.GetString(forwarded.Body.Span));
        bob.Respond(forwarded, 200);
        Assert.Equal(200, (await alice.FinalTo(info)).StatusCode);

        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task AnErrorToAPassedRequest_ReachesTheSender_AndTheCallGoesOn()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);

        var info = alice.Send(SipMethod.Info, "Signal=5\r\nDuration=160\r\n", "application/dtmf-relay");
        bob.Respond(await bob.RequestAsync(SipMethod.Info), 415);

        Assert.Equal(415, (await alice.FinalTo(info)).StatusCode);
        var options = alice.Send(SipMethod.Options);
        Assert.Equal(200, (await alice.FinalTo(options)).StatusCode);
        await h.HangUpAsync(alice, bob);
        Assert.Equal(CallStatus.Answered, h.Record(alice.CallId).Status);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task UpdateWithoutSdp_IsASessionRefresh_AnsweredHere_NotPassedOn()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);

        var update = alice.Send(SipMethod.Update);

        var ok = await alice.FinalTo(update);
        Assert.Equal(200, ok.StatusCode);
        Assert.True(ok.Body.IsEmpty);
        await h.HangUpAsync(alice, bob);
        Assert.DoesNotContain(h.Bob.Received, m => m.IsRequest && m.Method == SipMethod.Update);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ReinviteWithoutSdp_IsAnsweredHere_WithTheLastSdpSent_AndTheAnswerComesInTheAck()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);
        var firstAnswer = h.Alice.Received.Last(m => m.StatusCode == 200 && m.CSeq.Method == SipMethod.Invite);

        var reinvite = alice.Send(SipMethod.Invite);

        var ok = await alice.FinalTo(reinvite);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(firstAnswer.Body.ToArray(), ok.Body.ToArray());
        alice.AckReinvite(reinvite, h.Alice.Sdp(version: 2));
        // The call still carries requests afterwards (the ACK was taken, nothing broke).
        var options = alice.Send(SipMethod.Options);
        Assert.Equal(200, (await alice.FinalTo(options)).StatusCode);
        await h.HangUpAsync(alice, bob);
        Assert.Single(h.Bob.Received, m => m.IsRequest && m.Method == SipMethod.Invite);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task OptionsInTheDialog_IsAnswered200Here()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);

        var options = bob.Send(SipMethod.Options);

        var ok = await bob.FinalTo(options);
        Assert.Equal(200, ok.StatusCode);
        Assert.Contains("UPDATE", ok.GetHeader(SipHeaderId.Allow), StringComparison.Ordinal);
        await h.HangUpAsync(bob, alice);
        Assert.DoesNotContain(h.Alice.Received, m => m.IsRequest && m.Method == SipMethod.Options);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task AnOfferWhileAnotherIsUnderWay_Gets491()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);
        var hold = alice.Send(SipMethod.Invite, h.Alice.Sdp("sendonly", version: 2));
        var forwarded = await bob.RequestAsync(SipMethod.Invite);

        var crossing = bob.Send(SipMethod.Invite, h.Bob.Sdp("sendonly", version: 2));

        Assert.Equal(491, (await bob.FinalTo(crossing)).StatusCode);
        bob.Respond(forwarded, 200, h.Bob.Sdp("recvonly", version: 2));
        Assert.Equal(200, (await alice.FinalTo(hold)).StatusCode);
        alice.AckReinvite(hold);
        // Once the first offer completed, the next one goes through.
        var retry = bob.Send(SipMethod.Invite, h.Bob.Sdp("sendrecv", version: 3));
        var passed = await alice.RequestAsync(SipMethod.Invite);
        alice.Respond(passed, 200, h.Alice.Sdp("sendrecv", version: 3));
        Assert.Equal(200, (await bob.FinalTo(retry)).StatusCode);
        bob.AckReinvite(retry);
        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ACancelledReinvite_IsCancelledOnTheOtherDialogToo()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);
        var hold = alice.Send(SipMethod.Invite, h.Alice.Sdp("sendonly", version: 2));
        var forwarded = await bob.RequestAsync(SipMethod.Invite);
        bob.Respond(forwarded, 100);

        // §9.1: CANCEL copies the re-INVITE's Via, Request-URI, From, To, Call-ID and CSeq number.
        h.Alice.Send(SipMessageBuilder.Request(SipMethod.Cancel, hold.RequestUriText)
            .Add(SipHeaderId.Via, hold.GetHeader(SipHeaderId.Via)!)
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, hold.GetHeader(SipHeaderId.From)!)
            .Add(SipHeaderId.To, hold.GetHeader(SipHeaderId.To)!)
            .Add(SipHeaderId.CallId, hold.CallId)
            .Add(SipHeaderId.CSeq, $"{hold.CSeq.Number} CANCEL"));

        Assert.Equal(487, (await alice.FinalTo(hold)).StatusCode);
        var cancel = await bob.Phone.ExpectAsync(m => m.IsRequest && m.Method == SipMethod.Cancel, "the CANCEL of the passed re-INVITE");
        Assert.Equal(forwarded.CSeq.Number, cancel.CSeq.Number);
        bob.Respond(cancel, 200);
        bob.Respond(forwarded, 487);
        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task AByeWhileAPassedReinviteIsPending_AnswersThatReinvite487()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);
        var hold = alice.Send(SipMethod.Invite, h.Alice.Sdp("sendonly", version: 2));
        var forwarded = await bob.RequestAsync(SipMethod.Invite);

        await bob.HangUpAsync(); // Bob hangs up instead of answering the hold

        await alice.ByeAsync();
        // RFC 3261 §15.1.2: the requests still pending in a dialog that ends are answered, 487 recommended.
        Assert.Equal(487, (await alice.FinalTo(hold)).StatusCode);
        bob.Respond(forwarded, 481);
        await h.CallsEndedAsync();
        Assert.Equal(HangupParty.Callee, h.Record(alice.CallId).HangupBy);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ARequestForAnUnknownDialog_Gets481()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);

        var strangerBye = h.Carol.Send(SipMessageBuilder.Request(SipMethod.Bye, "sip:127.0.0.1:5060")
            .Add(SipHeaderId.Via, h.Carol.NewVia())
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, $"<sip:203@127.0.0.1>;tag={SipIdentifiers.NewTag()}")
            .Add(SipHeaderId.To, $"<sip:201@127.0.0.1>;tag={SipIdentifiers.NewTag()}")
            .Add(SipHeaderId.CallId, alice.CallId)
            .Add(SipHeaderId.CSeq, "9 BYE"));
        var outOfDialog = h.Carol.Send(SipMessageBuilder.Request(SipMethod.Bye, "sip:202@127.0.0.1")
            .Add(SipHeaderId.Via, h.Carol.NewVia())
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, $"<sip:203@127.0.0.1>;tag={SipIdentifiers.NewTag()}")
            .Add(SipHeaderId.To, "<sip:202@127.0.0.1>")
            .Add(SipHeaderId.CallId, SipIdentifiers.NewCallId())
            .Add(SipHeaderId.CSeq, "1 BYE"));

        Assert.Equal(481, (await h.Carol.ExpectAsync(m => FakeUa.IsFinalResponseTo(m, strangerBye), "481")).StatusCode);
        Assert.Equal(481, (await h.Carol.ExpectAsync(m => FakeUa.IsFinalResponseTo(m, outOfDialog), "481")).StatusCode);
        // The real call is untouched; once it is over, its own dialog is unknown too.
        await h.HangUpAsync(alice, bob);
        var late = alice.Send(SipMethod.Info, "Signal=1\r\nDuration=100\r\n", "application/dtmf-relay");
        Assert.Equal(481, (await alice.FinalTo(late)).StatusCode);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ARequestWithAnOldCSeq_Gets500_AndChangesNothing()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h);

        var stale = h.Alice.Send(StaleInfo(alice, h.Alice));

        Assert.Equal(500, (await h.Alice.ExpectAsync(m => FakeUa.IsFinalResponseTo(m, stale), "500")).StatusCode);
        await h.HangUpAsync(alice, bob);
        Assert.DoesNotContain(h.Bob.Received, m => m.IsRequest && m.Method == SipMethod.Info);
        h.AssertNothingLeaked();
    }

    // An INFO in Alice's dialog with the CSeq of her INVITE: not above the last one she used (§12.2.2).
    private static SipMessageBuilder StaleInfo(PhoneCall alice, FakeUa phone)
    {
        var dialog = alice.Dialog!;
        return SipMessageBuilder.Request(SipMethod.Info, dialog.RemoteTarget)
            .Add(SipHeaderId.Via, phone.NewVia())
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, $"{dialog.LocalParty};tag={dialog.Id.LocalTag}")
            .Add(SipHeaderId.To, $"{dialog.RemoteParty};tag={dialog.Id.RemoteTag}")
            .Add(SipHeaderId.CallId, dialog.Id.CallId)
            .Add(SipHeaderId.CSeq, $"{alice.Invite.CSeq.Number} INFO");
    }

    private static SdpMediaEndpoint Endpoint(SdpMessage sdp) =>
        sdp.TryGetAudioEndpoint(out var endpoint) ? endpoint : throw new Xunit.Sdk.XunitException("no audio stream");

    private static SdpDirection Direction(string attribute) => attribute switch
    {
        "sendonly" => SdpDirection.SendOnly,
        "recvonly" => SdpDirection.RecvOnly,
        "inactive" => SdpDirection.Inactive,
        _ => SdpDirection.SendRecv,
    };
}
