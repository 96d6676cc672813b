using System.Text;
using ContactCenter.Data.Repositories;
using ContactCenter.Media.Quality;
using ContactCenter.Pbx.Calls;
using ContactCenter.Pbx.Features;
using ContactCenter.Pbx.Tests.Calls;
using ContactCenter.Sip.Messages;

using Xunit;

namespace ContactCenter.Pbx.Tests.Features;

/// <summary>Calls to feature codes, answered by the appliance on a media endpoint with a local application (issue #4 §7).</summary>
[Trait("Category", "Integration")]
public class FeatureCallTests
{
    private static readonly TimeSpan Timeout = FakeUa.ExpectTimeout;

    [Fact]
    public async Task FeatureCode_IsAnsweredWithTheEndpointsSdp_RunsItsApplication_AndEndsWithTheCallersBye()
    {
        await using var f = await FeatureHarness.StartAsync();
        var h = f.Calls;

        var alice = await h.Alice.DialAsync("*44");
        var ok = await alice.AnsweredAsync();

        var endpoint = Assert.Single(f.Endpoints.Created);
        Assert.Contains(h.Alice.Received, m => FakeUa.IsResponseTo(m, alice.Invite) && m.StatusCode == 100);
        Assert.Contains($"m=audio {endpoint.Port} ", Body(ok), StringComparison.Ordinal);
        Assert.Contains($"m=audio {h.Alice.Media.RtpEndPoint.Port} ", Assert.Single(endpoint.OffersAnswered), StringComparison.Ordinal);
        var application = Assert.Single(f.Applications.Created);
        Assert.Equal(FeatureCode.PlaybackTest, application.Code);
        Assert.Same(endpoint, await application.Started.WaitAsync(Timeout));
        Assert.DoesNotContain(h.Bob.Received, m => m.IsRequest);
        h.Advance(TimeSpan.FromSeconds(60));
        endpoint.Quality = new CallQuality(1.5, 4.25, 12, 90.1, 4.3);

        await alice.HangUpAsync();

        await application.Cancelled.WaitAsync(Timeout);
        await h.CallsEndedAsync();
        var record = h.AssertRecord(alice.CallId, CallStatus.Answered, HangupParty.Caller, null);
        Assert.Equal("201", record.Caller);
        Assert.Equal("*44", record.Callee);
        Assert.Equal(TimeSpan.Zero, record.RingTime);
        Assert.Equal(TimeSpan.FromSeconds(60), record.TalkTime);
        // The caller's quality is what the endpoint measured; the appliance's own side has none to report.
        Assert.Equal(new CallLegQuality(1.5, 4.25, 12, 4.3), record.CallerQuality);
        Assert.Null(record.CalleeQuality);
        f.AssertNothingLeaked();
    }

    [Fact]
    public async Task TheApplicationEndingTheCall_SendsBye_AndIsRecordedAsTheCalleesHangUp()
    {
        await using var f = await FeatureHarness.StartAsync();
        var h = f.Calls;
        var alice = await h.Alice.DialAsync("*43");
        await alice.AnsweredAsync();
        var application = Assert.Single(f.Applications.Created);
        await application.Started.WaitAsync(Timeout);
        Assert.Equal(FeatureCode.EchoTest, application.Code);

        application.End();

        await alice.ByeAsync();
        await h.CallsEndedAsync();
        h.AssertRecord(alice.CallId, CallStatus.Answered, HangupParty.Callee, null);
        f.AssertNothingLeaked();
    }

    [Fact]
    public async Task AFailingApplication_HangsUp_AndIsRecordedAsFailed()
    {
        await using var f = await FeatureHarness.StartAsync();
        var h = f.Calls;
        var alice = await h.Alice.DialAsync("*45");
        await alice.AnsweredAsync();
        var application = Assert.Single(f.Applications.Created);
        await application.Started.WaitAsync(Timeout);

        application.Fail(new InvalidOperationException("prompt missing"));

        await alice.ByeAsync();
        await h.CallsEndedAsync();
        h.AssertRecord(alice.CallId, CallStatus.Failed, HangupParty.System, "application failed");
        Assert.Contains(h.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Exception?.Message == "prompt missing");
        Assert.All(f.Endpoints.Created, e => Assert.True(e.IsDisposed));
    }

