using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Fakes;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

using Xunit;

namespace ContactCenter.Sip.Tests.Transactions;

public class ClientTransactionTests
{
    private static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task NonInvite_IsRetransmittedWithBackoffToT2_ThenTimesOutWith408AfterTimerF()
    {
        await using var h = new StackHarness();
        var tx = h.Stack.SendRequest(StackHarness.NewRequest(SipMethod.Options), StackHarness.Udp);
        Assert.Single(await h.DrainAsync());

        // §17.1.2.2: E fires at T1, then doubles (2T1, 4T1) up to T2 = 4 s, then every T2.
        var intervals = new[] { 0.5, 1, 2, 4, 4, 4, 4, 4, 4, 4 };
        foreach (var seconds in intervals)
        {
            Assert.Single(await h.AdvanceAsync(TimeSpan.FromSeconds(seconds)));
        }
        // 31.5 s elapsed; Timer F fires at 64*T1 = 32 s, before the next retransmission.
        Assert.False(tx.FinalResponse.IsCompleted);
        Assert.Empty(await h.AdvanceAsync(TimeSpan.FromSeconds(0.5)));
        Assert.Equal(408, (await tx.FinalResponse.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode);
    }

    [Fact]
    public async Task NonInvite_TimesOutAtTimerF_WithLocal408()
    {
        await using var h = new StackHarness();
        var tx = h.Stack.SendRequest(StackHarness.NewRequest(SipMethod.Options), StackHarness.Udp);
        await h.DrainAsync();
        await h.AdvanceAsync(T1 * 64 - TimeSpan.FromMilliseconds(1));
        Assert.False(tx.FinalResponse.IsCompleted);
        await h.AdvanceAsync(TimeSpan.FromMilliseconds(1));
        Assert.Equal(408, (await tx.FinalResponse.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public async Task NonInvite_OverTcp_IsNeverRetransmitted()
    {
        await using var h = new StackHarness();
        var tx = h.Stack.SendRequest(StackHarness.NewRequest(SipMethod.Options), StackHarness.Tcp);
        var first = Assert.Single(await h.DrainAsync());
        Assert.Equal(SipTransportProtocol.Tcp, first.Protocol);
        Assert.Equal("TCP", first.Message.TopVia.Transport);
        Assert.Empty(await h.AdvanceAsync(TimeSpan.FromSeconds(31)));
        Assert.Empty(await h.AdvanceAsync(TimeSpan.FromSeconds(1)));
        Assert.Equal(408, (await tx.FinalResponse.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode);
    }

    [Fact]
    public async Task NonInvite_ProvisionalThenFinal_ArePassedUpInOrder_AndRetransmissionsStop()
    {
        await using var h = new StackHarness();
        var tx = h.Stack.SendRequest(StackHarness.NewRequest(SipMethod.Options), StackHarness.Udp);
        var sent = Assert.Single(await h.DrainAsync()).Message;
        h.Deliver(SipTestMessages.ResponseTo(sent, 180));
        h.Deliver(SipTestMessages.ResponseTo(sent, 200));
        Assert.Equal(200, (await tx.FinalResponse.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode);
        var statuses = new List<int>();
        await foreach (var response in tx.Responses.ReadAllAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token))
        {
            statuses.Add(response.StatusCode);
            if (response.StatusCode >= 200)
            {
                break;
            }
        }
        Assert.Equal([180, 200], statuses);
        Assert.Empty(await h.AdvanceAsync(TimeSpan.FromSeconds(4)));
        // Timer K (T4 = 5 s) ends the Completed state; a late retransmitted 200 is absorbed.
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public async Task Invite_IsRetransmittedWithTimerADoublingWithoutCap_UntilTimerB()
    {
        await using var h = new StackHarness();
        var tx = h.Stack.SendRequest(StackHarness.NewRequest(SipMethod.Invite), StackHarness.Udp);
        Assert.Single(await h.DrainAsync());
        // §17.1.1.2: A fires at 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s; B at 32 s.
        foreach (var seconds in new[] { 0.5, 1, 2, 4, 8, 16 })
        {
            Assert.Single(await h.AdvanceAsync(TimeSpan.FromSeconds(seconds)));
        }
        Assert.False(tx.FinalResponse.IsCompleted);
        Assert.Empty(await h.AdvanceAsync(TimeSpan.FromSeconds(0.5)));
        Assert.Equal(408, (await tx.FinalResponse.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode);
    }

    [Fact]
    public async Task Invite_ProvisionalStopsRetransmission_AndNoTimerBAfterwards()
    {
        await using var h = new StackHarness();
        var tx = h.Stack.SendRequest(StackHarness.NewRequest(SipMethod.Invite), StackHarness.Udp);
        var invite = Assert.Single(await h.DrainAsync()).Message;
        h.Deliver(SipTestMessages.ResponseTo(invite, 100));
        await h.DrainAsync();
        Assert.Empty(await h.AdvanceAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
        Assert.False(tx.FinalResponse.IsCompleted);
    }

    [Fact]
    public async Task Invite_NonSuccessFinal_IsAcknowledgedWithSameBranch_AndRetransmittedFinalReacknowledged()
    {
        await using var h = new StackHarness();
        var tx = h.Stack.SendRequest(StackHarness.NewRequest(SipMethod.Invite), StackHarness.Udp);
        var invite = Assert.Single(await h.DrainAsync()).Message;
        var busy = SipTestMessages.ResponseTo(invite, 486);
        h.Deliver(busy);
        var ack = Assert.Single(await h.DrainAsync()).Message;
        Assert.Equal(SipMethod.Ack, ack.Method);
        Assert.Equal(invite.TopVia.Branch, ack.TopVia.Branch);
        Assert.Equal(invite.RequestUriText, ack.RequestUriText);
        Assert.Equal($"{invite.CSeq.Number} ACK", ack.GetHeader(SipHeaderId.CSeq));
        Assert.Equal("bob-tag", ack.To.Tag);
        Assert.Equal(486, (await tx.FinalResponse.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode);

        h.Deliver(busy);
        Assert.Equal(SipMethod.Ack, Assert.Single(await h.DrainAsync()).Message.Method);
        // Timer D (32 s over UDP) ends the transaction.
        await h.AdvanceAsync(TimeSpan.FromSeconds(32));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public async Task Invite_SuccessIsAccepted_AndRetransmitted2xxGoesToTheTransactionUser()
    {
        await using var h = new StackHarness();
        var tx = h.Stack.SendRequest(StackHarness.NewRequest(SipMethod.Invite), StackHarness.Udp);
        var invite = Assert.Single(await h.DrainAsync()).Message;
        var ok = SipTestMessages.ResponseTo(invite, 200);
        h.Deliver(ok);
        h.Deliver(ok);
        Assert.Empty(await h.DrainAsync());
        Assert.Equal(SipTransactionState.Accepted, tx.State);
        var count = 0;
        while (tx.Responses.TryRead(out var response))
        {
            Assert.Equal(200, response.StatusCode);
            count++;
        }
        Assert.Equal(2, count);
        await h.AdvanceAsync(T1 * 64);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public async Task Cancel_BeforeAnyProvisional_WaitsForOne_ThenGoesOutWithInvitesBranchAndReason()
    {
        await using var h = new StackHarness();
        var tx = (SipInviteClientTransaction)h.Stack.SendRequest(StackHarness.NewRequest(SipMethod.Invite), StackHarness.Udp);
        var invite = Assert.Single(await h.DrainAsync()).Message;
        await tx.CancelAsync("SIP;cause=200;text=\"Call completed elsewhere\"");
        Assert.Empty(await h.DrainAsync());

        h.Deliver(SipTestMessages.ResponseTo(invite, 180));
        var cancel = Assert.Single(await h.DrainAsync()).Message;
        Assert.Equal(SipMethod.Cancel, cancel.Method);
        Assert.Equal(invite.TopVia.Branch, cancel.TopVia.Branch);
        Assert.Equal(invite.CallId, cancel.CallId);
        Assert.Equal($"{invite.CSeq.Number} CANCEL", cancel.GetHeader(SipHeaderId.CSeq));
        Assert.Equal(invite.GetHeader(SipHeaderId.To), cancel.GetHeader(SipHeaderId.To));
        Assert.Contains("Call completed elsewhere", cancel.GetHeader(SipHeaderId.Reason));

        h.Deliver(SipTestMessages.ResponseTo(cancel, 200));
        h.Deliver(SipTestMessages.ResponseTo(invite, 487));
        Assert.Equal(SipMethod.Ack, Assert.Single(await h.DrainAsync()).Message.Method);
        Assert.Equal(487, (await tx.FinalResponse.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode);
    }

    [Fact]
    public async Task Cancel_AfterFinalResponse_SendsNothing()
    {
        await using var h = new StackHarness();
        var tx = (SipInviteClientTransaction)h.Stack.SendRequest(StackHarness.NewRequest(SipMethod.Invite), StackHarness.Udp);
        var invite = Assert.Single(await h.DrainAsync()).Message;
        h.Deliver(SipTestMessages.ResponseTo(invite, 603));
        await h.DrainAsync();
        await tx.CancelAsync();
        Assert.Empty(await h.DrainAsync());
    }

    [Fact]
    public async Task TransportFailure_IsReportedAs503()
    {
        await using var h = new StackHarness();
        h.Network.FailSend = _ => true;
        var tx = h.Stack.SendRequest(StackHarness.NewRequest(SipMethod.Options), StackHarness.Tcp);
        Assert.Equal(503, (await tx.FinalResponse.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode);
    }

    [Fact]
    public async Task RequestTooLargeForUdp_GoesOverTcp_WithTcpInVia()
    {
        await using var h = new StackHarness();
        var request = StackHarness.NewRequest(SipMethod.Invite).WithBody(new byte[1400], "application/sdp");
        h.Stack.SendRequest(request, StackHarness.Udp);
        var sent = Assert.Single(await h.DrainAsync());
        Assert.Equal(SipTransportProtocol.Tcp, sent.Protocol);
        Assert.Equal("TCP", sent.Message.TopVia.Transport);
        Assert.True(sent.Message.TopVia.HasRPort);
    }
}
