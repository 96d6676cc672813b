using ContactCenter.Data.Repositories;
using ContactCenter.Pbx.Calls;
using ContactCenter.Sip.Messages;

using Xunit;

namespace ContactCenter.Pbx.Tests.Calls;

/// <summary>RFC 4028 session timers on both legs (issue #3 §5), on the fake clock.</summary>
[Trait("Category", "Integration")]
public class SessionTimerTests
{
    private const string CallerRefreshes90 = "Supported: timer\nSession-Expires: 90;refresher=uac";

    [Fact]
    public async Task ACallerThatSupportsTimers_AskingBelowMinSE_Gets422WithMinSE_AndNothingRingsOrIsRecorded()
    {
        await using var h = await CallHarness.StartAsync(new CallOptions { MinSessionSeconds = 120 });

        var alice = await h.Alice.DialAsync("202", extraHeaders: "Supported: timer\nSession-Expires: 90");

        var refused = await alice.FinalAsync();
        Assert.Equal(422, refused.StatusCode);
        Assert.Equal("120", refused.GetHeader(SipHeaderId.MinSE));
        await h.CallsEndedAsync();
        Assert.DoesNotContain(h.Bob.Received, m => m.IsRequest);
        // A step of the negotiation, not a call: the caller's retry with a longer interval is the one call recorded.
        Assert.DoesNotContain(new CallRecordRepository(h.Registrar.Database).ListRecent(), r => r.CallId == alice.CallId);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task TheAnswer_CarriesSessionExpiresAndRequireTimer_ForACallerThatSupportsTimers()
    {
        await using var h = await CallHarness.StartAsync();

        var (alice, bob) = await CallSetupTests.Connect(h, callerHeaders: CallerRefreshes90);

        var ok = h.Alice.Received.Last(m => m.StatusCode == 200 && m.CSeq.Method == SipMethod.Invite);
        Assert.Equal("90;refresher=uac", ok.GetHeader(SipHeaderId.SessionExpires));
        Assert.Equal("timer", ok.GetHeader(SipHeaderId.Require));
        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ACallerWithoutTimerSupport_AskingBelowMinSE_IsRaisedToIt_AndTheApplianceRefreshes()
    {
        await using var h = await CallHarness.StartAsync();

        var (alice, bob) = await CallSetupTests.Connect(h, callerHeaders: "Session-Expires: 60");

        var ok = h.Alice.Received.Last(m => m.StatusCode == 200 && m.CSeq.Method == SipMethod.Invite);
        Assert.Equal("90;refresher=uas", ok.GetHeader(SipHeaderId.SessionExpires));
        Assert.Null(ok.GetHeader(SipHeaderId.Require));
        h.Advance(TimeSpan.FromSeconds(45));
        var update = await alice.RequestAsync(SipMethod.Update);
        Assert.Equal("90;refresher=uac", update.GetHeader(SipHeaderId.SessionExpires));
        alice.Respond(update, 200, extraHeaders: "Session-Expires: 90;refresher=uac");
        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ASessionTheCallerNeverRefreshes_EndsWithByeOnBothLegs_AndIsRecordedAsFailed()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h, callerHeaders: CallerRefreshes90);

        // RFC 4028 §10: the BYE goes at interval - min(32, interval/3) = 60 s.
        h.Advance(TimeSpan.FromSeconds(59));
        h.Advance(TimeSpan.FromSeconds(1));

        await h.HungUpByTheApplianceAsync(alice, bob);
        var record = h.AssertRecord(alice.CallId, CallStatus.Failed, HangupParty.System, "session with the caller expired");
        Assert.Equal(TimeSpan.FromSeconds(60), record.TalkTime);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task TheCallersUpdateRefresh_IsAnsweredHere_AndPostponesTheExpiry()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h, callerHeaders: CallerRefreshes90);
        h.Advance(TimeSpan.FromSeconds(50));

        var refresh = alice.Send(SipMethod.Update, extraHeaders: CallerRefreshes90);

        var ok = await alice.FinalTo(refresh);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("90;refresher=uac", ok.GetHeader(SipHeaderId.SessionExpires));
        h.Advance(TimeSpan.FromSeconds(60));
        await h.HungUpByTheApplianceAsync(alice, bob);
        Assert.Equal(TimeSpan.FromSeconds(110), h.Record(alice.CallId).TalkTime);
        Assert.DoesNotContain(h.Bob.Received, m => m.IsRequest && m.Method == SipMethod.Update);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task TheCallersReinviteRefresh_IsPassedAcross_AndPostponesTheExpiry()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h, callerHeaders: CallerRefreshes90);
        h.Advance(TimeSpan.FromSeconds(50));