    [Fact]
    public async Task AnOfferTheEndpointCannotAccept_Gets488_WithAWarning305_AndStartsNoApplication()
    {
        await using var f = await FeatureHarness.StartAsync();
        var h = f.Calls;
        f.Endpoints.Configure = e => e.RefuseOffers = true;

        var alice = await h.Alice.DialAsync("*44");
        var refused = await alice.FinalAsync();

        Assert.Equal(488, refused.StatusCode);
        Assert.StartsWith("305 ", refused.GetHeader("Warning"), StringComparison.Ordinal);
        Assert.Contains("\"Incompatible media format\"", refused.GetHeader("Warning"), StringComparison.Ordinal);
        Assert.Empty(f.Applications.Created);
        await h.CallsEndedAsync();
        h.AssertRecord(alice.CallId, CallStatus.Failed, HangupParty.System, "488 no acceptable media");
        f.AssertNothingLeaked();
    }

    [Fact]
    public async Task NoFreePorts_Gets503()
    {
        await using var f = await FeatureHarness.StartAsync(endpoints: 0);
        var h = f.Calls;

        var alice = await h.Alice.DialAsync("*44");

        Assert.Equal(503, (await alice.FinalAsync()).StatusCode);
        Assert.Empty(f.Applications.Created);
        await h.CallsEndedAsync();
        h.AssertRecord(alice.CallId, CallStatus.Failed, HangupParty.System, "503 no free RTP ports");
        f.AssertNothingLeaked();
    }

    [Fact]
    public async Task AnInviteWithoutSdp_GetsTheEndpointsOfferInThe200_AndItsAckCarriesTheAnswer()
    {
        await using var f = await FeatureHarness.StartAsync();
        var h = f.Calls;

        var alice = await h.Alice.DialAsync("*43", sdp: null);
        var ok = await alice.AnsweredAsync(ackSdp: h.Alice.Sdp());

        var endpoint = Assert.Single(f.Endpoints.Created);
        var application = Assert.Single(f.Applications.Created);
        await application.Started.WaitAsync(Timeout);
        Assert.Contains($"m=audio {endpoint.Port} ", Body(ok), StringComparison.Ordinal);
        Assert.Empty(endpoint.OffersAnswered);
        Assert.Contains($"m=audio {h.Alice.Media.RtpEndPoint.Port} ", Assert.Single(endpoint.AnswersApplied), StringComparison.Ordinal);
        await alice.HangUpAsync();
        await h.CallsEndedAsync();
        f.AssertNothingLeaked();
    }

    [Fact]
    public async Task AnInviteWithoutSdp_WhoseAckHasNoAnswer_IsHungUp_WithoutStartingTheApplication()
    {
        await using var f = await FeatureHarness.StartAsync();
        var h = f.Calls;

        var alice = await h.Alice.DialAsync("*43", sdp: null);
        await alice.AnsweredAsync();

        await alice.ByeAsync();
        await h.CallsEndedAsync();
        Assert.False(Assert.Single(f.Applications.Created).HasStarted);
        h.AssertRecord(alice.CallId, CallStatus.Failed, HangupParty.System, "no usable SDP answer from the caller");
        f.AssertNothingLeaked();
    }

    [Fact]
    public async Task ACallerThatNeverAcknowledges_IsHungUp_WithoutStartingTheApplication()
    {
        await using var f = await FeatureHarness.StartAsync();
        var h = f.Calls;
        var alice = await h.Alice.DialAsync("*44");
        Assert.Equal(200, (await alice.FinalAsync()).StatusCode);
        await h.StackSettledAsync();

        // RFC 3261 §13.3.1.4: the 200 is retransmitted for 64*T1, then the call is given up.
        h.Advance(TimeSpan.FromSeconds(33));

        await alice.ByeAsync();
        await h.CallsEndedAsync();
        Assert.False(Assert.Single(f.Applications.Created).HasStarted);
        h.AssertRecord(alice.CallId, CallStatus.Failed, HangupParty.System, "no ACK from the caller");
        f.AssertNothingLeaked();
    }

