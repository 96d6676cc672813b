using System.Xml.Linq;
using ContactCenter.Pbx.Presence;
using ContactCenter.Sip.Events.Bodies;
using ContactCenter.Sip.Messages;

using Xunit;

namespace ContactCenter.Pbx.Tests.Presence;

public class PresenceServiceTests
{
    private static readonly XNamespace DialogNs = "urn:ietf:params:xml:ns:dialog-info";
    private static readonly XNamespace PidfNs = "urn:ietf:params:xml:ns:pidf";

    private static XElement Xml(SipMessage notify) => XDocument.Parse(PresenceHarness.BodyOf(notify)).Root!;

    private static readonly SipDialogInfoEntry Ringing = new()
    {
        Id = "call-7",
        State = SipDialogInfoState.Early,
        Direction = SipDialogDirection.Recipient,
        CallId = "c7@127.0.0.1",
        LocalTag = "l7",
        RemoteTag = "r7",
        RemoteIdentity = "sip:0612345678@127.0.0.1",
        RemoteDisplay = "Jean Dupont",
    };

    [Fact]
    public async Task Subscribe_WithoutCredentials_IsChallengedWith407()
    {
        await using var h = new PresenceHarness();
        var (response, notifies) = await h.SubscribeAsync("201", "202", "dialog", authenticate: false);
        Assert.Equal(407, response.StatusCode);
        Assert.True(response.HasHeader(SipHeaderId.ProxyAuthenticate));
        Assert.Empty(notifies);
        Assert.Equal(0, h.Service.SubscriptionCount);
    }

    [Fact]
    public async Task Subscribe_ToAColleague_Gets200_AndAnEmptyFullDialogInfo()
    {
        await using var h = new PresenceHarness();
        var (response, notifies) = await h.SubscribeAsync("201", "202", "dialog");
        Assert.Equal(200, response.StatusCode);
        var root = Xml(Assert.Single(notifies));
        Assert.Equal("0", (string?)root.Attribute("version"));
        Assert.Equal("full", (string?)root.Attribute("state"));
        Assert.Equal("sip:202@127.0.0.1", (string?)root.Attribute("entity"));
        Assert.Empty(root.Elements());
    }

    [Fact]
    public async Task ACallRingingAtTheWatchedExtension_IsNotified_WithTheCaller()
    {
        await using var h = new PresenceHarness();
        await h.SubscribeAsync("201", "202", "dialog");

        h.Model.SetDialog("202", Ringing);
        h.Model.SetDialog("203", Ringing);

        var root = Xml(Assert.Single(await h.NotifiesAsync()));
        Assert.Equal("1", (string?)root.Attribute("version"));
        var dialog = Assert.Single(root.Elements(DialogNs + "dialog"));
        Assert.Equal("early", (string?)dialog.Element(DialogNs + "state"));
        Assert.Equal("recipient", (string?)dialog.Attribute("direction"));
        Assert.Equal("Jean Dupont", (string?)dialog.Element(DialogNs + "remote")!.Element(DialogNs + "identity")!.Attribute("display"));
    }

    [Fact]
    public async Task AnEndedCall_IsNotifiedTerminatedOnce_ThenLeavesTheDocument()
    {
        await using var h = new PresenceHarness();
        await h.SubscribeAsync("201", "202", "dialog");

        h.Model.SetDialog("202", Ringing);
        h.Model.SetDialog("202", Ringing with { State = SipDialogInfoState.Terminated });
        h.Model.SetAvailability("202", doNotDisturb: false, away: true);

        var notifies = await h.NotifiesAsync();
        Assert.Equal(3, notifies.Count);
        var ended = Assert.Single(Xml(notifies[1]).Elements(DialogNs + "dialog"));
        Assert.Equal("call-7", (string?)ended.Attribute("id"));
        Assert.Equal("terminated", (string?)ended.Element(DialogNs + "state"));
        Assert.Empty(Xml(notifies[2]).Elements(DialogNs + "dialog"));
    }

