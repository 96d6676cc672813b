using System.Text;
using ContactCenter.Pbx.Presence;
using ContactCenter.Pbx.Tests.Calls;
using ContactCenter.Sip.Events.Bodies;
using ContactCenter.Sip.Messages;

using Xunit;

using MediaPhone = ContactCenter.Media.Tests.Fakes.FakePhone;

namespace ContactCenter.Pbx.Tests.Commands;

/// <summary>BLF pickup from a desk phone (RFC 3891): INVITE with Replaces naming the early dialog a NOTIFY showed.</summary>
[Trait("Category", "Integration")]
public class ReplacesTests
{
    [Fact]
    public async Task ReplacesOfTheRingingDialog_AnswersAtThePicker_CancelsTheCallee_AndBothAnswersNameOneSharedCodec()
    {
        await using var h = await CallHarness.StartAsync();
        var alice = await h.Alice.DialAsync("202");
        var bob = await h.Bob.IncomingAsync();
        bob.Ring();
        await alice.ResponseAsync(180);
        // What Bob's BLF watchers were told about the call ringing at 202.
        var shown = Assert.Single(h.Presence.Get("202").Dialogs);

        var carol = await h.Carol.DialAsync("202",
            extraHeaders: $"Require: replaces\nReplaces: {shown.CallId};to-tag={shown.LocalTag};from-tag={shown.RemoteTag};early-only");

        var toCarol = await carol.AnsweredAsync();
        var cancel = await bob.CancelledAsync();
        Assert.Equal("SIP;cause=200;text=\"Call completed elsewhere\"", cancel.GetHeader(SipHeaderId.Reason));
        bob.AcceptCancel(cancel);
        await bob.AckAsync();
        var toAlice = await alice.AnsweredAsync();
        await alice.SettledAsync();

        // Both offered PCMU and PCMA: both answers name PCMU alone (and telephone-event), each with its relay side.
        foreach (var answer in new[] { toCarol, toAlice })
        {
            var text = Encoding.UTF8.GetString(answer.Body.Span);
            Assert.Matches(@"m=audio \d+ RTP/AVP 0 101\r\n", text);
        }
        var relayForAlice = CallMediaTests.Endpoint(PhoneCall.ParseSdp(toAlice)!);
        var relayForCarol = CallMediaTests.Endpoint(PhoneCall.ParseSdp(toCarol)!);
        Assert.NotEqual(relayForAlice.Rtp, relayForCarol.Rtp);
        Assert.Equal(CallMediaTests.Endpoint(bob.RemoteSdp!).Rtp, relayForCarol.Rtp);
        h.Alice.Media.SendRtp(relayForAlice.Rtp, MediaPhone.RtpPacket(1, 0xA11CE));
        Assert.Equal(0xA11CEu, MediaPhone.Ssrc(h.Carol.Media.ReceiveRtp().Packet));
        h.Carol.Media.SendRtp(relayForCarol.Rtp, MediaPhone.RtpPacket(1, 0xCA201));
        Assert.Equal(0xCA201u, MediaPhone.Ssrc(h.Alice.Media.ReceiveRtp().Packet));
        Assert.Empty(h.Presence.Get("202").Dialogs);
        Assert.Equal(SipDialogInfoState.Confirmed, Assert.Single(h.Presence.Get("203").Dialogs).State);

        await h.HangUpAsync(alice, carol);
        Assert.Equal(ExtensionActivity.Idle, h.Presence.Get("203").Activity);
        h.AssertNothingLeaked();
    }

    [Fact]
    public async Task ReplacesOfNoSuchDialog_Is481_AndOfAnAnsweredCallWithEarlyOnly_Is486()
    {
        await using var h = await CallHarness.StartAsync();
        var stray = await h.Carol.DialAsync("202", extraHeaders: "Replaces: nosuchcall@127.0.0.1;to-tag=a;from-tag=b;early-only");
        Assert.Equal(481, (await stray.FinalAsync()).StatusCode);

        var (alice, bob) = await CallSetupTests.Connect(h);
        var shown = Assert.Single(h.Presence.Get("202").Dialogs);
        var late = await h.Carol.DialAsync("202", extraHeaders: $"Replaces: {shown.CallId};to-tag={shown.LocalTag};from-tag={shown.RemoteTag};early-only");
        Assert.Equal(486, (await late.FinalAsync()).StatusCode);
        var wrongTags = await h.Carol.DialAsync("202", extraHeaders: $"Replaces: {shown.CallId};to-tag=x;from-tag=y");
        Assert.Equal(481, (await wrongTags.FinalAsync()).StatusCode);

        await h.HangUpAsync(alice, bob);
        h.AssertNothingLeaked();
    }
}
