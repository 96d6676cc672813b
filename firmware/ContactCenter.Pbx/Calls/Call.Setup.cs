using System.Globalization;
using System.Text;
using ContactCenter.Data.Repositories;
using ContactCenter.Media.Sdp;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip.Events.Bodies;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Pbx.Calls;

// Setting the call up: routing, ringing every contact of the callee, the first answer winning.
internal sealed partial class Call
{
    // RFC 3326 Reason of the CANCEL (and BYE) that tells a phone another one answered, so it logs no missed call.
    private const string CompletedElsewhere = "SIP;cause=200;text=\"Call completed elsewhere\"";

    private SdpMessage? _callerOffer;
    private CallFork? _winner;
    private CallFork? _earlyMedia;
    private SdpMessage? _earlySdp;
    private bool _calleeAckAwaitsCaller;
    private bool _callerAckPending;
    private readonly Queue<CallEvent.Command> _afterCallerAck = new();

    // The call goes on without a record rather than fail: the failure is logged for the admin.
    private async Task OpenRecordAsync()
    {
        try
        {
            _recordId = await _services.Records.OpenAsync(Id, _caller.Number, _calleeNumber, CallDirection.Internal, _startedAt).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed record never fails the call.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallLog.RecordFailed(_services.Logger, Id, exception);
        }
    }

