using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>The non-INVITE server transaction of RFC 3261 §17.2.2.</summary>
public sealed class SipNonInviteServerTransaction : SipServerTransaction
{
    internal SipNonInviteServerTransaction(SipStack stack, SipTransactionKey key, SipMessage request, SipDestination destination)
        : base(stack, key, request, destination)
    {
        State = SipTransactionState.Trying;
    }

    internal override void OnRetransmission()
    {
        // §17.2.2: absorbed in Trying; the last response is resent in Proceeding and Completed.
        if (State != SipTransactionState.Trying)
        {
            Resend();
        }
    }

    internal override bool Respond(SipMessage response)
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return false;
        }
        SendResponse(response);
        if (response.StatusCode < 200)
        {
            State = SipTransactionState.Proceeding;
            return true;
        }
        State = SipTransactionState.Completed;
        var wait = Timers.J(Destination.IsReliable);
        if (wait == TimeSpan.Zero)
        {
            Terminate();
        }
        else
        {
            StartTimer(SipTimer.J, wait);
        }
        return true;
    }

    internal override void OnTransportError() => Terminate();

    private protected override void HandleTimer(SipTimer timer)
    {
        if (timer == SipTimer.J)
        {
            Terminate();
        }
    }
}
