using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using ContactCenter.Sip.Tests.Fakes;

using Xunit;

namespace ContactCenter.Sip.Tests.Events;

public class SipNotifierTests
{
    private static SipSubscriptionState StateOf(SipMessage notify) =>
        Assert.IsType<SipSubscriptionState>(SipSubscriptionState.TryParse(notify.GetHeader(SipHeaderId.SubscriptionState), out var s) ? s : null);

    [Fact]
    public async Task Subscribe_Gets200WithExpires_ThenANotifyWithTheCurrentState()
    {
        await using var h = new NotifierHarness();
        var (subscription, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 600\n"));

        Assert.NotNull(subscription);
        var ok = NotifierHarness.Answer(sent);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(600u, ok.Expires);
        Assert.NotNull(ok.To.Tag);
        Assert.True(ok.HasHeader(SipHeaderId.Contact));
        var notify = NotifierHarness.Single(sent, "NOTIFY");
        Assert.Equal("dialog", notify.GetHeader(SipHeaderId.Event));
        Assert.Equal(SipSubscriptionStateValue.Active, StateOf(notify).State);
        Assert.Equal(600, StateOf(notify).Expires);
        Assert.Equal(NotifierHarness.DialogInfo, notify.ContentType);
        Assert.Equal("idle v0 application/dialog-info+xml", NotifierHarness.BodyOf(notify));
        // The NOTIFY is in the dialog the 200 created: our tag in From, theirs in To, the SUBSCRIBE's Call-ID.
        Assert.Equal(ok.To.Tag, notify.From.Tag);
        Assert.Equal("alice-tag", notify.To.Tag);
        Assert.Equal("call-1@127.0.0.1", notify.CallId);
        Assert.Equal("sip:alice@127.0.0.1:5070", notify.RequestUriText);
        Assert.Equal(1, h.Notifier.Count);
        Assert.Equal(1, h.Stack.Stack.Dialogs.Count);
    }

    [Fact]
    public async Task Subscribe_WithoutExpires_GetsTheDefault()
    {
        await using var h = new NotifierHarness(o => o.DefaultExpires = TimeSpan.FromSeconds(1800));
        var (_, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\n"));
        Assert.Equal(1800u, NotifierHarness.Answer(sent).Expires);
    }

    [Fact]
    public async Task Subscribe_LongerThanTheMaximum_IsShortened()
    {
        await using var h = new NotifierHarness(o => o.MaximumExpires = TimeSpan.FromSeconds(900));
        var (_, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 86400\n"));
        Assert.Equal(900u, NotifierHarness.Answer(sent).Expires);
        Assert.Equal(900, StateOf(NotifierHarness.Single(sent, "NOTIFY")).Expires);
    }

    [Fact]
    public async Task Subscribe_BelowTheMinimum_Gets423WithMinExpires_AndNoSubscription()
    {
        await using var h = new NotifierHarness(o => o.MinimumExpires = TimeSpan.FromSeconds(60));
        var (subscription, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 10\n"));
        Assert.Null(subscription);
        var answer = Assert.Single(sent);
        Assert.Equal(423, answer.StatusCode);
        Assert.Equal("60", answer.GetHeader(SipHeaderId.MinExpires));
        Assert.Equal(0, h.Notifier.Count);
        Assert.Equal(0, h.Stack.Stack.Dialogs.Count);
    }

    [Fact]
    public async Task Subscribe_ToAnUnknownPackage_Gets489WithAllowEvents()
    {
        await using var h = new NotifierHarness();
        var (subscription, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: conference\n"));
        Assert.Null(subscription);
        var answer = Assert.Single(sent);
        Assert.Equal(489, answer.StatusCode);
        Assert.Equal("dialog", answer.GetHeader(SipHeaderId.AllowEvents));
    }

    [Fact]
    public async Task Subscribe_WithoutEvent_Gets400()
    {
        await using var h = new NotifierHarness();
        var (_, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe(""));
        Assert.Equal(400, Assert.Single(sent).StatusCode);
    }

    [Fact]
    public async Task Subscribe_AcceptingNoneOfOurFormats_Gets406ListingThem()
    {
        await using var h = new NotifierHarness();
        var (_, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nAccept: application/pidf+xml\n"));
        var answer = Assert.Single(sent);
        Assert.Equal(406, answer.StatusCode);
        Assert.Equal("application/dialog-info+xml, application/xml", answer.GetHeader(SipHeaderId.Accept));
    }

    [Fact]
    public async Task Subscribe_Accept_ChoosesOurFirstFormatItAllows()
    {
        await using var h = new NotifierHarness();
        var (subscription, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nAccept: text/plain, application/xml;q=0.5\n"));
        Assert.Equal("application/xml", subscription!.ContentType);
        Assert.Equal("application/xml", NotifierHarness.Single(sent, "NOTIFY").ContentType);
    }

    [Fact]
    public async Task Subscribe_WithAFilterBody_Gets415()
    {
        await using var h = new NotifierHarness();
        var (_, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nContent-Type: application/simple-filter+xml\n", body: "<filter/>"));
        Assert.Equal(415, Assert.Single(sent).StatusCode);
    }

    [Fact]
    public async Task Fetch_Gets200_AndOneTerminatedNotifyWithTheState_AndKeepsNothing()
    {
        await using var h = new NotifierHarness();
        var (subscription, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 0\n"));
        Assert.Null(subscription);
        Assert.Equal(0u, NotifierHarness.Answer(sent).Expires);
        var notify = NotifierHarness.Single(sent, "NOTIFY");
        Assert.Equal(SipSubscriptionStateValue.Terminated, StateOf(notify).State);
        Assert.Equal("timeout", StateOf(notify).Reason);
        Assert.Equal("idle v0 application/dialog-info+xml", NotifierHarness.BodyOf(notify));
        Assert.Equal(0, h.Notifier.Count);
        Assert.Equal(0, h.Stack.Stack.Dialogs.Count);
    }

    [Fact]
    public async Task Notify_AfterAStateChange_CarriesTheNextVersion_AndTheNextCSeq()
    {
        await using var h = new NotifierHarness();
        var (subscription, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 600\n"));
        var first = NotifierHarness.Single(sent, "NOTIFY");

        h.State = "ringing";
        subscription!.Notify();
        var second = NotifierHarness.Single(await h.DrainAsync(), "NOTIFY");

        Assert.Equal("ringing v1 application/dialog-info+xml", NotifierHarness.BodyOf(second));
        Assert.Equal(first.CSeq.Number + 1, second.CSeq.Number);
        Assert.Equal(SipSubscriptionStateValue.Active, StateOf(second).State);
    }

    [Fact]
    public async Task Refresh_InTheDialog_Gets200_AndANotifyWithTheNewDuration()
    {
        await using var h = new NotifierHarness();
        var (subscription, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 600\n"));
        var tag = NotifierHarness.Answer(sent).To.Tag;
        await h.AdvanceAsync(TimeSpan.FromSeconds(500));

        var (refreshed, again) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 300\n", toTag: tag, cseq: 2, branch: "z9hG4bKsub2"));

        Assert.Same(subscription, refreshed);
        Assert.Equal(300u, NotifierHarness.Answer(again).Expires);
        Assert.Equal(300, StateOf(NotifierHarness.Single(again, "NOTIFY")).Expires);
        // The old 600 s deadline passes without ending the refreshed subscription.
        Assert.Empty(await h.AdvanceAsync(TimeSpan.FromSeconds(200)));
        Assert.False(subscription!.IsTerminated);
    }

    [Fact]
    public async Task Refresh_WithAnOldCSeq_Gets500()
    {
        await using var h = new NotifierHarness();
        var (_, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 600\n", cseq: 5));
        var tag = NotifierHarness.Answer(sent).To.Tag;
        var (_, again) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 600\n", toTag: tag, cseq: 4, branch: "z9hG4bKsub2"));
        Assert.Equal(500, Assert.Single(again).StatusCode);
    }

    [Fact]
    public async Task Refresh_ForAnotherEvent_Gets481()
    {
        await using var h = new NotifierHarness();
        var (_, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 600\n"));
        var tag = NotifierHarness.Answer(sent).To.Tag;
        var (_, again) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog;id=7\nExpires: 600\n", toTag: tag, cseq: 2, branch: "z9hG4bKsub2"));
        Assert.Equal(481, Assert.Single(again).StatusCode);
    }

    [Fact]
    public async Task Unsubscribe_Gets200_AndAFinalNotify_AndTheDialogIsGone()
    {
        await using var h = new NotifierHarness();
        var (subscription, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 600\n"));
        var tag = NotifierHarness.Answer(sent).To.Tag;

        var (after, again) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 0\n", toTag: tag, cseq: 2, branch: "z9hG4bKsub2"));

        Assert.Null(after);
        Assert.Equal(0u, NotifierHarness.Answer(again).Expires);
        var final = NotifierHarness.Single(again, "NOTIFY");
        Assert.Equal(SipSubscriptionStateValue.Terminated, StateOf(final).State);
        Assert.Equal("timeout", StateOf(final).Reason);
        await subscription!.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, h.Notifier.Count);
        // The stack itself now answers 481 to the dialog (RFC 3261 §12.2.2).
        h.Stack.Deliver(NotifierHarness.Subscribe("Event: dialog\nExpires: 600\n", toTag: tag, cseq: 3, branch: "z9hG4bKsub3"));
        Assert.Equal(481, Assert.Single(await h.Stack.DrainAsync()).Message.StatusCode);
    }

    [Fact]
    public async Task Expiry_WithoutRefresh_SendsTerminatedTimeout()
    {
        await using var h = new NotifierHarness();
        var (subscription, _) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 600\n"));

        Assert.Empty(await h.AdvanceAsync(TimeSpan.FromSeconds(599)));
        var sent = await h.AdvanceAsync(TimeSpan.FromSeconds(1));

        var final = NotifierHarness.Single(sent, "NOTIFY");
        Assert.Equal(SipSubscriptionStateValue.Terminated, StateOf(final).State);
        Assert.Equal("timeout", StateOf(final).Reason);
        Assert.True(subscription!.IsTerminated);
        Assert.Equal(0, h.Notifier.Count);
        Assert.Equal(0, h.Stack.Stack.Dialogs.Count);
    }

    [Fact]
    public async Task Terminate_NoResource_SendsAFinalNotifyWithoutBody_AndLaterNotifiesNothing()
    {
        await using var h = new NotifierHarness();
        var (subscription, _) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 600\n"));

        subscription!.Terminate("noresource");
        subscription.Notify();
        var sent = await h.DrainAsync();

        var final = NotifierHarness.Single(sent, "NOTIFY");
        Assert.Equal("noresource", StateOf(final).Reason);
        Assert.True(final.Body.IsEmpty);
        Assert.Null(final.ContentType);
    }

    [Fact]
    public async Task Notify_Answered481_EndsTheSubscription()
    {
        await using var h = new NotifierHarness();
        var (subscription, sent) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 600\n"), answerNotifies: false);
        var notify = NotifierHarness.Single(sent, "NOTIFY");

        h.Stack.Deliver(SipTestMessages.ResponseTo(notify, 481));

        await subscription!.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, h.Notifier.Count);
        Assert.Equal(0, h.Stack.Stack.Dialogs.Count);
        // No final NOTIFY towards a subscriber that has no subscription.
        Assert.Empty(await h.DrainAsync());
    }

    [Fact]
    public async Task Notify_NeverAnswered_EndsTheSubscriptionAtTimerF()
    {
        await using var h = new NotifierHarness();
        var (subscription, _) = await h.SubscribeAsync(NotifierHarness.Subscribe("Event: dialog\nExpires: 600\n"), answerNotifies: false);

        await h.Stack.AdvanceAsync(TimeSpan.FromSeconds(32));

        await subscription!.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, h.Notifier.Count);
    }
}
