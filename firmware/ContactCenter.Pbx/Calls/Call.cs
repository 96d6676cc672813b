using System.Threading.Channels;
using ContactCenter.Data.Repositories;
using ContactCenter.Media.Quality;
using ContactCenter.Media.Relay;
using ContactCenter.Pbx.Commands;
using ContactCenter.Sip.Events.Bodies;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Pbx.Calls;

/// <summary>
/// One call between two extensions, as a back-to-back user agent (DESIGN.md "Concurrency": one actor per call). The
/// caller's INVITE is answered on the caller leg; every registered contact of the callee is rung on the callee leg; the
/// first 2xx joins the two, and from then on requests are passed across. Every change of state happens in
/// <see cref="Handle"/>, one mailbox event at a time; other threads only <see cref="Post"/>.
/// </summary>
/// <remarks>
/// The actor ends when the call is over and nothing it sent is still outstanding (forks cancelled, BYEs answered): a
/// late 2xx from a cancelled contact is still acknowledged and hung up, so no phone is left in a call nobody is on.
/// </remarks>
internal sealed partial class Call
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);

    private readonly Channel<CallEvent> _mailbox = Channel.CreateUnbounded<CallEvent>(new() { SingleReader = true });
    private readonly CallServices _services;
    private readonly SipInviteServerTransaction? _invite;
    private readonly Extension _caller;
    private readonly string _calleeNumber;
    private readonly CallLeg _callerLeg = new(CallParty.Caller, RtpRelayLeg.A);
    private readonly CallLeg _calleeLeg = new(CallParty.Callee, RtpRelayLeg.B);
    private readonly List<CallFork> _forks = [];
    private readonly List<PendingRequest> _pending = [];
    private readonly string _callerTag = SipIdentifiers.NewTag();
    private readonly DateTimeOffset _startedAt;
    private readonly bool _callerRequiresTimer;
    private RtpRelaySession? _media;
    private Task _mediaClosed = Task.CompletedTask;
    private long _recordId;
    private CallState _state = CallState.Routing;
    private ITimer? _ringTimer;
    private CallPresence? _presence;
    private bool _sentRinging;
    private bool _offerPending;
    private bool _stopping;
    private CallView _view = CallView.None;

    private Call(CallServices services, SipInviteServerTransaction invite, Extension caller, string calleeNumber, SessionTimer? callerTimer,
        bool callerRequiresTimer)
    {
        _callerLeg.Timer = callerTimer;
        _callerRequiresTimer = callerRequiresTimer;
        _services = services;
        _invite = invite;
        _caller = caller;
        _calleeNumber = calleeNumber;
        _startedAt = services.Time.GetUtcNow();
        Id = invite.Request.CallId;
    }

    // Click-to-call (issue #5 §4): the appliance places the call itself, first to the originating extension, then to the
    // target; there is no caller INVITE, and the Call-ID is the appliance's own.
    private Call(CallServices services, Extension by, string target, TaskCompletionSource<CallCommandResult> originated)
    {
        _services = services;
        _caller = by;
        _calleeNumber = target;
        _startedAt = services.Time.GetUtcNow();
        _originated = originated;
        Id = SipIdentifiers.NewCallId();
    }

    /// <summary>The correlation id: the caller's Call-ID, as in the logs and the call record.</summary>
    public string Id { get; }

    /// <summary>What the call shows other threads, as of its actor's last step.</summary>
    public CallView View => Volatile.Read(ref _view);

    /// <summary>Completes when the actor has ended (the call is over and nothing is outstanding).</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    private enum CallState
    {
        Routing,
        Ringing,
        Answered,
        Ended,
    }

    /// <summary>Creates the call for an authenticated INVITE with the session timer negotiated for the caller; <see cref="Run"/> starts it.</summary>
    public static Call Create(CallServices services, SipInviteServerTransaction invite, Extension caller, string calleeNumber,
        SessionTimer? callerTimer, bool callerRequiresTimer) =>
        new(services, invite, caller, calleeNumber, callerTimer, callerRequiresTimer);

    /// <summary>Creates a click-to-call from <paramref name="by"/> to <paramref name="target"/>; <paramref name="originated"/> gets the command's result.</summary>
    public static Call Originate(CallServices services, Extension by, string target, TaskCompletionSource<CallCommandResult> originated) =>
        new(services, by, target, originated);

    /// <summary>Starts the actor (once the router tracks the call, so its end can never precede its start).</summary>
    public void Run() => Completion = RunAsync();

    /// <summary>Queues an event; false once the actor has ended (the caller then answers for it, e.g. 481).</summary>
    public bool Post(CallEvent callEvent) => _mailbox.Writer.TryWrite(callEvent);

    private async Task RunAsync()
    {
        // STYLE.md §8: every line of a call carries its CallId as a property, besides the id in the message text.
        using var scope = _services.Logger.BeginScope(new KeyValuePair<string, object>[] { new("CallId", Id) });
        try
        {
            await (_invite is null ? BeginOriginatedAsync() : BeginAsync()).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed step ends this call, never the appliance.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallLog.StepFailed(_services.Logger, Id, exception);
            Fail(500, "internal error");
        }

        while (!IsFinished && await _mailbox.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (!IsFinished && _mailbox.Reader.TryRead(out var callEvent))
            {
                try
                {
                    Handle(callEvent);
                }
#pragma warning disable CA1031 // A failed step ends this call, never the appliance.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    CallLog.StepFailed(_services.Logger, Id, exception);
                    // A command whose step failed still gets its answer (nothing else would complete it).
                    (callEvent as CallEvent.Command)?.Done.TrySetResult(CallCommandResult.Unavailable);
                    Fail(500, "internal error");
                }
            }
        }
        _mailbox.Writer.TryComplete();
        foreach (var waiting in _afterCallerAck)
        {
            waiting.Done.TrySetResult(waiting.WhenGone);
        }
        // A click-to-call that failed before its first INVITE (a failed step) still answers its command.
        _originated?.TrySetResult(CallCommandResult.Unavailable);
        // Whatever was still queued (e.g. an in-dialog request that raced the end) gets its answer.
        while (_mailbox.Reader.TryRead(out var late))
        {
            if (late is CallEvent.Request request)
            {
                Respond(request.Transaction, request.Transaction.Request.CreateResponse(481));
            }
            else if (late is CallEvent.Command command)
            {
                command.Done.TrySetResult(command.WhenGone);
            }
            else if (late is CallEvent.ParkMusic music)
            {
                music.Listener.Dispose();
            }
            else if (late is CallEvent.RetrieveByCall retrieval)
            {
                Respond(retrieval.Invite, retrieval.Invite.Request.CreateResponse(404, "No Call Parked Here", SipIdentifiers.NewTag()));
            }
            else if (late is CallEvent.PickUpByReplaces replacing)
            {
                // RFC 3891 §3: the dialog to replace is gone.
                Respond(replacing.Invite, replacing.Invite.Request.CreateResponse(481, toTag: SipIdentifiers.NewTag()));
            }
        }
        if (_stopping)
        {
            await WaitForOutstandingAsync().ConfigureAwait(false);
        }
        await _mediaClosed.ConfigureAwait(false);
        _services.Router.Forget(this);
    }

    // Over once ended and nothing sent is outstanding; when the appliance stops, as soon as it is ended.
    private bool IsFinished => _state == CallState.Ended && (_stopping || (_forks.TrueForAll(f => f.IsDone) && _pending.Count == 0));

    private void Handle(CallEvent callEvent)
    {
        switch (callEvent)
        {
            case CallEvent.ForkResponse fork:
                OnForkResponse(fork.Fork, fork.Response);
                break;
            case CallEvent.CallerCancelled cancelled:
                OnCallerCancelled(cancelled.Cancel);
                break;
            case CallEvent.CallerAck ack:
                OnCallerAck(ack.Ack);
                break;
            case CallEvent.Request request:
                OnRequest(request.From, request.Transaction);
                break;
            case CallEvent.PeerResponse response:
                OnPeerResponse(response.Pending, response.Response);
                break;
            case CallEvent.PeerAnswer answer:
                OnPeerAnswer(answer.From, answer.Ack);
                break;
            case CallEvent.ForwardCancelled cancelled:
                OnForwardCancelled(cancelled.Pending);
                break;
            case CallEvent.RingTimeout:
                OnRingTimeout();
                break;
            case CallEvent.SessionTimerDue due:
                OnSessionTimer(due.Leg, due.Generation);
                break;
            case CallEvent.NoMedia silence:
                OnNoMedia(silence.Leg, silence.SilentFor);
                break;
            case CallEvent.ApplicationEnded ended:
                OnApplicationEnded(ended.Failure);
                break;
            case CallEvent.Shutdown:
                OnShutdown();
                break;
            case CallEvent.Transfer or CallEvent.Park when _callerAckPending:
                _afterCallerAck.Enqueue((CallEvent.Command)callEvent);
                break;
            case CallEvent.PickUp pickUp:
                pickUp.Done.TrySetResult(OnPickUp(pickUp.By));
                break;
            case CallEvent.Transfer transfer:
                transfer.Done.TrySetResult(OnTransfer(transfer.By, transfer.Target));
                break;
            case CallEvent.Park park:
                park.Done.TrySetResult(OnPark(park.By, park.Slot));
                break;
            case CallEvent.Retrieve retrieve:
                retrieve.Done.TrySetResult(OnRetrieve(retrieve.By));
                break;
            case CallEvent.PickUpByReplaces replacing:
                OnPickUpByReplaces(replacing.Invite, replacing.By, replacing.Timer, replacing.Replaces);
                break;
            case CallEvent.RetrieveByCall call:
                OnRetrieveByCall(call.Invite, call.By, call.Timer);
                break;
            case CallEvent.Unacknowledged unacknowledged:
                OnUnacknowledged(unacknowledged.Leg, unacknowledged.Dialog);
                break;
            case CallEvent.ParkTimeout:
                OnParkTimeout();
                break;
            case CallEvent.ParkMusic music:
                OnParkMusic(music.Listener);
                break;
        }
    }

    /// <summary>The appliance is stopping: the caller gets 503 or BYE, the callee's phones CANCEL or BYE, and the record says "interrupted".</summary>
    private void OnShutdown()
    {
        if (_state == CallState.Ended)
        {
            _stopping = true;
            return;
        }
        CallLog.Interrupted(_services.Logger, Id);
        if (_state == CallState.Answered)
        {
            HangUpBoth();
        }
        else
        {
            CancelForks("SIP;cause=503;text=\"Service stopping\"", except: null);
            RefuseCaller(503);
        }
        End(CallStatus.Interrupted, HangupParty.System, "appliance stopped");
        _stopping = true;
    }

    // On stop: give the BYEs and CANCELs just sent a moment to be answered, without holding the stop up.
    private async Task WaitForOutstandingAsync()
    {
        var finals = _pending.Select(p => (Task)p.Transaction.FinalResponse).Concat(_forks.Where(f => !f.IsDone).Select(f => (Task)f.Transaction.FinalResponse));
        await Task.WhenAny(Task.WhenAll(finals), Task.Delay(ShutdownGrace, _services.Time)).ConfigureAwait(false);
    }

    /// <summary>Ends the call: timers stopped, record closed, dialogs forgotten, media ports returned. Idempotent.</summary>
    private void End(CallStatus status, HangupParty? hangupBy, string? reason)
    {
        if (_state == CallState.Ended)
        {
            return;
        }
        _state = CallState.Ended;
        Publish();
        _presence?.Report(SipDialogInfoState.Terminated);
        _ringTimer?.Dispose();
        if (_reroute is { } reroute)
        {
            _reroute = null;
            CancelRerouteForks(reroute, "SIP;cause=487;text=\"Call ended\"", except: null);
        }
        if (_park is { } park)
        {
            LeaveSlot(park);
        }
        if (_retrieval is { } retrieval)
        {
            _retrieval = null;
            Respond(retrieval.Invite, retrieval.Invite.Request.CreateResponse(480, toTag: retrieval.Tag));
        }
        StopSessionTimer(_callerLeg);
        StopSessionTimer(_calleeLeg);
        // RFC 3261 §15.1.2: a request passed across and still unanswered gets 487 now, since the answer from the other
        // side, should it come, is no longer passed back (OnPeerResponse stops once the call has ended).
        foreach (var pending in _pending)
        {
            if (pending.Incoming is { } incoming)
            {
                Respond(incoming, incoming.Request.CreateResponse(487));
            }
        }
        var callerMedia = _media?.GetStatistics(RtpRelayLeg.A);
        var calleeMedia = _media?.GetStatistics(RtpRelayLeg.B);
        var fromCaller = callerMedia?.Rtp.Packets ?? 0;
        var fromCallee = calleeMedia?.Rtp.Packets ?? 0;
        // A call the appliance answers itself has no relay: the caller's media quality is what its endpoint measured.
        CloseRecord(new CallEnding(status, _services.Time.GetUtcNow(), hangupBy, reason, fromCaller, fromCallee,
            RecordedQuality(callerMedia) ?? RecordedQuality(_endpoint?.MeasureQuality()), RecordedQuality(calleeMedia)));
        ForgetDialog(_callerLeg);
        ForgetDialog(_calleeLeg);
        if (_media is { } media)
        {
            _mediaClosed = Task.WhenAll(_mediaClosed, media.DisposeAsync().AsTask());
            _media = null;
        }
        ReleaseEndpoint();
        CallLog.Ended(_services.Logger, Id, CallRecordText.Of(status), hangupBy is { } party ? CallRecordText.Of(party) : "nobody",
            reason is null ? "" : $" ({reason})", fromCaller, fromCallee);
    }

    // The call quality report: what the relay measured of each side's media, when it measured any.
    private static CallLegQuality? RecordedQuality(RtpRelayLegStatistics? media) => RecordedQuality(media?.Quality.Quality);

    private static CallLegQuality? RecordedQuality(CallQuality? quality) =>
        quality is { } measured
            ? new CallLegQuality(measured.LossPercent, measured.JitterMilliseconds, measured.RoundTripMilliseconds, measured.Mos)
            : null;

    private void CloseRecord(CallEnding ending)
    {
        if (_recordId == 0)
        {
            return;
        }
        try
        {
            _services.Records.Close(_recordId, ending);
        }
        catch (ObjectDisposedException exception)
        {
            // The writer is gone (the appliance is stopping): the next start closes the record as interrupted.
            CallLog.RecordFailed(_services.Logger, Id, exception);
        }
    }

    /// <summary>A step failed unexpectedly: whoever is still in the call is released.</summary>
    private void Fail(int status, string reason)
    {
        if (_state == CallState.Ended)
        {
            return;
        }
        if (_state == CallState.Answered)
        {
            HangUpBoth();
        }
        else
        {
            CancelForks(null, except: null);
            RefuseCaller(status);
        }
        End(CallStatus.Failed, HangupParty.System, reason);
    }

    // The view other threads see: the caller's extension, and the callee's (the number called while it rings).
    private void Publish() => Volatile.Write(ref _view, _state switch
    {
        CallState.Ringing => new CallView(true, false, _callerLeg.Number, _calleeNumber),
        CallState.Answered => new CallView(false, _reroute is null && _endpoint is null, _callerLeg.Number, _calleeLeg.Number),
        _ => CallView.None,
    });

    // The caller's INVITE gets a final response, when there is one (a click-to-call has none).
    private void RefuseCaller(int status)
    {
        if (_invite is not null)
        {
            Respond(_invite, _invite.Request.CreateResponse(status, toTag: _callerTag));
        }
    }

    private void Respond(SipServerTransaction transaction, SipMessageBuilder response) =>
        _ = transaction.RespondAsync(response.Add(SipHeaderId.Server, _services.Stack.UserAgent));

    // Each response of a client transaction becomes a mailbox event; the pump ends with the transaction.
    private void Pump(SipClientTransaction transaction, Func<SipMessage, CallEvent> wrap) => _ = PumpAsync(transaction, wrap);

    private async Task PumpAsync(SipClientTransaction transaction, Func<SipMessage, CallEvent> wrap)
    {
        await foreach (var response in transaction.Responses.ReadAllAsync().ConfigureAwait(false))
        {
            Post(wrap(response));
        }
    }
}
