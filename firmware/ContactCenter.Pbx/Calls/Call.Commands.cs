using System.Text;
using ContactCenter.Data.Repositories;
using ContactCenter.Media.Sdp;
using ContactCenter.Pbx.Commands;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Events.Bodies;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Pbx.Calls;

// The call commands (issue #5 §4) as steps of the call's actor: directed pickup while it rings, blind transfer once
// answered. The command object (CallCommands) only finds the call; whether the step can still happen is decided here,
// in the actor's order of events.
internal sealed partial class Call
{
    private CallReroute? _reroute;

    // Directed pickup: the receptionist's contacts ring as more forks of this call, with the caller's identity and an
    // auto-answer hint; the existing first-answer-wins logic then cancels the callee's phones with "Call completed
    // elsewhere" (RFC 3326 Reason) when it answers.
    private CallCommandResult OnPickUp(string by)
    {
        if (_state != CallState.Ringing || by == _calleeNumber || by == _caller.Number)
        {
            return CallCommandResult.NothingRinging;
        }
        var contacts = _services.Registrations.GetContacts(by);
        if (contacts.Count == 0)
        {
            return CallCommandResult.NotRegistered;
        }
        CallLog.PickingUp(_services.Logger, Id, by, _calleeNumber);
        var realm = _services.Directory.Current.Realm;
        foreach (var binding in contacts)
        {
            Ring(binding, realm, by, _callerOffer, _calleeLeg, CallForkKind.PickUp, _caller, autoAnswer: true);
        }
        return CallCommandResult.Started;
    }

    // The auto-answer hint the desk phones honour: Call-Info answer-after=0 (Yealink, Snom, Grandstream, Fanvil; from
    // the expired draft-ietf-sip-answermode's predecessors) and Alert-Info info=alert-autoanswer (Polycom, Yealink,
    // Grandstream). baresip 1.0 honours neither (only its account's answermode): its tests answer it themselves.
    private static void AddAutoAnswer(SipMessageBuilder invite, string realm) =>
        invite.Add("Call-Info", $"<sip:{realm}>;answer-after=0").Add("Alert-Info", "<http://127.0.0.1>;info=alert-autoanswer");

    // Blind transfer: the transferring party gets BYE at once; the other keeps its dialog and its relay ports, and the
    // target's contacts are offered its last SDP through the relay, so it needs no re-INVITE (RFC 3264 §8 would need
    // one only to change its session). The target's answer makes it the new party on the emptied side.
    private CallCommandResult OnTransfer(string by, string target)
    {
        if (_state != CallState.Answered || _endpoint is not null || _reroute is not null)
        {
            return CallCommandResult.NotInCall;
        }
        if (LegOf(by) is not { } leaving)
        {
            return CallCommandResult.NotInCall;
        }
        if (_offerPending)
        {
            // RFC 3261 §14.2: an offer is under way on one of the legs; the transfer can be asked again in a moment.
            return CallCommandResult.Unavailable;
        }
        if (_services.Registrations.GetContacts(target).Count == 0)
        {
            return CallCommandResult.NotRegistered;
        }
        var kept = Other(leaving);
        CallLog.Transferring(_services.Logger, Id, by, kept.Number ?? "", target);
        Release(leaving);
        StartReroute(new CallReroute(kept, leaving, target, by, IsRecall: false, AutoAnswer: false));
        return CallCommandResult.Started;
    }

    // The leg of an extension talking in this call, if it is one of the two parties.
    private CallLeg? LegOf(string extension)
    {
        var leg = _callerLeg.Number == extension ? _callerLeg : _calleeLeg.Number == extension ? _calleeLeg : null;
        return leg?.Dialog is null ? null : leg;
    }

    // The party leaving gets its BYE on a copy of its leg (the leg itself is emptied for the next party); requests it
    // sends afterwards find no dialog and get 481 (RFC 3261 §12.2.2).
    private void Release(CallLeg leg)
    {
        ForgetDialog(leg);
        SendBye(new CallLeg(leg.Party, leg.RelayLeg) { Dialog = leg.Dialog, Flow = leg.Flow });
        leg.Reset();
    }

