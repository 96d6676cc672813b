using System.Collections.Concurrent;
using System.Globalization;
using ContactCenter.Data.Repositories;
using ContactCenter.Data.Snapshots;
using ContactCenter.Media.Relay;
using ContactCenter.Pbx.Features;
using ContactCenter.Pbx.Parking;
using ContactCenter.Pbx.Presence;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Calls;

/// <summary>
/// The transaction user for calls: a new INVITE from an extension is authenticated (407, RFC 3261 §22.3) and becomes a
/// <see cref="Call"/> actor; an in-dialog request goes to the call that owns the dialog, or gets 481 (§12.2.2). A call to
/// a feature code (<see cref="CallOptions.FeatureCodes"/>) is answered by the appliance's own application when
/// <see cref="FeatureServices"/> are given; without them feature codes are unknown numbers.
/// </summary>
public sealed class CallRouter
{
    private readonly ConcurrentDictionary<SipDialogId, (Call Call, CallLeg Leg)> _dialogs = new();
    private readonly ConcurrentDictionary<Call, byte> _calls = new();
    private readonly SipRegistrar _registrar;
    private readonly CallServices _services;
    private readonly ILogger _logger;
    private int _stopping;

    /// <summary>
    /// Creates the router; with a <paramref name="presence"/> model, calls between extensions report their dialogs to it;
    /// with <paramref name="parking"/>, calls can be parked (otherwise park answers <c>Unavailable</c>).
    /// </summary>
    public CallRouter(CallOptions options, SipStack stack, RtpRelay relay, CallRecordWriter records, SipRegistrar registrar,
        ExtensionDirectory directory, TimeProvider time, ILoggerFactory loggerFactory, FeatureServices? features = null, PresenceModel? presence = null,
        ParkingServices? parking = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();
        _registrar = registrar ?? throw new ArgumentNullException(nameof(registrar));
        _logger = loggerFactory.CreateLogger<CallRouter>();
        _services = new CallServices(stack, relay, records, registrar, directory, options, time, _logger, this, features, presence, parking,
            new ParkingLot(options));
    }

    /// <summary>Calls in progress (including those winding down).</summary>
    public int ActiveCalls => _calls.Count;

    /// <summary>Handles a server transaction that is not a REGISTER. Never throws for the request's content.</summary>
    public Task HandleAsync(SipServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        if (request.To.Tag is { } toTag)
        {
            if (_dialogs.TryGetValue(new SipDialogId(request.CallId, toTag, request.From.Tag ?? ""), out var owner)
                && owner.Call.Post(new CallEvent.Request(owner.Leg, transaction)))
            {
                return Task.CompletedTask;
            }
            return transaction.RespondAsync(481);
        }
        if (transaction is not SipInviteServerTransaction invite)
        {
            // BYE, UPDATE, INFO… outside any dialog.
            return transaction.RespondAsync(481, toTag: SipIdentifiers.NewTag());
        }
        return Admit(invite);
    }

    /// <summary>Ends every call (BYE or CANCEL, records "interrupted") and waits for them; new calls get 503 meanwhile.</summary>
    public async Task StopAsync()
    {
        Interlocked.Exchange(ref _stopping, 1);
        foreach (var call in _calls.Keys)
        {
            call.Post(new CallEvent.Shutdown());
        }
        await Task.WhenAll(_calls.Keys.Select(c => c.Completion)).ConfigureAwait(false);
    }

    internal void Attach(SipDialog dialog, Call call, CallLeg leg)
    {
        _dialogs[dialog.Id] = (call, leg);
        _services.Stack.Dialogs.Add(dialog);
    }

    internal void Detach(SipDialog dialog)
    {
        _dialogs.TryRemove(dialog.Id, out _);
        _services.Stack.Dialogs.Remove(dialog);
    }

    internal void Forget(Call call) => _calls.TryRemove(call, out _);

    /// <summary>Starts a call the appliance places itself (click-to-call); false when it cannot take one now (stopping, too many calls).</summary>
    internal bool TryOriginate(Call call)
    {
        if (Volatile.Read(ref _stopping) != 0 || _calls.Count >= _services.Options.MaxCalls)
        {
            return false;
        }
        _calls.TryAdd(call, 0);
        call.Run();
        return true;
    }

    /// <summary>What the calls use (the call commands check numbers and registrations against the same).</summary>
    internal CallServices Services => _services;

    /// <summary>The first call in progress whose published view matches (a hint: the call's actor checks again).</summary>
    internal Call? Find(Func<CallView, bool> match)
    {
        foreach (var call in _calls.Keys)
        {
            if (match(call.View))
            {
                return call;
            }
        }
        return null;
    }

    private Task Admit(SipInviteServerTransaction invite)
    {
        var request = invite.Request;
        var tag = SipIdentifiers.NewTag();
        var claimed = request.From.Uri?.User ?? "";
        var authentication = _registrar.Authenticator.Authenticate(request, claimed, tag, _registrar.HoldsOtherRegistrations);
        if (!authentication.IsAuthenticated)
        {
            return invite.RespondAsync(authentication.Challenge);
        }
        if (Volatile.Read(ref _stopping) != 0 || _calls.Count >= _services.Options.MaxCalls)
        {
            CallLog.Refused(_logger, request.CallId, 503, _stopping != 0 ? "stopping" : "too many calls");
            return invite.RespondAsync(request.CreateResponse(503, toTag: tag).Add(SipHeaderId.RetryAfter, "5"));
        }
        if (!SessionTimer.TryNegotiate(request, _services.Options.MinSessionSeconds, out var timer, out var requireTimer))
        {
            // RFC 4028 §9: a step of the negotiation, not a call: the caller retries with a longer interval.
            CallLog.Refused(_logger, request.CallId, 422, "session interval too small");
            return invite.RespondAsync(request.CreateResponse(422, toTag: tag)
                .Add(SipHeaderId.MinSE, _services.Options.MinSessionSeconds.ToString(CultureInfo.InvariantCulture)));
        }
        var callee = request.RequestUri is { User: { Length: > 0 } user } ? user : "";
        if (request.GetHeader("Replaces") is { } replacesHeader)
        {
            // RFC 3891 §3: the INVITE takes over the dialog it names, or gets 481 when there is none (a bad header: 400).
            if (!CallReplaces.TryParse(replacesHeader, out var replaces))
            {
                return invite.RespondAsync(request.CreateResponse(400, "Bad Replaces Header", tag));
            }
            foreach (var existing in _calls.Keys)
            {
                if (existing.Id == replaces.CallId && existing.Post(new CallEvent.PickUpByReplaces(invite, authentication.Extension, timer, replaces)))
                {
                    return Task.CompletedTask;
                }
            }
            return invite.RespondAsync(request.CreateResponse(481, toTag: tag));
        }
        if (_services.Lot.IsSlot(callee))
        {
            // Dialling a park slot retrieves its call (as on Yeastar and FreePBX): the INVITE goes to the parked call.
            if (_services.Lot.Find(callee) is { } parked && parked.Post(new CallEvent.RetrieveByCall(invite, authentication.Extension, timer)))
            {
                return Task.CompletedTask;
            }
            CallLog.Refused(_logger, request.CallId, 404, $"no call parked in {callee}");
            return invite.RespondAsync(request.CreateResponse(404, "No Call Parked Here", tag));
        }
        var call = Call.Create(_services, invite, authentication.Extension, callee, timer, requireTimer);
        _calls.TryAdd(call, 0);
        call.Run();
        return Task.CompletedTask;
    }
}
