using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// The INVITE server transaction of RFC 3261 §17.2.1 with the Accepted state of RFC 6026 §7.1.
/// It also retransmits a 2xx until the ACK arrives (the UAS core's duty in §13.3.1.4, kept here so
/// that every transaction user gets it right).
/// </summary>
public sealed class SipInviteServerTransaction : SipServerTransaction
{
    private readonly TaskCompletionSource<SipMessage?> _ack = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SipMessage> _cancel = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _retransmitInterval;

    internal SipInviteServerTransaction(SipStack stack, SipTransactionKey key, SipMessage request, SipDestination destination)
        : base(stack, key, request, destination)
    {
        State = SipTransactionState.Proceeding;
    }

    /// <summary>Completes with the ACK of a 2xx, or null when none came within 64*T1 (§13.3.1.4: end the session with BYE).</summary>
    public Task<SipMessage?> AckReceived => _ack.Task;

    /// <summary>Completes with the CANCEL when the caller cancelled before a final response; the stack has then answered 487.</summary>
    public Task<SipMessage> Cancelled => _cancel.Task;

    /// <summary>Sends the 100 Trying at once: §17.2.1 allows skipping it only when the TU answers within 200 ms, which a B2BUA never knows.</summary>
    internal void Start() => SendResponse(Request.CreateResponse(100).ToMessage());

    internal override void OnRetransmission()
    {
        // RFC 6026 §7.1: in Accepted, retransmitted INVITEs are absorbed; the 2xx retransmissions cover them.
        if (State is SipTransactionState.Proceeding or SipTransactionState.Completed)
        {
            Resend();
        }
    }

    internal override bool Respond(SipMessage response)
    {
        if (State != SipTransactionState.Proceeding && !(State == SipTransactionState.Accepted && response.StatusCode is >= 200 and < 300))
        {
            return false;
        }
        SendResponse(response);
        if (response.StatusCode < 200)
        {
            return true;
        }
        _retransmitInterval = Timers.T1;
        if (response.StatusCode < 300)
        {
            if (State == SipTransactionState.Proceeding)
            {
                State = SipTransactionState.Accepted;
                StartTimer(SipTimer.L, Timers.Transaction);
            }
            StartTimer(SipTimer.G, _retransmitInterval);
            Stack.TrackAccepted(this);
            return true;
        }
        State = SipTransactionState.Completed;
        if (!Destination.IsReliable)
        {
            StartTimer(SipTimer.G, _retransmitInterval);
        }
        StartTimer(SipTimer.H, Timers.Transaction);
        return true;
    }

    /// <summary>On the loop: the ACK of a non-2xx final response (same branch).</summary>
    internal void OnAck()
    {
        if (State != SipTransactionState.Completed)
        {
            return;
        }
        State = SipTransactionState.Confirmed;
        StopTimer(SipTimer.G);
        StopTimer(SipTimer.H);
        var wait = Timers.IorK(Destination.IsReliable);
        if (wait == TimeSpan.Zero)
        {
            Terminate();
        }
        else
        {
            StartTimer(SipTimer.I, wait);
        }
    }

    /// <summary>On the loop: the ACK of a 2xx (a new transaction of its own, matched by dialog).</summary>
    internal void OnAck2xx(SipMessage ack)
    {
        StopTimer(SipTimer.G);
        _ack.TrySetResult(ack);
    }

    /// <summary>On the loop: a CANCEL matched this INVITE. §9.2: answer the INVITE with 487 if no final response went out.</summary>
    internal void OnCancel(SipMessage cancel)
    {
        if (State != SipTransactionState.Proceeding)
        {
            return;
        }
        Respond(Request.CreateResponse(487, toTag: LocalTag ?? SipIdentifiers.NewTag()).ToMessage());
        _cancel.TrySetResult(cancel);
    }

    internal override void OnTransportError()
    {
        _ack.TrySetResult(null);
        Terminate();
    }

    private protected override void HandleTimer(SipTimer timer)
    {
        switch (timer)
        {
            case SipTimer.G when State is SipTransactionState.Completed or SipTransactionState.Accepted && !_ack.Task.IsCompleted:
                Resend();
                _retransmitInterval = Timers.Backoff(_retransmitInterval);
                StartTimer(SipTimer.G, _retransmitInterval);
                break;
            case SipTimer.H:
                Stack.LogAckTimeout(this);
                Terminate();
                break;
            case SipTimer.I:
            case SipTimer.L:
                Terminate();
                break;
        }
    }

    private protected override void OnTerminated() => _ack.TrySetResult(null);
}
