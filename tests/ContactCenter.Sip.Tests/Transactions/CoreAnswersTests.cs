using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Fakes;

using Xunit;

namespace ContactCenter.Sip.Tests.Transactions;

public class CoreAnswersTests
{
    private static async Task<SipMessage> AnswerTo(string request, Action<SipStackOptions>? configure = null)
    {
        await using var h = new StackHarness(configure);
        h.Deliver(request);
        var sent = await h.DrainAsync();
        Assert.Equal(0, h.Stack.Requests.Count);
        return Assert.Single(sent, s => s.Message.StatusCode != 100).Message;
    }

    [Fact]
    public async Task Options_Gets200_WithAllowAcceptAndSupported()
    {
        var answer = await AnswerTo(SipTestMessages.Request("OPTIONS"), o => o.SupportedExtensions.Add("replaces"));
        Assert.Equal(200, answer.StatusCode);
        Assert.Contains("INVITE", answer.GetHeader(SipHeaderId.Allow));
        Assert.Equal("application/sdp", answer.GetHeader(SipHeaderId.Accept));
        Assert.Equal("replaces", answer.GetHeader(SipHeaderId.Supported));
        Assert.NotNull(answer.To.Tag);
    }

    [Fact]
    public async Task UnknownMethod_Gets501()
    {
        Assert.Equal(501, (await AnswerTo(SipTestMessages.Request("NEWMETHOD"))).StatusCode);
    }

    [Fact]
    public async Task KnownMethodNotHandled_Gets405_WithAllow()
    {
        var answer = await AnswerTo(SipTestMessages.Request("PUBLISH"));
        Assert.Equal(405, answer.StatusCode);
        Assert.Contains("OPTIONS", answer.GetHeader(SipHeaderId.Allow));
    }

    [Fact]
    public async Task MaxForwardsZero_Gets483()
    {
        Assert.Equal(483, (await AnswerTo(SipTestMessages.Request("INVITE", maxForwards: "0"))).StatusCode);
    }

    [Fact]
    public async Task MaxForwardsZero_OnOptions_IsAnsweredAsAnEndpoint()
    {
        Assert.Equal(200, (await AnswerTo(SipTestMessages.Request("OPTIONS", maxForwards: "0"))).StatusCode);
    }

    [Fact]
    public async Task UnsupportedRequire_Gets420_ListingTheTagsInUnsupported()
    {
        var answer = await AnswerTo(SipTestMessages.Request("INVITE", extraHeaders: "Require: 100rel, foo\n"), o => o.SupportedExtensions.Add("100rel"));
        Assert.Equal(420, answer.StatusCode);
        Assert.Equal("foo", answer.GetHeader(SipHeaderId.Unsupported));
    }

    [Fact]
    public async Task UnknownUriScheme_Gets416()
    {
        Assert.Equal(416, (await AnswerTo(SipTestMessages.Request("OPTIONS", uri: "nobodyKnowsThisScheme:totallyopaquecontent"))).StatusCode);
    }

    [Fact]
    public async Task InDialogRequestForUnknownDialog_Gets481()
    {
        Assert.Equal(481, (await AnswerTo(SipTestMessages.Request("BYE", toTag: "unknown"))).StatusCode);
    }

    [Fact]
    public async Task InDialogRequestForKnownDialog_GoesToTheTransactionUser()
    {
        await using var h = new StackHarness();
        h.Deliver(SipTestMessages.Request("INVITE"));
        await h.DrainAsync();
        var invite = await h.Stack.Requests.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        h.Stack.Dialogs.Add(SipDialog.CreateAsUas(invite.Request, "pbx-tag", confirmed: true));
        h.Deliver(SipTestMessages.Request("BYE", branch: "z9hG4bKbye", cseq: 2, toTag: "pbx-tag"));
        var bye = await h.Stack.Requests.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SipMethod.Bye, bye.Request.Method);
    }

    [Fact]
    public async Task MergedRequest_ArrivingByAnotherBranch_Gets482()
    {
        await using var h = new StackHarness();
        h.Deliver(SipTestMessages.Request("INVITE", branch: "z9hG4bKpath1"));
        h.Deliver(SipTestMessages.Request("INVITE", branch: "z9hG4bKpath2"));
        var sent = await h.DrainAsync();
        Assert.Contains(sent, s => s.Message.StatusCode == 482 && s.Message.TopVia.Branch == "z9hG4bKpath2");
        Assert.Equal(1, h.Stack.Requests.Count);
    }

    [Fact]
    public async Task MalformedRequest_Gets400_NamingTheProblem()
    {
        var answer = await AnswerTo(SipTestMessages.Request("OPTIONS", cseqMethod: "INVITE"));
        Assert.Equal(400, answer.StatusCode);
        Assert.Equal("CSeq method does not match the request method", answer.ReasonPhrase);
    }

    [Fact]
    public async Task Garbage_IsDroppedWithoutAnswer_AndTheStackGoesOn()
    {
        await using var h = new StackHarness();
        h.Stack.Receive([0x00, 0xff, 0x13, 0x37], new ContactCenter.Sip.Transport.SipPeer(ContactCenter.Sip.Transport.SipTransportProtocol.Udp, FakeSipNetwork.PeerEndPoint, FakeSipNetwork.PeerEndPoint, 0));
        Assert.Empty(await h.DrainAsync());
        h.Deliver(SipTestMessages.Request("OPTIONS"));
        Assert.Equal(200, Assert.Single(await h.DrainAsync()).Message.StatusCode);
        Assert.Equal(0, h.Stack.LoopFaults);
    }

    [Fact]
    public async Task DisposingTwice_IsHarmless()
    {
        var h = new StackHarness();
        await h.DisposeAsync();
        await h.DisposeAsync();
        Assert.Equal(0, h.Stack.LoopFaults);
    }
}
