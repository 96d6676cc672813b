using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>The non-INVITE client transaction of RFC 3261 §17.1.2.</summary>
public sealed class SipNonInviteClientTransaction : SipClientTransaction
{

    internal SipNonInviteClientTransaction(SipStack stack, SipTransactionKey key, SipMessage request, byte[] requestBytes, SipDestination destination)
        : base(stack, key, request, requestBytes, destination)
    {
        State = SipTransactionState.Trying;
    }

    private protected override SipTimer RetransmitTimer => SipTimer.E;

    private protected override SipTimer TimeoutTimer => SipTimer.F;

    internal override void OnResponse(SipMessage response)
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return;
        }
        if (response.StatusCode < 200)
        {
            State = SipTransactionState.Proceeding;
            PassUp(response);
            return;
        }
        StopTimer(SipTimer.E);
        StopTimer(SipTimer.F);
        State = SipTransactionState.Completed;
        PassUp(response);
        var wait = Timers.IorK(Destination.IsReliable);
        if (wait == TimeSpan.Zero)
        {
            Terminate();
        }
        else
        {
            StartTimer(SipTimer.K, wait);
        }
    }

    private protected override void HandleTimer(SipTimer timer)
    {
        switch (timer)
        {
            case SipTimer.E when State is SipTransactionState.Trying or SipTransactionState.Proceeding:
                Stack.Transmit(this, RequestBytes);
                // §17.1.2.2: back off to T2 in Trying; in Proceeding retransmit every T2.
                RetransmitInterval = State == SipTransactionState.Trying ? Timers.Backoff(RetransmitInterval) : Timers.T2;
                StartTimer(SipTimer.E, RetransmitInterval);
                break;
            case SipTimer.F when State is SipTransactionState.Trying or SipTransactionState.Proceeding:
                TimedOut();
                break;
            case SipTimer.K:
                Terminate();
                break;
        }
    }
}