    private void StartReroute(CallReroute reroute)
    {
        _reroute = reroute;
        Publish();
        if (_park is { } park)
        {
            // The slot keeps the call's entry until someone takes it: early (a BLF blinks) while it recalls.
            _presence?.Report(reroute.Replaced.Party, park.Recalling ? SipDialogInfoState.Early : SipDialogInfoState.Confirmed);
        }
        else
        {
            _presence?.Move(reroute.Replaced.Party, reroute.Number, SipDialogInfoState.Trying);
        }
        var directory = _services.Directory.Current;
        var party = reroute.Kept.Number is { } number && directory.TryGet(number, out var kept) ? kept : _caller;
        foreach (var binding in _services.Registrations.GetContacts(reroute.Number))
        {
            Ring(binding, directory.Realm, reroute.Number, reroute.Kept.LastSdpReceived, reroute.Replaced, CallForkKind.Reroute, party, reroute.AutoAnswer);
            reroute.Forks.Add(_forks[^1]);
        }
        _ringTimer?.Dispose();
        _ringTimer = _services.Time.CreateTimer(static state => ((Call)state!).Post(new CallEvent.RingTimeout()), this,
            TimeSpan.FromSeconds(_services.Options.RingSeconds), Timeout.InfiniteTimeSpan);
        if (reroute.Forks.Count == 0)
        {
            // Nobody to ring any more (the extension unregistered meanwhile): as if nobody answered.
            RerouteFailed(reroute);
        }
    }

    private void OnRerouteForkResponse(CallFork fork, SipMessage response)
    {
        var status = response.StatusCode;
        var current = _reroute is { } reroute && reroute.Forks.Contains(fork) ? reroute : null;
        if (status < 200)
        {
            if (status > 100 && current is not null && !fork.IsDone && _park is null)
            {
                _presence?.Report(current.Replaced.Party, SipDialogInfoState.Early);
            }
            return;
        }
        if (status < 300)
        {
            if (fork.Dialog is { } won)
            {
                // RFC 6026: a retransmitted 2xx means our ACK was lost.
                _services.Stack.SendAck(won.CreateAck(response.CSeq.Number), fork.Flow);
                return;
            }
            fork.FinalStatus ??= status;
            if (current is null || _state != CallState.Answered)
            {
                ReleaseStray(fork, response);
                return;
            }
            OnRerouteAnswered(current, fork, response);
            return;
        }
        if (fork.IsDone)
        {
            return;
        }
        fork.FinalStatus = status;
        CallLog.ForkResponse(_services.Logger, Id, fork.Binding.ContactUri, status);
        if (current is not null && current.Forks.TrueForAll(f => f.IsDone))
        {
            RerouteFailed(current);
        }
    }

    private void OnRerouteAnswered(CallReroute reroute, CallFork fork, SipMessage response)
    {
        CallLog.Answered(_services.Logger, Id, fork.Binding.ContactUri);
        CancelRerouteForks(reroute, CompletedElsewhere, except: fork);
        if (response.Body.IsEmpty || !TryParseSdp(response, out var answer, out var problem))
        {
            // RFC 3264 §5: the 2xx to an offer carries the answer; without one there is nothing to connect.
            CallLog.BadSdp(_services.Logger, Id, "the transfer target answered without usable SDP");
            ReleaseStray(fork, response, "SIP;cause=488;text=\"Not Acceptable Here\"");
            RerouteFailed(reroute);
            return;
        }
        _ringTimer?.Dispose();
        _reroute = null;
        var dialog = SipDialog.CreateAsUac(fork.Transaction.Request, response);
        fork.Dialog = dialog;
        var leg = reroute.Replaced;
        leg.Number = reroute.Number;
        leg.Dialog = dialog;
        leg.Flow = fork.Flow;
        leg.MediaAddress ??= _services.MediaAddressFor(fork.Flow);
        leg.AllowsUpdate = SipTokenList.Contains(response, SipHeaderId.Allow, "UPDATE");
        leg.Timer = CalleeSessionTimer(response);
        _services.Router.Attach(dialog, this, leg);
        _services.Stack.SendAck(dialog.CreateAck(response.CSeq.Number), fork.Flow);
        AcceptSdp(leg, answer!);
        _media?.RestartNoMediaDetection();
        ArmSessionTimer(leg);
        if (_park is not null)
        {
            _presence?.Move(leg.Party, reroute.Number, SipDialogInfoState.Confirmed);
        }
        else
        {
            _presence?.Report(leg.Party, SipDialogInfoState.Confirmed);
        }
        if (_park is { } park)
        {
            Unpark(park, answer!);
        }
        else if (_originated is not null && !_bridged)
        {
            OnOriginatedStep(leg);
        }
        else
        {
            CallLog.Transferred(_services.Logger, Id, reroute.Number);
            MatchCodec(reroute.Kept, answer!);
        }
        Publish();
    }

