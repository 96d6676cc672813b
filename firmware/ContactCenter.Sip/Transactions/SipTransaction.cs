using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// State shared by the four transaction machines of RFC 3261 §17. Every member is touched only by the
/// <see cref="SipStack"/> loop; public methods of derived types post work to that loop.
/// </summary>
public abstract class SipTransaction
{
    private static readonly int TimerCount = Enum.GetValues<SipTimer>().Length;
    private readonly ITimer?[] _timers = new ITimer?[TimerCount];
    private readonly int[] _generations = new int[TimerCount];

    private protected SipTransaction(SipStack stack, SipTransactionKey key, SipMessage request, SipDestination destination)
    {
        Stack = stack;
        Key = key;
        Request = request;
        Destination = destination;
    }

    /// <summary>The matching key.</summary>
    public SipTransactionKey Key { get; }

    /// <summary>The request that created the transaction.</summary>
    public SipMessage Request { get; }

    /// <summary>The current state (read on the stack loop; elsewhere a snapshot).</summary>
    public SipTransactionState State { get; private protected set; }

    /// <summary>Where this transaction's messages go.</summary>
    public SipDestination Destination { get; private protected set; }

    private protected SipStack Stack { get; }

    private protected SipTimerSettings Timers => Stack.TimerSettings;

    private protected void StartTimer(SipTimer timer, TimeSpan due)
    {
        StopTimer(timer);
        var index = (int)timer;
        var state = new TimerState(this, timer, _generations[index]);
        _timers[index] = Stack.Time.CreateTimer(static s => ((TimerState)s!).Fire(), state, due, Timeout.InfiniteTimeSpan);
    }

    private protected void StopTimer(SipTimer timer)
    {
        var index = (int)timer;
        _timers[index]?.Dispose();
        _timers[index] = null;
        _generations[index]++;
    }

    internal void OnTimer(SipTimer timer, int generation)
    {
        if (State == SipTransactionState.Terminated || _generations[(int)timer] != generation)
        {
            return;
        }
        _timers[(int)timer] = null;
        HandleTimer(timer);
    }

    /// <summary>Called on the loop when a send of this transaction failed (RFC 3261 §17.1.4, §17.2.4).</summary>
    internal abstract void OnTransportError();

    private protected abstract void HandleTimer(SipTimer timer);

    private protected void Terminate()
    {
        if (State == SipTransactionState.Terminated)
        {
            return;
        }
        State = SipTransactionState.Terminated;
        for (var i = 0; i < TimerCount; i++)
        {
            StopTimer((SipTimer)i);
        }
        Stack.Forget(this);
        OnTerminated();
    }

    private protected virtual void OnTerminated()
    {
    }

    private sealed class TimerState(SipTransaction transaction, SipTimer timer, int generation)
    {
        public void Fire() => transaction.Stack.PostTimer(transaction, timer, generation);
    }
}
