using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Events;

/// <summary>
/// One subscription at the notifier (RFC 6665 §4.2): its dialog, negotiated body format, expiry timer on the injected
/// clock, and the NOTIFYs that carry its state. Created by <see cref="SipNotifier"/>; the transaction user calls
/// <see cref="Notify"/> when the watched state changes and <see cref="Terminate"/> to end it. Thread-safe: a lock
/// never held across an await orders the NOTIFYs (and so their CSeq numbers and versions).
/// </summary>
public sealed class SipSubscription
{
    private readonly Lock _gate = new();
    private readonly SipNotifier _owner;
    private readonly SipStack _stack;
    private readonly SipDialog _dialog;
    private readonly SipEventPackage _package;
    private readonly ITimer _expiry;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SipDestination _flow;
    private bool _terminated;

    internal SipSubscription(SipNotifier owner, SipStack stack, SipDialog dialog, SipEvent sipEvent, SipEventPackage package,
        string contentType, SipMessage subscribe, TimeProvider time)
    {
        _owner = owner;
        _stack = stack;
        _dialog = dialog;
        _package = package;
        Event = sipEvent;
        ContentType = contentType;
        Resource = subscribe.RequestUriText;
        _flow = FlowOf(subscribe);
        _time = time;
        _expiry = time.CreateTimer(static state => ((SipSubscription)state!).Expire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The dialog id (Call-ID, our tag, the subscriber's tag).</summary>
    public SipDialogId DialogId => _dialog.Id;

    /// <summary>The Event of the subscription (type and id).</summary>
    public SipEvent Event { get; }

    /// <summary>The body format chosen from the subscriber's Accept (RFC 6665 §4.2.1.1).</summary>
    public string ContentType { get; }

    /// <summary>The Request-URI of the initial SUBSCRIBE: the resource watched.</summary>
    public string Resource { get; }

    /// <summary>
    /// The number of state-carrying NOTIFYs sent before the one being rendered: 0 for the first. RFC 4235 §4.1 puts
    /// this per-subscription version in dialog-info so a subscriber detects lost or reordered NOTIFYs.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>When the subscription expires unless refreshed.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>True once the final NOTIFY went out or the subscriber refused one.</summary>
    public bool IsTerminated
    {
        get
        {
            lock (_gate)
            {
                return _terminated;
            }
        }
    }

    /// <summary>Completes when the subscription ends, whichever side ended it: the transaction user drops its watcher then.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Sends a NOTIFY with the current state (RFC 6665 §4.2.2); nothing before the first NOTIFY or once terminated.</summary>
    public void Notify()
    {
        lock (_gate)
        {
            // Before activation the first NOTIFY, which carries the state anyway, has not gone out yet.
            if (!_terminated && ExpiresAt != default)
            {
                SendNotify(ActiveState(), withBody: true);
            }
        }
    }

    /// <summary>
    /// Ends the subscription with a final NOTIFY <c>terminated;reason=<paramref name="reason"/></c> (RFC 6665 §4.2.2):
    /// <c>noresource</c> when the resource is gone, <c>rejected</c> when authorisation was withdrawn, <c>deactivated</c>
    /// at shutdown. The state is included only for <c>timeout</c>, where it is still meaningful. Nothing once terminated.
    /// </summary>
    public void Terminate(string reason)
    {
        lock (_gate)
        {
            if (_terminated)
            {
                return;
            }
            SendNotify(new SipSubscriptionState(SipSubscriptionStateValue.Terminated, reason: reason), withBody: reason == "timeout");
            End();
        }
    }

    /// <summary>Starts or refreshes the subscription for <paramref name="granted"/> and sends the current state (§4.2.1.2).</summary>
    internal void Activate(TimeSpan granted, SipMessage subscribe)
    {
        lock (_gate)
        {
            if (_terminated)
            {
                return;
            }
            _flow = FlowOf(subscribe);
            ExpiresAt = _time.GetUtcNow() + granted;
            _expiry.Change(granted, Timeout.InfiniteTimeSpan);
            SendNotify(ActiveState(), withBody: true);
        }
    }

    /// <summary>§12.2.2: the CSeq of an in-dialog SUBSCRIBE; false for an old one.</summary>
    internal bool AcceptRemoteCSeq(uint number)
    {
        lock (_gate)
        {
            return _dialog.AcceptRemoteCSeq(number);
        }
    }

    /// <summary>The contact this notifier advertises for the subscriber's flow.</summary>
    internal string LocalContact
    {
        get
        {
            lock (_gate)
            {
                return $"<{_stack.LocalUri(_flow)}>";
            }
        }
    }

    // Like the B2BUA's legs, NOTIFYs follow the subscriber's flow (the source of its last SUBSCRIBE, reusing a TCP
    // connection) rather than resolving the Contact: phones sit behind NAT and on TCP connections they opened.
    private static SipDestination FlowOf(SipMessage subscribe) =>
        subscribe.Source is { } source
            ? new SipDestination(source.Protocol, source.Remote, source.ConnectionId)
            : throw new ArgumentException("The SUBSCRIBE has no source.", nameof(subscribe));

    private SipSubscriptionState ActiveState()
    {
        var remaining = Math.Max(0, (int)Math.Ceiling((ExpiresAt - _time.GetUtcNow()).TotalSeconds));
        return new SipSubscriptionState(SipSubscriptionStateValue.Active, expires: remaining);
    }

    private void Expire()
    {
        // §4.2.2: a subscription not refreshed in time ends with a NOTIFY whose reason is timeout.
        Terminate("timeout");
    }

    private void SendNotify(SipSubscriptionState state, bool withBody)
    {
        var notify = _dialog.CreateRequest(SipMethod.Notify)
            .Add(SipHeaderId.Event, Event.ToString())
            .Add(SipHeaderId.SubscriptionState, state.ToString())
            .Add(SipHeaderId.Contact, $"<{_stack.LocalUri(_flow)}>");
        if (withBody)
        {
            notify.WithBody(_package.Render(this), ContentType);
            Version++;
        }
        var transaction = _stack.SendRequest(notify, _flow);
        _ = ObserveAsync(transaction);
    }

    // §4.2.2: a 481 means the subscriber has no such subscription, and a NOTIFY that timed out or failed on the
    // transport means it is gone (RFC 5057 §5.1 treats the other failures alike): the subscription ends silently.
    private async Task ObserveAsync(SipClientTransaction transaction)
    {
        using var response = await transaction.FinalResponse.ConfigureAwait(false);
        if (response.StatusCode < 300)
        {
            return;
        }
        lock (_gate)
        {
            if (!_terminated)
            {
                End();
            }
        }
    }

    private void End()
    {
        _terminated = true;
        _expiry.Dispose();
        _stack.Dialogs.Remove(_dialog);
        _dialog.Terminate();
        _owner.Forget(this);
        _ended.TrySetResult();
    }
}