    [Fact]
    public async Task HoldAndResume_ByReinvite_AreAnsweredByTheEndpoint()
    {
        await using var f = await FeatureHarness.StartAsync();
        var h = f.Calls;
        var alice = await h.Alice.DialAsync("*44");
        await alice.AnsweredAsync();
        var endpoint = Assert.Single(f.Endpoints.Created);

        var hold = alice.Send(SipMethod.Invite, h.Alice.Sdp("sendonly", version: 2));
        var held = await alice.FinalTo(hold);
        alice.AckReinvite(hold);
        var resume = alice.Send(SipMethod.Invite, h.Alice.Sdp("sendrecv", version: 3));
        var resumed = await alice.FinalTo(resume);
        alice.AckReinvite(resume);

        Assert.Equal(200, held.StatusCode);
        Assert.Contains("a=recvonly", Body(held), StringComparison.Ordinal);
        Assert.Equal(200, resumed.StatusCode);
        Assert.Contains("a=sendrecv", Body(resumed), StringComparison.Ordinal);
        Assert.Equal(3, endpoint.OffersAnswered.Count);
        Assert.Contains(h.Logs.Entries, e => e.Message.Contains("caller holds the call", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Bob.Received, m => m.IsRequest);
        await alice.HangUpAsync();
        await h.CallsEndedAsync();
        f.AssertNothingLeaked();
    }

    [Fact]
    public async Task AReinviteTheEndpointCannotAccept_Gets488_AndTheCallGoesOn()
    {
        await using var f = await FeatureHarness.StartAsync();
        var h = f.Calls;
        var alice = await h.Alice.DialAsync("*44");
        await alice.AnsweredAsync();
        var endpoint = Assert.Single(f.Endpoints.Created);
        endpoint.RefuseOffers = true;

        var reinvite = alice.Send(SipMethod.Invite, h.Alice.Sdp(version: 2));

        var refused = await alice.FinalTo(reinvite);
        Assert.Equal(488, refused.StatusCode);
        Assert.StartsWith("305 ", refused.GetHeader("Warning"), StringComparison.Ordinal);
        await alice.SettledAsync();
        Assert.Equal(1, h.Router.ActiveCalls);
        await alice.HangUpAsync();
        await h.CallsEndedAsync();
        h.AssertRecord(alice.CallId, CallStatus.Answered, HangupParty.Caller, null);
        f.AssertNothingLeaked();
    }

    [Fact]
    public async Task ARefreshByReinvite_OffersAFreshOfferOfTheEndpoint_AndAppliesTheAnswer()
    {
        await using var f = await FeatureHarness.StartAsync();
        var h = f.Calls;
        var alice = await h.Alice.DialAsync("*44", extraHeaders: "Supported: timer\nSession-Expires: 120;refresher=uas",
            allow: "INVITE, ACK, BYE, CANCEL, OPTIONS");
        await alice.AnsweredAsync();
        var endpoint = Assert.Single(f.Endpoints.Created);
        await h.Clock.ArmedAsync(TimeSpan.FromSeconds(60));

        h.Advance(TimeSpan.FromSeconds(60));

        var refresh = await alice.RequestAsync(SipMethod.Invite);
        Assert.Equal(1, endpoint.OffersMade);
        Assert.Equal(endpoint.Sdp(version: 101), Body(refresh));
        alice.Respond(refresh, 200, h.Alice.Sdp(version: 2), extraHeaders: "Session-Expires: 120;refresher=uac");
        await alice.AckAsync(refresh);
        await alice.SettledAsync();
        Assert.Contains(" 2 IN IP4", Assert.Single(endpoint.AnswersApplied), StringComparison.Ordinal);
        await alice.HangUpAsync();
        await h.CallsEndedAsync();
        f.AssertNothingLeaked();
    }

    [Fact]
    public async Task InfoDigits_InBothFormats_ReachTheEndpoint_InOrder()
    {
        await using var f = await FeatureHarness.StartAsync();
        var h = f.Calls;
        var alice = await h.Alice.DialAsync("*45");
        await alice.AnsweredAsync();
        var endpoint = Assert.Single(f.Endpoints.Created);

        var relay = alice.Send(SipMethod.Info, "Signal=5\r\nDuration=160\r\n", "application/dtmf-relay");
        Assert.Equal(200, (await alice.FinalTo(relay)).StatusCode);
        var bare = alice.Send(SipMethod.Info, "#", "application/dtmf");
        Assert.Equal(200, (await alice.FinalTo(bare)).StatusCode);

        Assert.Equal(
            [new Media.Dtmf.DtmfDigit('5', 160, Media.Dtmf.DtmfSource.SipInfo), new Media.Dtmf.DtmfDigit('#', 0, Media.Dtmf.DtmfSource.SipInfo)],
            endpoint.SignalledDigits);
        await alice.HangUpAsync();
        await h.CallsEndedAsync();
        f.AssertNothingLeaked();
    }

    [Fact]
    public async Task InfoOfAnotherType_Gets415NamingTheDtmfTypes_AndAMalformedDtmfBody400()
    {
        await using var f = await FeatureHarness.StartAsync();
        var h = f.Calls;
        var alice = await h.Alice.DialAsync("*45");
        await alice.AnsweredAsync();

        var other = alice.Send(SipMethod.Info, "<xml/>", "application/xml");
        var unsupported = await alice.FinalTo(other);
        var malformed = alice.Send(SipMethod.Info, "Signal=\r\n", "application/dtmf-relay");
        var refused = await alice.FinalTo(malformed);
        var keepAlive = alice.Send(SipMethod.Info);
        var empty = await alice.FinalTo(keepAlive);

        Assert.Equal(415, unsupported.StatusCode);
        Assert.Equal("application/dtmf-relay, application/dtmf", unsupported.GetHeader(SipHeaderId.Accept));
        Assert.Equal(400, refused.StatusCode);
        Assert.Equal(200, empty.StatusCode);
        Assert.Empty(Assert.Single(f.Endpoints.Created).SignalledDigits);
        await alice.HangUpAsync();
        await h.CallsEndedAsync();
        f.AssertNothingLeaked();
    }

    [Fact]
    public async Task Stopping_HangsUpAFeatureCall_StopsItsApplication_AndRecordsItInterrupted()
    {
        await using var f = await FeatureHarness.StartAsync();
        var h = f.Calls;
        var alice = await h.Alice.DialAsync("*44");
        await alice.AnsweredAsync();
        var application = Assert.Single(f.Applications.Created);
        await application.Started.WaitAsync(Timeout);

        var stopping = h.Router.StopAsync();

        await alice.ByeAsync();
        await application.Cancelled.WaitAsync(Timeout);
        await stopping.WaitAsync(Timeout);
        await h.CallsEndedAsync();
        h.AssertRecord(alice.CallId, CallStatus.Interrupted, HangupParty.System, "appliance stopped");
    }

    [Fact]
    public async Task ConfiguredCodes_ReplaceTheDefaults()
    {
        var options = new CallOptions { FeatureCodes = new FeatureCodeOptions { EchoTest = "*9431" } };
        await using var f = await FeatureHarness.StartAsync(options: options);
        var h = f.Calls;

        var configured = await h.Alice.DialAsync("*9431");
        await configured.AnsweredAsync();
        await configured.HangUpAsync();
        var formerDefault = await h.Alice.DialAsync("*43");

        Assert.Equal(404, (await formerDefault.FinalAsync()).StatusCode);
        Assert.Equal(FeatureCode.EchoTest, Assert.Single(f.Applications.Created).Code);
        await h.CallsEndedAsync();
        f.AssertNothingLeaked();
    }

    [Fact]
    public async Task WithoutFeatureServices_AFeatureCodeIsAnUnknownNumber()
    {
        await using var h = await CallHarness.StartAsync();

        var alice = await h.Alice.DialAsync("*44");

        Assert.Equal(404, (await alice.FinalAsync()).StatusCode);
        await h.CallsEndedAsync();
        h.AssertNothingLeaked();
    }

    private static string Body(SipMessage message) => Encoding.UTF8.GetString(message.Body.Span);
}