    private async Task BeginAsync()
    {
        var request = _invite!.Request;
        CallLog.Started(_services.Logger, Id, _caller.Number, _calleeNumber);
        _ = _invite!.Cancelled.ContinueWith(t => Post(new CallEvent.CallerCancelled(t.Result)), CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        await OpenRecordAsync().ConfigureAwait(false);

        if (_invite!.Cancelled.IsCompleted)
        {
            // Cancelled while the record was being opened: the mailbox holds the event.
            _state = CallState.Ringing;
            return;
        }

        if (_services.Features is { } features && _services.Options.FeatureCodes.TryResolve(_calleeNumber, out var code))
        {
            AnswerLocally(features, code);
            return;
        }
        var snapshot = _services.Directory.Current;
        if (!snapshot.TryGet(_calleeNumber, out var callee))
        {
            Refuse(404, CallStatus.Failed, HangupParty.System, "unknown extension");
            return;
        }
        if (callee.Status == ExtensionStatus.DoNotDisturb)
        {
            Refuse(486, CallStatus.Busy, HangupParty.Callee, "do not disturb");
            return;
        }
        var contacts = _services.Registrations.GetContacts(callee.Number);
        if (contacts.Count == 0)
        {
            Refuse(480, CallStatus.Failed, HangupParty.System, "not registered");
            return;
        }
        if (!TryReadCallerOffer(request, out var problem))
        {
            CallLog.BadSdp(_services.Logger, Id, problem);
            Refuse(488, CallStatus.Failed, HangupParty.System, problem);
            return;
        }
        if (!_services.Relay.TryCreateSession((_, leg, silent) => Post(new CallEvent.NoMedia(leg, silent)), out var media))
        {
            CallLog.NoPorts(_services.Logger, Id);
            Refuse(503, CallStatus.Failed, HangupParty.System, "no free RTP ports");
            return;
        }
        _media = media;

        SetUpCallerLeg();
        if (_callerOffer is not null)
        {
            AcceptSdp(_callerLeg, _callerOffer);
        }

        _state = CallState.Ringing;
        Publish();
        _presence = _services.Presence is { } presence ? new CallPresence(presence, request, _caller.Number, callee.Number, _callerTag) : null;
        _presence?.Report(SipDialogInfoState.Trying);
        foreach (var binding in contacts)
        {
            Ring(binding, snapshot.Realm, callee.Number, _callerOffer, _calleeLeg, CallForkKind.Callee, _caller);
        }
        _ringTimer = _services.Time.CreateTimer(static state => ((Call)state!).Post(new CallEvent.RingTimeout()), this,
            TimeSpan.FromSeconds(_services.Options.RingSeconds), Timeout.InfiniteTimeSpan);
    }

    // Requests to the caller go back where its INVITE came from (received/rport, its TCP connection).
    private void SetUpCallerLeg()
    {
        var request = _invite!.Request;
        var source = request.Source!.Value;
        _callerLeg.Number = _caller.Number;
        _callerLeg.Flow = new SipDestination(source.Protocol, source.Remote, source.ConnectionId);
        _callerLeg.MediaAddress = _services.MediaAddressFor(_callerLeg.Flow);
        _callerLeg.AllowsUpdate = SipTokenList.Contains(request, SipHeaderId.Allow, "UPDATE");
    }

    // RFC 3264 §5: an INVITE carries the offer or none (the offer then comes in our 2xx and the answer in the ACK).
    private bool TryReadCallerOffer(SipMessage request, out string problem)
    {
        problem = "";
        if (request.Body.IsEmpty)
        {
            return true;
        }
        if (!TryParseSdp(request, out var sdp, out problem))
        {
            return false;
        }
        _callerOffer = sdp;
        return true;
    }

    private static bool TryParseSdp(SipMessage message, out SdpMessage? sdp, out string problem)
    {
        sdp = null;
        problem = "";
        if (!SipContentType.TryParse(message.ContentType, out var type) || !type.Is("application", "sdp"))
        {
            problem = $"body of type {message.ContentType ?? "(none)"} instead of application/sdp";
            return false;
        }
        if (!SdpMessage.TryParse(message.Body.Span, out sdp, out var error))
        {
            problem = $"SDP does not parse: {error}";
            return false;
        }
        if (!sdp.TryGetAudioEndpoint(out _))
        {
            problem = "SDP has no audio stream with an IP address";
            sdp = null;
            return false;
        }
        return true;
    }

    private void Refuse(int status, CallStatus recorded, HangupParty by, string reason, Action<SipMessageBuilder>? decorate = null)
    {
        CallLog.Refused(_services.Logger, Id, status, reason);
        var response = _invite!.Request.CreateResponse(status, toTag: _callerTag);
        decorate?.Invoke(response);
        Respond(_invite!, response);
        End(recorded, by, $"{status} {reason}");
    }

    // One INVITE per registered contact (RFC 3261 §16.6 as a B2BUA), sent where the registration says it is reached,
    // offering `offer` (the caller's SDP, or the kept party's for a transfer) through the relay side of `leg`. The From
    // names who the phone will talk with (the caller, or the party transferred to it), so its display shows who calls.
    private void Ring(RegistrationBinding binding, string realm, string number, SdpMessage? offer, CallLeg leg, CallForkKind kind, Extension party,
        bool autoAnswer = false)
    {
        var flow = binding.Target;
        var invite = SipMessageBuilder.Request(SipMethod.Invite, binding.ContactUri)
            .Add(SipHeaderId.From, $"{Quote(party.DisplayName)} <sip:{party.Number}@{realm}>;tag={SipIdentifiers.NewTag()}")
            .Add(SipHeaderId.To, $"<sip:{number}@{realm}>")
            .Add(SipHeaderId.CallId, SipIdentifiers.NewCallId())
            .Add(SipHeaderId.CSeq, "1 INVITE")
            .Add(SipHeaderId.MaxForwards, ((_invite?.Request.MaxForwards ?? 70) - 1).ToString(CultureInfo.InvariantCulture))
            .Add(SipHeaderId.Contact, $"<{_services.Stack.LocalUri(flow)}>")
            .Add(SipHeaderId.Allow, CallServices.Allow)
            .Add(SipHeaderId.UserAgent, _services.Stack.UserAgent);
        if (autoAnswer)
        {
            AddAutoAnswer(invite, realm);
        }
        if (offer is not null)
        {
            leg.MediaAddress ??= _services.MediaAddressFor(flow);
            invite.WithBody(Encoding.UTF8.GetBytes(RewriteFor(leg, offer)), "application/sdp");
        }
        var transaction = _services.Stack.SendRequest(invite, flow);
        var fork = new CallFork(binding, number, flow, (SipInviteClientTransaction)transaction, kind == CallForkKind.Reroute);
        _forks.Add(fork);
        Pump(transaction, response => new CallEvent.ForkResponse(fork, response));
        CallLog.Forking(_services.Logger, Id, binding.ContactUri, flow.Protocol.ToString(), flow.EndPoint.ToString());
    }

    private void OnForkResponse(CallFork fork, SipMessage response)
    {
        if (fork.Reroute)
        {
            OnRerouteForkResponse(fork, response);
            return;
        }
        var status = response.StatusCode;
        if (status < 200)
        {
            OnForkProvisional(fork, response);
            return;
        }
        if (status < 300)
        {
            OnForkAnswered(fork, response);
            return;
        }
        if (fork.IsDone)
        {
            return;
        }
        fork.FinalStatus = status;
        CallLog.ForkResponse(_services.Logger, Id, fork.Binding.ContactUri, status);
        if (_state == CallState.Ringing && _forks.TrueForAll(f => f.IsDone))
        {
            FailFromForks();
        }
    }

    // 180 and 183 reach the caller once as ringing; the first early media SDP is relayed as 183 with SDP.
    private void OnForkProvisional(CallFork fork, SipMessage response)
    {
        if (response.StatusCode == 100 || _state != CallState.Ringing || fork.IsDone)
        {
            return;
        }
        // RFC 4235 §3.7.1: a provisional response with a To tag makes the dialog early (the phone rings).
        _presence?.Report(SipDialogInfoState.Early);
        var reply = _invite!.Request.CreateResponse(response.StatusCode == 183 ? 183 : 180, toTag: _callerTag)
            .Add(SipHeaderId.Contact, $"<{_services.Stack.LocalUri(_callerLeg.Flow)}>");
        if (_callerOffer is not null && _earlyMedia is null && !response.Body.IsEmpty && TryParseSdp(response, out var sdp, out _))
        {
            _earlyMedia = fork;
            _earlySdp = sdp;
            AcceptSdp(_calleeLeg, sdp!);
            reply.WithBody(Encoding.UTF8.GetBytes(RewriteFor(_callerLeg, sdp!)), "application/sdp");
        }
        else if (_sentRinging)
        {
            return;
        }
        _sentRinging = true;
        Respond(_invite!, reply);
    }


    private void OnForkAnswered(CallFork fork, SipMessage response)
    {
        if (fork == _winner)
        {
            // RFC 6026: a retransmitted 2xx means our ACK was lost (or not sent yet, for a late offer).
            if (!_calleeAckAwaitsCaller && _calleeLeg.Dialog is { } dialog)
            {
                _services.Stack.SendAck(dialog.CreateAck(response.CSeq.Number), _calleeLeg.Flow);
            }
            return;
        }
        fork.FinalStatus ??= response.StatusCode;
        if (_state != CallState.Ringing)
        {
            // Too late (another contact answered, the caller hung up): acknowledge and release that phone.
            ReleaseStray(fork, response);
            return;
        }
        CallLog.Answered(_services.Logger, Id, fork.Binding.ContactUri);
        _winner = fork;
        _ringTimer?.Dispose();
        CancelForks(CompletedElsewhere, except: fork);

        var calleeDialog = SipDialog.CreateAsUac(fork.Transaction.Request, response);
        _calleeLeg.Dialog = calleeDialog;
        _calleeLeg.Number = fork.Number;
        _calleeLeg.Flow = fork.Flow;
        _calleeLeg.MediaAddress = _services.MediaAddressFor(fork.Flow);
        _calleeLeg.AllowsUpdate = SipTokenList.Contains(response, SipHeaderId.Allow, "UPDATE");
        _calleeLeg.Timer = CalleeSessionTimer(response);
        _services.Router.Attach(calleeDialog, this, _calleeLeg);

        SdpMessage? calleeSdp = null;
        if (!response.Body.IsEmpty && !TryParseSdp(response, out calleeSdp, out var problem))
        {
            CallLog.BadSdp(_services.Logger, Id, problem);
        }
        // Without 100rel the answer belongs in the 2xx; a phone that put it only in its 183 is forgiven.
        var answerSdp = calleeSdp ?? (fork == _earlyMedia ? _earlySdp : null);
        if (answerSdp is null)
        {
            // Neither an answer to the caller's offer nor an offer of its own: nothing to connect.
            _services.Stack.SendAck(calleeDialog.CreateAck(response.CSeq.Number), fork.Flow);
            SendBye(_calleeLeg);
            Respond(_invite!, _invite!.Request.CreateResponse(488, toTag: _callerTag));
            End(CallStatus.Failed, HangupParty.System, "callee answered without SDP");
            return;
        }
        AcceptSdp(_calleeLeg, answerSdp);
        if (_callerOffer is not null)
        {
            _services.Stack.SendAck(calleeDialog.CreateAck(response.CSeq.Number), fork.Flow);
        }
        else
        {
            // Late offer: the callee's 2xx holds the offer; its ACK waits for the caller's answer.
            _calleeAckAwaitsCaller = true;
        }

        _media?.RestartNoMediaDetection();
        AnswerCaller(RewriteFor(_callerLeg, answerSdp));
        ArmSessionTimer(_calleeLeg);
    }

    // The caller's 200 (with the session timer negotiated for it): the call is answered, the ACK awaited (§13.3.1.4).
    private void AnswerCaller(string sdp)
    {
        var callerDialog = SipDialog.CreateAsUas(_invite!.Request, _callerTag, confirmed: true);
        _callerLeg.Dialog = callerDialog;
        _services.Router.Attach(callerDialog, this, _callerLeg);
        var ok = _invite!.Request.CreateResponse(200, toTag: _callerTag)
            .Add(SipHeaderId.Contact, $"<{_services.Stack.LocalUri(_callerLeg.Flow)}>")
            .Add(SipHeaderId.Allow, CallServices.Allow)
            .Add(SipHeaderId.Supported, "timer");
        AddCallerSessionTimer(ok);
        ok.WithBody(Encoding.UTF8.GetBytes(sdp), "application/sdp");
        // Reported before the 200 leaves, so whoever sees the call answered finds the lamps saying so too. A call picked
        // up is answered by another extension than the one called: the callee's entry moves to it.
        if (_calleeLeg.Number is { } answeredBy && answeredBy != _calleeNumber)
        {
            _presence?.Move(CallParty.Callee, answeredBy, SipDialogInfoState.Confirmed);
        }
        _presence?.Report(SipDialogInfoState.Confirmed);
        _callerAckPending = true;
        Respond(_invite!, ok);

        _state = CallState.Answered;
        _bridged = true;
        Publish();
        if (_recordId != 0)
        {
            _services.Records.MarkAnswered(_recordId, _services.Time.GetUtcNow());
        }
        ArmSessionTimer(_callerLeg);
        _ = _invite!.AckReceived.ContinueWith(t => Post(new CallEvent.CallerAck(t.Result)), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    // The 2xx of a contact that lost the race: ACK it (§13.2.2.4) and hang it up at once.
    private void ReleaseStray(CallFork fork, SipMessage response, string reason = CompletedElsewhere)
    {
        var dialog = SipDialog.CreateAsUac(fork.Transaction.Request, response);
        _services.Stack.SendAck(dialog.CreateAck(response.CSeq.Number), fork.Flow);
        var bye = dialog.CreateRequest(SipMethod.Bye).Add(SipHeaderId.Reason, reason);
        Track(new PendingRequest(new CallLeg(CallParty.Callee, Media.Relay.RtpRelayLeg.B) { Dialog = dialog, Flow = fork.Flow },
            _services.Stack.SendRequest(bye, fork.Flow), null));
    }

    // RFC 3261 §14.1 / §15: no re-INVITE and no BYE towards the caller before it acknowledged our 2xx, so a transfer or
    // park asked meanwhile waits for the ACK (or for the call to fail without one).
    private void OnCallerAck(SipMessage? ack)
    {
        ApplyCallerAck(ack);
        _callerAckPending = false;
        while (_afterCallerAck.TryDequeue(out var command))
        {
            Handle(command);
        }
    }

    private void ApplyCallerAck(SipMessage? ack)
    {
        if (_state != CallState.Answered)
        {
            return;
        }
        if (ack is null)
        {
            CallLog.NoAck(_services.Logger, Id);
            HangUpBoth();
            End(CallStatus.Failed, HangupParty.System, "no ACK from the caller");
            return;
        }
        if (_application is not null)
        {
            OnLocalAck(ack);
            return;
        }
        if (!_calleeAckAwaitsCaller)
        {
            return;
        }
        _calleeAckAwaitsCaller = false;
        var calleeAck = _calleeLeg.Dialog!.CreateAck(_winner!.Transaction.Request.CSeq.Number);
        if (ack.Body.IsEmpty || !TryParseSdp(ack, out var answer, out _))
        {
            // RFC 3264 §5: the ACK had to carry the answer; without it there is no session to keep.
            _services.Stack.SendAck(calleeAck, _calleeLeg.Flow);
            HangUpBoth();
            End(CallStatus.Failed, HangupParty.System, "no SDP answer in the caller's ACK");
            return;
        }
        AcceptSdp(_callerLeg, answer!);
        calleeAck.WithBody(Encoding.UTF8.GetBytes(RewriteFor(_calleeLeg, answer!)), "application/sdp");
        _services.Stack.SendAck(calleeAck, _calleeLeg.Flow);
    }

    private void OnCallerCancelled(SipMessage cancel)
    {
        if (_state is not (CallState.Ringing or CallState.Routing))
        {
            return;
        }
        CallLog.Cancelled(_services.Logger, Id);
        CancelForks(cancel.GetHeader(SipHeaderId.Reason) ?? "SIP;cause=487;text=\"Request Terminated\"", except: null);
        End(CallStatus.Cancelled, HangupParty.Caller, null);
    }

    private void OnRingTimeout()
    {
        if (_reroute is { } reroute)
        {
            CallLog.RerouteNoAnswer(_services.Logger, Id, reroute.Number, _services.Options.RingSeconds);
            RerouteFailed(reroute);
            return;
        }
        if (_state != CallState.Ringing)
        {
            return;
        }
        CallLog.NoAnswer(_services.Logger, Id, _services.Options.RingSeconds);
        CancelForks("SIP;cause=480;text=\"No answer\"", except: null);
        Respond(_invite!, _invite!.Request.CreateResponse(480, "No Answer", _callerTag));
        End(CallStatus.NoAnswer, HangupParty.System, null);
    }

    // Every contact refused. Busy (486, 600, 603) reaches the caller as busy; anything else as unavailable.
    private void FailFromForks()
    {
        var statuses = _forks.ConvertAll(f => f.FinalStatus!.Value);
        var busy = statuses.Find(s => s is 486 or 600 or 603);
        if (busy != 0)
        {
            Respond(_invite!, _invite!.Request.CreateResponse(busy, toTag: _callerTag));
            End(CallStatus.Busy, HangupParty.Callee, $"{busy} {SipStatusCodes.GetReasonPhrase(busy)}");
            return;
        }
        var first = statuses[0];
        Respond(_invite!, _invite!.Request.CreateResponse(480, toTag: _callerTag));
        End(CallStatus.Failed, HangupParty.System, $"{first} {SipStatusCodes.GetReasonPhrase(first)}");
    }

    private void CancelForks(string? reason, CallFork? except)
    {
        foreach (var fork in _forks)
        {
            if (fork != except && !fork.IsDone)
            {
                _ = fork.Transaction.CancelAsync(reason);
            }
        }
    }

    // RFC 3261 §25.1 quoted-string: backslash and quote escaped.
    private static string Quote(string displayName) =>
        "\"" + displayName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