        var refresh = alice.Send(SipMethod.Invite, h.Alice.Sdp(), extraHeaders: CallerRefreshes90);
        var forwarded = await bob.RequestAsync(SipMethod.Invite);
        bob.Respond(forwarded, 200, h.Bob.Sdp());

        var ok = await alice.FinalTo(refresh);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("90;refresher=uac", ok.GetHeader(SipHeaderId.SessionExpires));
        alice.AckReinvite(refresh);
        h.Advance(TimeSpan.FromSeconds(60));
        await h.HungUpByTheApplianceAsync(alice, bob);
        Assert.Equal(TimeSpan.FromSeconds(110), h.Record(alice.CallId).TalkTime);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task WhenTheApplianceRefreshes_ItSendsUpdate_AtHalfTheInterval_Again_AndAgain()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h, callerHeaders: "Supported: timer\nSession-Expires: 120;refresher=uas");
        var ok = h.Alice.Received.Last(m => m.StatusCode == 200 && m.CSeq.Method == SipMethod.Invite);
        Assert.Equal("120;refresher=uas", ok.GetHeader(SipHeaderId.SessionExpires));
        await h.Clock.ArmedAsync(TimeSpan.FromSeconds(60));

        for (var round = 0; round < 2; round++)
        {
            h.Advance(TimeSpan.FromSeconds(60));
            var update = await alice.RequestAsync(SipMethod.Update);
            Assert.True(update.Body.IsEmpty);
            Assert.Equal("120;refresher=uac", update.GetHeader(SipHeaderId.SessionExpires));
            Assert.Contains("timer", update.GetHeader(SipHeaderId.Supported), StringComparison.Ordinal);
            alice.Respond(update, 200, extraHeaders: "Session-Expires: 120;refresher=uac\nRequire: timer");
            // The refresh went through: the next one is due in half the interval again (RFC 4028 §10).
            await h.Clock.ArmedAsync(TimeSpan.FromSeconds(60));
        }

        await h.HangUpAsync(alice, bob);
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.Answered, record.Status);
        Assert.DoesNotContain(h.Bob.Received, m => m.IsRequest && m.Method == SipMethod.Update);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task WhenTheApplianceRefreshes_APeerWithoutUpdate_GetsAReinviteOfferingTheSameSdp()
    {
        await using var h = await CallHarness.StartAsync();
        var alice = await h.Alice.DialAsync("202", extraHeaders: "Supported: timer\nSession-Expires: 120;refresher=uas",
            allow: "INVITE, ACK, BYE, CANCEL, OPTIONS");
        var bob = await h.Bob.IncomingAsync();
        bob.Answer();
        await bob.AckAsync();
        var ok = await alice.AnsweredAsync();
        await alice.SettledAsync();

        h.Advance(TimeSpan.FromSeconds(60));

        var refresh = await alice.RequestAsync(SipMethod.Invite);
        Assert.Equal(ok.Body.ToArray(), refresh.Body.ToArray());
        Assert.Equal("120;refresher=uac", refresh.GetHeader(SipHeaderId.SessionExpires));
        alice.Respond(refresh, 200, h.Alice.Sdp(), extraHeaders: "Session-Expires: 120;refresher=uac");
        await alice.AckAsync(refresh);
        Assert.DoesNotContain(h.Bob.Received, m => m.IsRequest && m.Method == SipMethod.Invite && m.To.Tag is not null);
        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task TheCalleesTimer_WithUsAsRefresher_IsRefreshedByReinvite()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h, calleeHeaders: "Supported: timer\nSession-Expires: 120;refresher=uac");

        h.Advance(TimeSpan.FromSeconds(60));

        var refresh = await bob.RequestAsync(SipMethod.Invite);
        Assert.Equal("120;refresher=uac", refresh.GetHeader(SipHeaderId.SessionExpires));
        Assert.True(PhoneCall.ParseSdp(refresh)!.TryGetAudioEndpoint(out var offered));
        Assert.True(bob.RemoteSdp!.TryGetAudioEndpoint(out var first));
        Assert.Equal(first.Rtp, offered.Rtp);
        bob.Respond(refresh, 200, h.Bob.Sdp(), extraHeaders: "Session-Expires: 120;refresher=uac");
        await bob.AckAsync(refresh);
        await h.HangUpAsync(bob, alice);
        Assert.Equal(CallStatus.Answered, h.Record(alice.CallId).Status);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task RefreshingOneLeg_DoesNotPostponeTheOtherLegsRefresh()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h, callerHeaders: "Supported: timer\nSession-Expires: 300;refresher=uas",
            calleeHeaders: "Supported: timer\nSession-Expires: 90;refresher=uac\nAllow: INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE");

        await h.Clock.ArmedAsync(TimeSpan.FromSeconds(45)); // armed at the answer

        // Bob's leg is refreshed every 45 s; each refresh concerns Bob's dialog only.
        for (var round = 0; round < 3; round++)
        {
            h.Advance(TimeSpan.FromSeconds(45));
            var refresh = await bob.RequestAsync(SipMethod.Update);
            bob.Respond(refresh, 200, extraHeaders: "Session-Expires: 90;refresher=uac");
            await h.Clock.ArmedAsync(TimeSpan.FromSeconds(45));
        }
        h.Advance(TimeSpan.FromSeconds(15));

        // Alice's leg is still refreshed at half her interval, 150 s after the answer.
        var update = await alice.RequestAsync(SipMethod.Update);
        Assert.Equal("300;refresher=uac", update.GetHeader(SipHeaderId.SessionExpires));
        alice.Respond(update, 200, extraHeaders: "Session-Expires: 300;refresher=uac");
        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ARefreshRefusedWith491_IsTriedAgain_BeforeThePeersSessionExpires()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h, callerHeaders: "Supported: timer\nSession-Expires: 120;refresher=uas");
        h.Advance(TimeSpan.FromSeconds(60));
        var first = await alice.RequestAsync(SipMethod.Update);

        alice.Respond(first, 491);
        await h.Clock.ArmedAsync(TimeSpan.FromSeconds(15)); // an eighth of the interval

        // Alice drops the session 120 - min(32, 120/3) = 88 s after the answer unless refreshed; the retry comes earlier.
        h.Advance(TimeSpan.FromSeconds(27));
        var retry = await alice.RequestAsync(SipMethod.Update);
        Assert.NotEqual(first.CSeq.Number, retry.CSeq.Number);
        alice.Respond(retry, 200, extraHeaders: "Session-Expires: 120;refresher=uac");
        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task APeerRefusingTheUpdateRefreshWith501_IsRefreshedByReinviteInstead()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h, callerHeaders: "Supported: timer\nSession-Expires: 120;refresher=uas");
        h.Advance(TimeSpan.FromSeconds(60));

        alice.Respond(await alice.RequestAsync(SipMethod.Update), 501);
        await h.Clock.ArmedAsync(TimeSpan.FromSeconds(15));
        h.Advance(TimeSpan.FromSeconds(15));

        var reinvite = await alice.RequestAsync(SipMethod.Invite);
        Assert.False(reinvite.Body.IsEmpty);
        alice.Respond(reinvite, 200, h.Alice.Sdp(), extraHeaders: "Session-Expires: 120;refresher=uac");
        await alice.AckAsync(reinvite);
        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ACalleeThatNeverRefreshes_EndsTheCall()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h, calleeHeaders: "Session-Expires: 90;refresher=uas");

        h.Advance(TimeSpan.FromSeconds(60));

        await h.HungUpByTheApplianceAsync(alice, bob);
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.Failed, record.Status);
        Assert.Equal("session with the callee expired", record.EndReason);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ARefreshAnswered481_EndsTheCall()
    {
        await using var h = await CallHarness.StartAsync();
        var (alice, bob) = await CallSetupTests.Connect(h, callerHeaders: "Supported: timer\nSession-Expires: 120;refresher=uas");

        h.Advance(TimeSpan.FromSeconds(60));
        var update = await alice.RequestAsync(SipMethod.Update);
        alice.Respond(update, 481);

        await bob.ByeAsync();
        await h.CallsEndedAsync();
        var record = h.Record(alice.CallId);
        Assert.Equal(CallStatus.Failed, record.Status);
        Assert.Equal("481 from the caller", record.EndReason);
        Assert.DoesNotContain(h.Alice.Received, m => m.IsRequest && m.Method == SipMethod.Bye);
        h.AssertNothingLeaked();
    }
}
