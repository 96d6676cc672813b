using System.Globalization;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Events;

/// <summary>
/// The notifier side of SIP-specific event notification (RFC 6665 §4.2) as a mechanism: it answers SUBSCRIBE
/// requests the transaction user has already authenticated and authorised, creates, refreshes, fetches and ends
/// subscriptions, and sends their NOTIFYs. What a resource's state is, and who may watch whom, stay with the caller.
/// Thread-safe.
/// </summary>
public sealed class SipNotifier
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SipDialogId, SipSubscription> _subscriptions = [];
    private readonly Dictionary<string, SipEventPackage> _packages = new(StringComparer.Ordinal);
    private readonly SipStack _stack;
    private readonly SipNotifierOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates a notifier for <paramref name="packages"/>, sending through <paramref name="stack"/>.</summary>
    public SipNotifier(SipStack stack, SipNotifierOptions options, TimeProvider time, IEnumerable<SipEventPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        _stack = stack;
        _options = options;
        _time = time;
        foreach (var package in packages)
        {
            if (package.ContentTypes.Count == 0)
            {
                throw new ArgumentException($"Event package {package.EventType} renders no content type.", nameof(packages));
            }
            _packages.Add(package.EventType, package);
        }
        AllowEvents = string.Join(", ", _packages.Keys);
    }

    /// <summary>The Allow-Events value: the event types served (RFC 6665 §8.2.2).</summary>
    public string AllowEvents { get; }

    /// <summary>How many subscriptions are active.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    /// <summary>A snapshot of the active subscriptions, e.g. to notify every watcher of a resource whose state changed.</summary>
    public SipSubscription[] GetSubscriptions()
    {
        lock (_gate)
        {
            return [.. _subscriptions.Values];
        }
    }

    /// <summary>
    /// Answers a SUBSCRIBE (initial or in-dialog) and sends the NOTIFY that follows a successful one (§4.2.1.2).
    /// Returns the subscription that is now active, or null when the request was refused, was a fetch, or
    /// unsubscribed. Refusals: 400 without a valid Event, 489 for an unknown package (with Allow-Events), 481 for an
    /// in-dialog SUBSCRIBE matching no subscription, 500 for an out-of-order CSeq, 415 for a body (no filters are
    /// supported), 406 when Accept allows none of the package's formats, 423 with Min-Expires below the minimum.
    /// </summary>
    public async Task<SipSubscription?> HandleSubscribeAsync(SipServerTransaction subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        var request = subscribe.Request;
        if (request.Method != SipMethod.Subscribe)
        {
            throw new ArgumentException("Not a SUBSCRIBE.", nameof(subscribe));
        }
        if (!SipEvent.TryParse(request.GetHeader(SipHeaderId.Event), out var sipEvent))
        {
            await subscribe.RespondAsync(400, "Missing or malformed Event header").ConfigureAwait(false);
            return null;
        }
        if (!_packages.TryGetValue(sipEvent.EventType, out var package))
        {
            await subscribe.RespondAsync(request.CreateResponse(489).Add(SipHeaderId.AllowEvents, AllowEvents)).ConfigureAwait(false);
            return null;
        }
        return request.To.Tag is { } toTag
            ? await RefreshAsync(subscribe, sipEvent, toTag).ConfigureAwait(false)
            : await CreateAsync(subscribe, sipEvent, package).ConfigureAwait(false);
    }

    internal void Forget(SipSubscription subscription)
    {
        lock (_gate)
        {
            if (_subscriptions.TryGetValue(subscription.DialogId, out var tracked) && tracked == subscription)
            {
                _subscriptions.Remove(subscription.DialogId);
            }
        }
    }

    private async Task<SipSubscription?> CreateAsync(SipServerTransaction subscribe, SipEvent sipEvent, SipEventPackage package)
    {
        var request = subscribe.Request;
        var localTag = SipIdentifiers.NewTag();
        if (!request.Body.IsEmpty)
        {
            await subscribe.RespondAsync(415, toTag: localTag).ConfigureAwait(false);
            return null;
        }
        if (!SipAccept.TryChoose(request, package.ContentTypes, out var contentType))
        {
            await subscribe.RespondAsync(request.CreateResponse(406, toTag: localTag)
                .Add(SipHeaderId.Accept, string.Join(", ", package.ContentTypes))).ConfigureAwait(false);
            return null;
        }
        if (await RefuseBriefAsync(subscribe, localTag).ConfigureAwait(false) is not { } granted)
        {
            return null;
        }
        var dialog = SipDialog.CreateAsUas(request, localTag, confirmed: true);
        var subscription = new SipSubscription(this, _stack, dialog, sipEvent, package, contentType, request, _time);
        if (granted == TimeSpan.Zero)
        {
            // §4.4.3: a fetch is a subscription that ends at once; its one NOTIFY carries the state.
            await subscribe.RespondAsync(Accepted(request, granted, subscription, localTag)).ConfigureAwait(false);
            subscription.Terminate("timeout");
            return null;
        }
        // Known before the 200 leaves, so a refresh racing the first NOTIFY finds its dialog.
        lock (_gate)
        {
            _stack.Dialogs.Add(dialog);
            _subscriptions.Add(dialog.Id, subscription);
        }
        await subscribe.RespondAsync(Accepted(request, granted, subscription, localTag)).ConfigureAwait(false);
        subscription.Activate(granted, request);
        return subscription;
    }

    private async Task<SipSubscription?> RefreshAsync(SipServerTransaction subscribe, SipEvent sipEvent, string toTag)
    {
        var request = subscribe.Request;
        SipSubscription? subscription;
        lock (_gate)
        {
            _subscriptions.TryGetValue(new SipDialogId(request.CallId, toTag, request.From.Tag ?? ""), out subscription);
        }
        // §4.2.1.2 / §4.1.2.4: one subscription per dialog here, matched by its event type and id.
        if (subscription is null || !subscription.Event.Matches(sipEvent))
        {
            await subscribe.RespondAsync(481).ConfigureAwait(false);
            return null;
        }
        if (!subscription.AcceptRemoteCSeq(request.CSeq.Number))
        {
            await subscribe.RespondAsync(500, "CSeq out of order").ConfigureAwait(false);
            return null;
        }
        if (await RefuseBriefAsync(subscribe, localTag: null).ConfigureAwait(false) is not { } granted)
        {
            return subscription;
        }
        await subscribe.RespondAsync(Accepted(request, granted, subscription, localTag: null)).ConfigureAwait(false);
        if (granted == TimeSpan.Zero)
        {
            // §4.2.1.4: unsubscribing is a refresh to zero; the final NOTIFY still carries the state.
            subscription.Terminate("timeout");
            return null;
        }
        subscription.Activate(granted, request);
        return subscription;
    }

    // §4.2.1.1: no Expires takes the default, a longer one is shortened, a shorter non-zero one gets 423.
    private async Task<TimeSpan?> RefuseBriefAsync(SipServerTransaction subscribe, string? localTag)
    {
        var request = subscribe.Request;
        var requested = request.Expires is { } seconds ? TimeSpan.FromSeconds(seconds) : _options.DefaultExpires;
        if (requested > TimeSpan.Zero && requested < _options.MinimumExpires)
        {
            await subscribe.RespondAsync(request.CreateResponse(423, toTag: localTag)
                .Add(SipHeaderId.MinExpires, Seconds(_options.MinimumExpires))).ConfigureAwait(false);
            return null;
        }
        return requested > _options.MaximumExpires ? _options.MaximumExpires : requested;
    }

    private static SipMessageBuilder Accepted(SipMessage request, TimeSpan granted, SipSubscription subscription, string? localTag) =>
        request.CreateResponse(200, toTag: localTag)
            .Add(SipHeaderId.Expires, Seconds(granted))
            .Add(SipHeaderId.Contact, subscription.LocalContact);

    private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
