using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Fakes;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

using Xunit;

namespace ContactCenter.Sip.Tests.Transactions;

public class ServerTransactionTests
{
    private static async Task<SipServerTransaction> NextRequestAsync(StackHarness h) =>
        await h.Stack.Requests.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Invite_Gets100TryingAtOnce_AndRetransmittedInviteGetsTheLastProvisionalAgain()
    {
        await using var h = new StackHarness();
        h.Deliver(SipTestMessages.Request("INVITE"));
        var trying = Assert.Single(await h.DrainAsync());
        Assert.Equal(100, trying.Message.StatusCode);
        Assert.Null(trying.Message.To.Tag);

        var tx = await NextRequestAsync(h);
        await tx.RespondAsync(180, toTag: "pbx-tag");
        Assert.Equal(180, Assert.Single(await h.DrainAsync()).Message.StatusCode);

        h.Deliver(SipTestMessages.Request("INVITE"));
        var again = Assert.Single(await h.DrainAsync()).Message;
        Assert.Equal(180, again.StatusCode);
        Assert.Equal("pbx-tag", again.To.Tag);
        Assert.Equal(0, h.Stack.Requests.Count);
    }

    [Fact]
    public async Task Invite_NonSuccessFinal_IsRetransmittedByTimerG_UntilAck_ThenTimerIEnds()
    {
        await using var h = new StackHarness();
        h.Deliver(SipTestMessages.Request("INVITE"));
        await h.DrainAsync();
        var tx = await NextRequestAsync(h);
        await tx.RespondAsync(486, toTag: "pbx-tag");
        Assert.Equal(486, Assert.Single(await h.DrainAsync()).Message.StatusCode);

        // §17.2.1: G at T1, 2T1, 4T1, then capped at T2.
        foreach (var seconds in new[] { 0.5, 1, 2, 4, 4 })
        {
            Assert.Equal(486, Assert.Single(await h.AdvanceAsync(TimeSpan.FromSeconds(seconds))).Message.StatusCode);
        }
        h.Deliver(SipTestMessages.Request("ACK", toTag: "pbx-tag"));
        Assert.Empty(await h.DrainAsync());
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        Assert.Empty(await h.AdvanceAsync(TimeSpan.FromSeconds(4)));
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public async Task Invite_NoAck_TimerHEndsTheTransaction()
    {
        await using var h = new StackHarness();
        h.Deliver(SipTestMessages.Request("INVITE"));
        await h.DrainAsync();
        var tx = await NextRequestAsync(h);
        await tx.RespondAsync(480, toTag: "pbx-tag");
        await h.AdvanceAsync(TimeSpan.FromSeconds(31.9));
        Assert.Equal(SipTransactionState.Completed, tx.State);
        await h.AdvanceAsync(TimeSpan.FromSeconds(0.1));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public async Task Invite_OverTcp_FinalIsNotRetransmitted_AndAckEndsAtOnce()
    {
        await using var h = new StackHarness();
        h.Deliver(SipTestMessages.Request("INVITE", via: "SIP/2.0/TCP 127.0.0.1:5070"), SipTransportProtocol.Tcp);
        await h.DrainAsync();
        var tx = await NextRequestAsync(h);
        await tx.RespondAsync(486, toTag: "pbx-tag");
        await h.DrainAsync();
        Assert.Empty(await h.AdvanceAsync(TimeSpan.FromSeconds(10)));
        h.Deliver(SipTestMessages.Request("ACK", toTag: "pbx-tag", via: "SIP/2.0/TCP 127.0.0.1:5070"), SipTransportProtocol.Tcp);
        await h.DrainAsync();
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public async Task Invite_2xxIsRetransmitted_UntilTheAckWithItsOwnBranch()
    {
        await using var h = new StackHarness();
        h.Deliver(SipTestMessages.Request("INVITE"));
        await h.DrainAsync();
        var tx = (SipInviteServerTransaction)await NextRequestAsync(h);
        await tx.RespondAsync(200, toTag: "pbx-tag");
        Assert.Equal(200, Assert.Single(await h.DrainAsync()).Message.StatusCode);
        Assert.Equal(200, Assert.Single(await h.AdvanceAsync(TimeSpan.FromSeconds(0.5))).Message.StatusCode);
        Assert.Equal(200, Assert.Single(await h.AdvanceAsync(TimeSpan.FromSeconds(1))).Message.StatusCode);

        // RFC 6026: a retransmitted INVITE is absorbed in Accepted.
        h.Deliver(SipTestMessages.Request("INVITE"));
        Assert.Empty(await h.DrainAsync());

        h.Deliver(SipTestMessages.Request("ACK", branch: "z9hG4bKack2xx", toTag: "pbx-tag"));
        var ack = await tx.AckReceived.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(ack);
        Assert.Empty(await h.AdvanceAsync(TimeSpan.FromSeconds(8)));
    }

    [Fact]
    public async Task Invite_2xxWithoutAck_ReportsNullAfter64T1()
    {
        await using var h = new StackHarness();
        h.Deliver(SipTestMessages.Request("INVITE"));
        await h.DrainAsync();
        var tx = (SipInviteServerTransaction)await NextRequestAsync(h);
        await tx.RespondAsync(200, toTag: "pbx-tag");
        await h.AdvanceAsync(TimeSpan.FromSeconds(32));
        Assert.Null(await tx.AckReceived.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task NonInvite_RetransmissionAbsorbedInTrying_ThenFinalResentInCompleted_UntilTimerJ()
    {
        await using var h = new StackHarness(o => o.Allow.Add("INFO"));
        h.Deliver(SipTestMessages.Request("INFO", toTag: null, extraHeaders: ""));
        var tx = await NextRequestAsync(h);
        Assert.Empty(await h.DrainAsync());
        h.Deliver(SipTestMessages.Request("INFO"));
        Assert.Empty(await h.DrainAsync());

        await tx.RespondAsync(200, toTag: "pbx-tag");
        Assert.Single(await h.DrainAsync());
        h.Deliver(SipTestMessages.Request("INFO"));
        Assert.Equal(200, Assert.Single(await h.DrainAsync()).Message.StatusCode);
        Assert.False(await tx.RespondAsync(500));

        await h.AdvanceAsync(TimeSpan.FromSeconds(32));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public async Task Cancel_OfPendingInvite_Gets200_AndInviteGets487WithTheSameToTag()
    {
        await using var h = new StackHarness();
        h.Deliver(SipTestMessages.Request("INVITE"));
        await h.DrainAsync();
        var tx = (SipInviteServerTransaction)await NextRequestAsync(h);
        await tx.RespondAsync(180, toTag: "pbx-tag");
        await h.DrainAsync();

        h.Deliver(SipTestMessages.Request("CANCEL"));
        var sent = await h.DrainAsync();
        Assert.Equal(2, sent.Count);
        var cancelOk = sent.Single(s => s.Message.Method == SipMethod.Cancel).Message;
        var terminated = sent.Single(s => s.Message.Method == SipMethod.Invite).Message;
        Assert.Equal(200, cancelOk.StatusCode);
        Assert.Equal(487, terminated.StatusCode);
        Assert.Equal("pbx-tag", terminated.To.Tag);
        Assert.Equal("pbx-tag", cancelOk.To.Tag);
        Assert.NotNull(await tx.Cancelled.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(await tx.RespondAsync(200, toTag: "pbx-tag"));
    }

    [Fact]
    public async Task Cancel_MatchingNothing_Gets481()
    {
        await using var h = new StackHarness();
        h.Deliver(SipTestMessages.Request("CANCEL", branch: "z9hG4bKnothing"));
        Assert.Equal(481, Assert.Single(await h.DrainAsync()).Message.StatusCode);
    }

    [Fact]
    public async Task ResponsesGoToRport_WhenTheViaAsksForIt_AndCarryReceived()
    {
        await using var h = new StackHarness();
        var from = new System.Net.IPEndPoint(System.Net.IPAddress.Parse("127.0.0.9"), 40000);
        FakeSipNetwork.Deliver(h.Stack, SipTestMessages.Request("OPTIONS", via: "SIP/2.0/UDP 10.0.0.5:5060;rport").Replace(";rport;branch", ";rport;branch", StringComparison.Ordinal), from: from);
        var sent = Assert.Single(await h.DrainAsync());
        Assert.Equal(from, sent.Remote);
        Assert.Equal("127.0.0.9", sent.Message.TopVia.Received);
        Assert.Equal(40000, sent.Message.TopVia.RPort);
    }

    [Fact]
    public async Task ResponsesWithoutRport_GoToTheSourceAddressAtTheSentByPort()
    {
        await using var h = new StackHarness();
        var from = new System.Net.IPEndPoint(System.Net.IPAddress.Parse("127.0.0.9"), 40000);
        FakeSipNetwork.Deliver(h.Stack, SipTestMessages.Request("OPTIONS", via: "SIP/2.0/UDP 10.0.0.5:5062"), from: from);
        var sent = Assert.Single(await h.DrainAsync());
        Assert.Equal(new System.Net.IPEndPoint(System.Net.IPAddress.Parse("127.0.0.9"), 5062), sent.Remote);
        Assert.Equal("127.0.0.9", sent.Message.TopVia.Received);
    }

    [Fact]
    public async Task ResponsesOverTcp_UseTheConnection_WithTheSentByPortAsFallback()
    {
        await using var h = new StackHarness();
        var from = new System.Net.IPEndPoint(System.Net.IPAddress.Parse("127.0.0.9"), 40000);
        FakeSipNetwork.Deliver(h.Stack, SipTestMessages.Request("OPTIONS", via: "SIP/2.0/TCP 10.0.0.5:5062"), SipTransportProtocol.Tcp, from, connectionId: 7);
        var sent = Assert.Single(await h.DrainAsync());
        Assert.Equal(SipTransportProtocol.Tcp, sent.Protocol);
        Assert.Equal(7, sent.ConnectionId);
        Assert.Equal(new System.Net.IPEndPoint(System.Net.IPAddress.Parse("127.0.0.9"), 5062), sent.Remote);
    }
}