    // The kept party goes on sending the codec it agreed with the party that left. When the target chose another one
    // from the offer, the kept party is offered the target's media (RFC 3264 §8, a re-INVITE), so both send what the
    // other expects; when they match, nothing is sent.
    private void MatchCodec(CallLeg kept, SdpMessage targetAnswer)
    {
        if (_offerPending || CodecInUse(kept) is not { } inUse || FirstFormat(targetAnswer) is not { } chosen || inUse == chosen)
        {
            return;
        }
        CallLog.CodecChanged(_services.Logger, Id, kept.Name, inUse, chosen);
        SendMove(kept, RewriteFor(kept, targetAnswer));
    }

    // The payload type a party sends: the first of its own list that the other side's SDP also named (whichever of the
    // two was the offer, the answer lists only what both accept).
    private static string? CodecInUse(CallLeg leg)
    {
        if (leg.LastSdpReceived is not { } theirs || leg.LastSdpSent is not { } sent
            || !SdpMessage.TryParse(Encoding.UTF8.GetBytes(sent), out var ours, out _)
            || AudioFormats(theirs) is not { } their || AudioFormats(ours!) is not { } our)
        {
            return null;
        }
        return Array.Find(their, f => Array.IndexOf(our, f) >= 0);
    }

    private static string? FirstFormat(SdpMessage sdp) => AudioFormats(sdp) is [var first, ..] ? first : null;

    // The payload types of the audio stream's m= line (RFC 8866 §5.14: media port proto fmt…).
    private static string[]? AudioFormats(SdpMessage sdp)
    {
        if (!sdp.TryGetAudioEndpoint(out var audio))
        {
            return null;
        }
        var index = -1;
        foreach (var line in sdp.Lines)
        {
            if (line.Type == 'm' && ++index == audio.MediaIndex)
            {
                var fields = line.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 3 ? fields[3..] : null;
            }
        }
        return null;
    }

    // Nobody answered the transfer: the transferring extension is recalled (ringing, no auto-answer: a recall must be
    // heard), as 3CX does with its "return unanswered blind transfers" and Yeastar's transfer recall; when the recall is
    // not answered either, the remaining party is released.
    private void RerouteFailed(CallReroute reroute)
    {
        _ringTimer?.Dispose();
        CancelRerouteForks(reroute, "SIP;cause=480;text=\"No answer\"", except: null);
        _reroute = null;
        if (_park is { } park)
        {
            ParkedRerouteFailed(park, reroute);
            return;
        }
        if (!reroute.IsRecall && _services.Registrations.GetContacts(reroute.By).Count > 0)
        {
            CallLog.Recalling(_services.Logger, Id, reroute.Number, reroute.By);
            StartReroute(new CallReroute(reroute.Kept, reroute.Replaced, reroute.By, reroute.By, IsRecall: true, AutoAnswer: false));
            return;
        }
        CallLog.TransferFailed(_services.Logger, Id, reroute.Number);
        SendBye(reroute.Kept);
        // A click-to-call whose target never answered was never a conversation.
        End(_bridged ? CallStatus.Answered : CallStatus.NoAnswer, HangupParty.System, $"{reroute.Number} did not answer");
    }

    private static void CancelRerouteForks(CallReroute reroute, string reason, CallFork? except)
    {
        foreach (var fork in reroute.Forks)
        {
            if (fork != except && !fork.IsDone)
            {
                _ = fork.Transaction.CancelAsync(reason);
            }
        }
    }

    // While the target rings, the kept party has nobody to pass a request to: an offer waits (RFC 3261 §14.2 491 with
    // Retry-After, the phone tries again), an INFO (a key press) has nobody to hear it and is simply taken.
    private void OnRequestWhileRerouting(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        Respond(transaction, request.Method == SipMethod.Info
            ? request.CreateResponse(200)
            : request.CreateResponse(491).Add(SipHeaderId.RetryAfter, "2"));
    }
}
