using System.Buffers;
using ContactCenter.Data.Snapshots;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip;
using ContactCenter.Sip.Events;
using ContactCenter.Sip.Events.Bodies;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Presence;

/// <summary>
/// SIP presence for phones (issue #5 §5): answers SUBSCRIBE for <c>dialog</c> (BLF), <c>presence</c> and
/// <c>message-summary</c> after digest authentication (407, as for INVITE) and the watch policy, and turns every
/// change of the <see cref="PresenceModel"/> into NOTIFYs to that extension's watchers.
/// </summary>
public sealed class PresenceService
{
    private readonly PresenceModel _model;
    private readonly SipRegistrar _registrar;
    private readonly ExtensionDirectory _directory;
    private readonly PresenceOptions _options;
    private readonly SipNotifier _notifier;
    private readonly ILogger _logger;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SipSubscription, string> _watched = [];

    /// <summary>Creates the service and makes it an observer of <paramref name="model"/>.</summary>
    public PresenceService(SipStack stack, PresenceModel model, SipRegistrar registrar, ExtensionDirectory directory, PresenceOptions options,
        TimeProvider time, ILogger<PresenceService> logger)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        _model = model;
        _registrar = registrar;
        _directory = directory;
        _options = options;
        _logger = logger;
        _notifier = new SipNotifier(stack, options.Subscriptions, time,
        [
            new SipEventPackage("dialog", [SipDialogInfoWriter.ContentType], RenderDialogs),
            new SipEventPackage("presence", [SipPidfWriter.ContentType], RenderPresence),
            new SipEventPackage("message-summary", [SipMessageSummaryWriter.ContentType], RenderMessages),
        ]);
        model.AddObserver(OnChanged);
    }

    /// <summary>The Allow-Events value.</summary>
    public string AllowEvents => _notifier.AllowEvents;

    /// <summary>How many subscriptions are active.</summary>
    public int SubscriptionCount => _notifier.Count;

    /// <summary>Handles a SUBSCRIBE (initial or in-dialog).</summary>
    public async Task HandleAsync(SipServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        var tag = SipIdentifiers.NewTag();
        var authentication = _registrar.Authenticator.Authenticate(request, request.From.Uri?.User ?? "", tag, _registrar.HoldsOtherRegistrations);
        if (!authentication.IsAuthenticated)
        {
            await transaction.RespondAsync(authentication.Challenge).ConfigureAwait(false);
            return;
        }
        // A refresh names our Contact, not the extension: it is matched to its subscription by dialog instead.
        if (request.To.Tag is null)
        {
            var watched = request.RequestUri is { User: { } user } ? user : null;
            if (watched is null || (!_directory.Current.TryGet(watched, out _) && !_options.ParkSlots.Contains(watched)))
            {
                await transaction.RespondAsync(404, toTag: tag).ConfigureAwait(false);
                return;
            }
            var watcher = authentication.Extension.Number;
            // A mailbox is its owner's alone; calls and presence follow the watch policy.
            var allowed = IsMessageSummary(request) ? string.Equals(watcher, watched, StringComparison.Ordinal) : _options.MayWatch(watcher, watched);
            if (!allowed)
            {
                PresenceLog.WatchRefused(_logger, watcher, watched);
                await transaction.RespondAsync(403, toTag: tag).ConfigureAwait(false);
                return;
            }
        }
        await _notifier.HandleSubscribeAsync(transaction).ConfigureAwait(false);
    }

    /// <summary>Ends every subscription with <c>deactivated</c> (RFC 6665 §4.2.2: the subscriber may subscribe again), at shutdown.</summary>
    public void Stop()
    {
        foreach (var subscription in _notifier.GetSubscriptions())
        {
            subscription.Terminate("deactivated");
        }
    }

    private static bool IsMessageSummary(SipMessage request) =>
        Sip.Messages.Headers.SipEvent.TryParse(request.GetHeader(SipHeaderId.Event), out var sipEvent) && sipEvent.EventType == "message-summary";

    private void OnChanged(PresenceSnapshot snapshot)
    {
        foreach (var subscription in _notifier.GetSubscriptions())
        {
            if (string.Equals(ExtensionOf(subscription), snapshot.Extension, StringComparison.Ordinal))
            {
                subscription.Notify();
            }
        }
    }

    // Each change looks at every subscription: the extension a subscription watches is parsed from its URI once, and
    // forgotten with the subscription.
    private string ExtensionOf(SipSubscription subscription) =>
        _watched.GetValue(subscription, static s => SipUri.TryParse(s.Resource, out var uri) ? uri.User ?? "" : "");

    private ReadOnlyMemory<byte> RenderDialogs(SipSubscription subscription)
    {
        var writer = new ArrayBufferWriter<byte>(1024);
        var snapshot = _model.Get(ExtensionOf(subscription));
        // Full state (RFC 4235 §4.1): the live dialogs, and those the last change ended, once, as terminated.
        SipDialogInfoWriter.Write(writer, subscription.Resource, subscription.Version, [.. snapshot.Dialogs, .. snapshot.Ended]);
        return writer.WrittenMemory;
    }

    private ReadOnlyMemory<byte> RenderPresence(SipSubscription subscription)
    {
        var snapshot = _model.Get(ExtensionOf(subscription));
        var note = snapshot.DoNotDisturb ? _options.DoNotDisturbNote
            : snapshot.Away ? _options.AwayNote
            : snapshot.Activity != ExtensionActivity.Idle ? _options.InUseNote
            : null;
        var writer = new ArrayBufferWriter<byte>(512);
        // RFC 3863 §4.1.4: closed means the entity will not accept communication, which is what do not disturb says.
        SipPidfWriter.Write(writer, subscription.Resource, "t" + snapshot.Extension, open: !snapshot.DoNotDisturb, note);
        return writer.WrittenMemory;
    }

    private ReadOnlyMemory<byte> RenderMessages(SipSubscription subscription)
    {
        var snapshot = _model.Get(ExtensionOf(subscription));
        var writer = new ArrayBufferWriter<byte>(128);
        SipMessageSummaryWriter.Write(writer, subscription.Resource, snapshot.NewMessages, snapshot.OldMessages);
        return writer.WrittenMemory;
    }
}
