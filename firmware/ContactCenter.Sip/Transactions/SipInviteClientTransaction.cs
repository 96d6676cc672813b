using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>The INVITE client transaction of RFC 3261 §17.1.1 with the Accepted state of RFC 6026 §7.2, and CANCEL (§9.1).</summary>
public sealed class SipInviteClientTransaction : SipClientTransaction
{
    private string? _pendingCancelReason;
    private bool _cancelRequested;
    private byte[]? _ack;

    internal SipInviteClientTransaction(SipStack stack, SipTransactionKey key, SipMessage request, byte[] requestBytes, SipDestination destination)
        : base(stack, key, request, requestBytes, destination)
    {
        State = SipTransactionState.Calling;
    }

    /// <summary>Cancels the INVITE (§9.1): at once when a provisional response has arrived, else as soon as one does; nothing when a final response came first. <paramref name="reason"/> is an RFC 3326 Reason value.</summary>
    public Task CancelAsync(string? reason = null) => Stack.InvokeAsync(() =>
    {
        if (_cancelRequested)
        {
            return false;
        }
        _cancelRequested = true;
        _pendingCancelReason = reason;
        if (State == SipTransactionState.Proceeding)
        {
            SendCancel();
        }
        return true;
    });

    private protected override SipTimer RetransmitTimer => SipTimer.A;

    private protected override SipTimer TimeoutTimer => SipTimer.B;

    internal override void OnResponse(SipMessage response)
    {
        var status = response.StatusCode;
        switch (State)
        {
            case SipTransactionState.Calling or SipTransactionState.Proceeding when status < 200:
                StopTimer(SipTimer.A);
                if (State == SipTransactionState.Calling)
                {
                    StopTimer(SipTimer.B);
                }
                State = SipTransactionState.Proceeding;
                PassUp(response);
                if (_cancelRequested)
                {
                    SendCancel();
                }
                break;
            case SipTransactionState.Calling or SipTransactionState.Proceeding when status < 300:
                StopTimer(SipTimer.A);
                StopTimer(SipTimer.B);
                State = SipTransactionState.Accepted;
                StartTimer(SipTimer.M, Timers.Transaction);
                PassUp(response);
                break;
            case SipTransactionState.Calling or SipTransactionState.Proceeding:
                StopTimer(SipTimer.A);
                StopTimer(SipTimer.B);
                State = SipTransactionState.Completed;
                _ack = BuildAck(response).ToArray();
                Stack.Transmit(this, _ack);
                PassUp(response);
                var wait = Timers.D(Destination.IsReliable);
                if (wait == TimeSpan.Zero)
                {
                    Terminate();
                }
                else
                {
                    StartTimer(SipTimer.D, wait);
                }
                break;
            case SipTransactionState.Accepted when status is >= 200 and < 300:
                // RFC 6026 §7.2: retransmitted (or forked) 2xx go to the TU, which sends the ACK.
                PassUp(response);
                break;
            case SipTransactionState.Completed when status >= 300 && _ack is not null:
                Stack.Transmit(this, _ack);
                break;
        }
    }

    private protected override void HandleTimer(SipTimer timer)
    {
        switch (timer)
        {
            case SipTimer.A when State == SipTransactionState.Calling:
                // §17.1.1.2: Timer A doubles without the T2 cap that non-INVITE requests have.
                Stack.Transmit(this, RequestBytes);
                RetransmitInterval *= 2;
                StartTimer(SipTimer.A, RetransmitInterval);
                break;
            case SipTimer.B when State is SipTransactionState.Calling or SipTransactionState.Proceeding:
                TimedOut();
                break;
            case SipTimer.D:
            case SipTimer.M:
                Terminate();
                break;
        }
    }

    private void SendCancel()
    {
        // §9.1: if no final response arrives within 64*T1 of the CANCEL, the INVITE is considered ended.
        StartTimer(SipTimer.B, Timers.Transaction);
        Stack.SendCancel(this, BuildCancel());
    }

    // §9.1: CANCEL copies Request-URI, Call-ID, To, From, the CSeq number and the top Via of the INVITE, and its Route set.
    private SipMessageBuilder BuildCancel()
    {
        var cancel = SipMessageBuilder.Request(SipMethod.Cancel, Request.RequestUriText)
            .Add(SipHeaderId.Via, Request.GetHeaderAt(Request.IndexOf(SipHeaderId.Via, 0)).Value);
        CopyRoutes(cancel);
        cancel.Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, Request.GetHeader(SipHeaderId.From)!)
            .Add(SipHeaderId.To, Request.GetHeader(SipHeaderId.To)!)
            .Add(SipHeaderId.CallId, Request.CallId)
            .Add(SipHeaderId.CSeq, $"{Request.CSeq.Number} CANCEL");
        if (_pendingCancelReason is { } reason)
        {
            cancel.Add(SipHeaderId.Reason, reason);
        }
        return cancel;
    }

    // §17.1.1.3: the ACK of a non-2xx shares the INVITE's branch, Request-URI and Route set, and takes the response's To.
    private SipMessageBuilder BuildAck(SipMessage response)
    {
        var ack = SipMessageBuilder.Request(SipMethod.Ack, Request.RequestUriText)
            .Add(SipHeaderId.Via, Request.GetHeaderAt(Request.IndexOf(SipHeaderId.Via, 0)).Value);
        CopyRoutes(ack);
        return ack.Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, Request.GetHeader(SipHeaderId.From)!)
            .Add(SipHeaderId.To, response.GetHeader(SipHeaderId.To)!)
            .Add(SipHeaderId.CallId, Request.CallId)
            .Add(SipHeaderId.CSeq, $"{Request.CSeq.Number} ACK");
    }

    private void CopyRoutes(SipMessageBuilder target)
    {
        foreach (var route in Request.GetHeaders(SipHeaderId.Route))
        {
            target.Add(SipHeaderId.Route, route);
        }
    }
}