    [Fact]
    public async Task Subscribe_ToAnUnknownExtension_Gets404()
    {
        await using var h = new PresenceHarness();
        Assert.Equal(404, (await h.SubscribeAsync("201", "999", "dialog")).Response.StatusCode);
    }

    [Fact]
    public async Task Subscribe_ToAParkSlot_Gets200EvenWhenWatchersAreRestricted_AndAParkedCallIsNotified()
    {
        var options = new PresenceOptions { AllExtensionsMayWatch = false };
        foreach (var slot in new Pbx.Calls.CallOptions().ParkSlotNumbers())
        {
            options.ParkSlots.Add(slot);
        }
        await using var h = new PresenceHarness(options);
        Assert.Equal(404, (await h.SubscribeAsync("201", "710", "dialog")).Response.StatusCode);
        Assert.Equal(200, (await h.SubscribeAsync("201", "709", "dialog")).Response.StatusCode);
        var (response, _) = await h.SubscribeAsync("201", "701", "dialog");
        Assert.Equal(200, response.StatusCode);

        h.Model.SetDialog("701", Ringing with { State = SipDialogInfoState.Confirmed });

        var root = Xml(Assert.Single(await h.NotifiesAsync()));
        Assert.Equal("confirmed", (string?)Assert.Single(root.Elements(DialogNs + "dialog")).Element(DialogNs + "state"));
    }

    [Fact]
    public async Task Subscribe_RefusedByTheWatchPolicy_Gets403()
    {
        var options = new PresenceOptions();
        options.Watchers["202"] = ["203"];
        await using var h = new PresenceHarness(options);
        Assert.Equal(403, (await h.SubscribeAsync("201", "202", "dialog")).Response.StatusCode);
        Assert.Equal(200, (await h.SubscribeAsync("203", "202", "dialog")).Response.StatusCode);
    }

    [Fact]
    public async Task MessageSummary_OfAnotherMailbox_Gets403()
    {
        await using var h = new PresenceHarness();
        Assert.Equal(403, (await h.SubscribeAsync("201", "202", "message-summary")).Response.StatusCode);
    }

    [Fact]
    public async Task MessageSummary_OfOwnMailbox_FollowsTheCounts()
    {
        await using var h = new PresenceHarness();
        var (response, first) = await h.SubscribeAsync("201", "201", "message-summary");
        Assert.Equal(200, response.StatusCode);
        Assert.StartsWith("Messages-Waiting: no\r\n", PresenceHarness.BodyOf(Assert.Single(first)), StringComparison.Ordinal);

        h.Model.SetMessageCounts("201", 2, 5);

        var notify = Assert.Single(await h.NotifiesAsync());
        Assert.Equal(SipMessageSummaryWriter.ContentType, notify.ContentType);
        Assert.Equal("Messages-Waiting: yes\r\nMessage-Account: sip:201@127.0.0.1\r\nVoice-Message: 2/5\r\n", PresenceHarness.BodyOf(notify));
    }

    [Fact]
    public async Task Presence_DoNotDisturb_IsClosedWithItsNote()
    {
        await using var h = new PresenceHarness();
        var (_, first) = await h.SubscribeAsync("201", "202", "presence");
        Assert.Equal("open", (string?)Xml(Assert.Single(first)).Descendants(PidfNs + "basic").Single());

        h.Model.SetAvailability("202", doNotDisturb: true, away: false);

        var tuple = Xml(Assert.Single(await h.NotifiesAsync())).Element(PidfNs + "tuple")!;
        Assert.Equal("closed", (string?)tuple.Descendants(PidfNs + "basic").Single());
        Assert.Equal("Ne pas déranger", (string?)tuple.Element(PidfNs + "note"));
    }

    [Fact]
    public async Task Stop_EndsEverySubscription_Deactivated()
    {
        await using var h = new PresenceHarness();
        await h.SubscribeAsync("201", "202", "dialog");
        h.Service.Stop();
        var notify = Assert.Single(await h.NotifiesAsync());
        Assert.StartsWith("terminated;reason=deactivated", notify.GetHeader(SipHeaderId.SubscriptionState), StringComparison.Ordinal);
        Assert.Equal(0, h.Service.SubscriptionCount);
    }
}
