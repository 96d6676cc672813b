using System.Globalization;
using System.Text;
using ContactCenter.Data.Repositories;
using ContactCenter.Media.Sdp;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Pbx.Calls;

// The established call: requests passed across the two dialogs, BYE, hold, session timers.
internal sealed partial class Call
{
    // Header fields of a request or response that mean something end to end and are carried across.
    private static readonly string[] CarriedHeaders = ["Info-Package", "Recv-Info", "Event", "Reason", "Subject"];

    private CallLeg Other(CallLeg leg) => leg == _callerLeg ? _calleeLeg : _callerLeg;

    private void OnRequest(CallLeg from, SipServerTransaction transaction)
    {
        var request = transaction.Request;
        if (_state != CallState.Answered || from.Dialog is null)
        {
            Respond(transaction, request.CreateResponse(481));
            return;
        }
        // RFC 3261 §12.2.2: a CSeq lower than the last one is out of order.
        if (!from.Dialog.AcceptRemoteCSeq(request.CSeq.Number))
        {
            Respond(transaction, request.CreateResponse(500, "CSeq Out Of Order"));
            return;
        }
        switch (request.Method)
        {
            case SipMethod.Bye:
                Respond(transaction, request.CreateResponse(200));
                from.Dialog.Terminate();
                SendBye(Other(from));
                End(CallStatus.Answered, from.Party == CallParty.Caller ? HangupParty.Caller : HangupParty.Callee, null);
                break;
            case SipMethod.Options:
                // §11.2 in a dialog: a keep-alive answered here; the other phone has nothing to add.
                Respond(transaction, request.CreateResponse(200)
                    .Add(SipHeaderId.Allow, CallServices.Allow)
                    .Add(SipHeaderId.Accept, "application/sdp")
                    .Add(SipHeaderId.Supported, "timer"));
                break;
            case SipMethod.Invite when request.Body.IsEmpty:
                AnswerOfferlessReinvite(from, (SipInviteServerTransaction)transaction);
                break;
            case SipMethod.Update when request.Body.IsEmpty:
                // RFC 4028 §7.4: an UPDATE without SDP is a session refresh, answered on this leg.
                ArmSessionTimer(from);
                Respond(transaction, AddRefreshHeaders(from, request.CreateResponse(200)));
                break;
            case SipMethod.Invite or SipMethod.Update or SipMethod.Info when _reroute is not null:
                OnRequestWhileRerouting(transaction);
                break;
            case SipMethod.Invite or SipMethod.Update or SipMethod.Info when _endpoint is not null:
                OnLocalRequest(from, transaction);
                break;
            case SipMethod.Invite or SipMethod.Update or SipMethod.Info:
                Forward(from, transaction);
                break;
            default:
                Respond(transaction, request.CreateResponse(405).Add(SipHeaderId.Allow, CallServices.Allow));
                break;
        }
    }

    // RFC 3264 §5 / RFC 4028 §7.4: a re-INVITE without SDP asks for an offer (see OfferTo), the answer comes in the ACK.
    // Usually a session refresh.
    private void AnswerOfferlessReinvite(CallLeg from, SipInviteServerTransaction transaction)
    {
        from.Dialog!.RefreshTarget(transaction.Request);
        ArmSessionTimer(from);
        var ok = AddRefreshHeaders(from, transaction.Request.CreateResponse(200))
            .Add(SipHeaderId.Contact, $"<{_services.Stack.LocalUri(from.Flow)}>")
            .Add(SipHeaderId.Allow, CallServices.Allow);
        if (OfferTo(from) is { } sdp)
        {
            ok.WithBody(Encoding.UTF8.GetBytes(sdp), "application/sdp");
        }
        Respond(transaction, ok);
        _ = transaction.AckReceived.ContinueWith(t =>
        {
            if (t.Result is { Body.IsEmpty: false } ack)
            {
                Post(new CallEvent.PeerAnswer(from, ack));
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void OnPeerAnswer(CallLeg from, SipMessage ack)
    {
        if (_state == CallState.Answered)
        {
            AcceptAnswer(from, ack);
        }
    }

    // The SDP the appliance offers a leg again (offerless re-INVITE, refresh by re-INVITE): through the relay, the last
    // SDP sent (same version: nothing changed); from an endpoint, a fresh offer of its own (RFC 3264 §8), since only an
    // offer it made can take an answer.
    private string? OfferTo(CallLeg leg)
    {
        if (_endpoint is { } endpoint)
        {
            leg.LastSdpSent = Encoding.UTF8.GetString(endpoint.CreateOffer());
        }
        return leg.LastSdpSent;
    }

    // A peer's answer to what OfferTo offered it.
    private void AcceptAnswer(CallLeg from, SipMessage message)
    {
        if (_endpoint is not null)
        {
            AcceptLocalAnswer(message);
        }
        else if (TryParseSdp(message, out var sdp, out _))
        {
            AcceptSdp(from, sdp!);
        }
    }

    // A re-INVITE, UPDATE or INFO from one peer becomes the same request on the other dialog; its answer comes back.
    private void Forward(CallLeg from, SipServerTransaction incoming)
    {
        var request = incoming.Request;
        var to = Other(from);
        var isOffer = request.Method is SipMethod.Invite or SipMethod.Update && !request.Body.IsEmpty;
        if (isOffer && _offerPending)
        {
            // RFC 3261 §14.2 / RFC 3311 §5.2: one offer at a time; the peer retries after a random wait.
            Respond(incoming, request.CreateResponse(491));
            return;
        }
        var outgoing = to.Dialog!.CreateRequest(request.Method)
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.UserAgent, _services.Stack.UserAgent);
        CarryHeaders(request, outgoing);
        if (request.Method is SipMethod.Invite or SipMethod.Update)
        {
            from.Dialog!.RefreshTarget(request);
            outgoing.Add(SipHeaderId.Contact, $"<{_services.Stack.LocalUri(to.Flow)}>").Add(SipHeaderId.Allow, CallServices.Allow);
        }
        SdpMessage? offer = null;
        var sdpBefore = to.LastSdpSent;
        if (isOffer)
        {
            if (!TryParseSdp(request, out offer, out var problem))
            {
                CallLog.BadSdp(_services.Logger, Id, problem);
                Respond(incoming, request.CreateResponse(488));
                return;
            }
            outgoing.WithBody(Encoding.UTF8.GetBytes(RewriteFor(to, offer!)), "application/sdp");
            _offerPending = true;
        }
        else if (!request.Body.IsEmpty)
        {
            // INFO bodies (application/dtmf-relay, application/dtmf…) pass unchanged.
            outgoing.WithBody(request.Body.ToArray(), request.ContentType ?? "application/octet-stream");
        }
        var pending = new PendingRequest(to, _services.Stack.SendRequest(outgoing, to.Flow), incoming) { Offer = offer, SdpBefore = sdpBefore };
        Track(pending);
        if (incoming is SipInviteServerTransaction reinvite)
        {
            // §9.2: a CANCEL of the re-INVITE reaches only us; the copy on the other dialog is cancelled too.
            _ = reinvite.Cancelled.ContinueWith(_ => Post(new CallEvent.ForwardCancelled(pending)), CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        CallLog.Forwarded(_services.Logger, Id, request.MethodName, from.Name);
    }

    private void OnPeerResponse(PendingRequest pending, SipMessage response)
    {
        var status = response.StatusCode;
        var method = pending.Transaction.Request.Method;
        if (status < 200)
        {
            return;
        }
        if (method == SipMethod.Invite && status < 300)
        {
            // §13.2.2.4: every 2xx of our INVITE is acknowledged, retransmissions included.
            _services.Stack.SendAck(pending.To.Dialog!.CreateAck(response.CSeq.Number), pending.To.Flow);
            if (pending.Answered)
            {
                return;
            }
        }
        pending.Answered = true;
        _pending.Remove(pending);
        if (method is SipMethod.Invite or SipMethod.Update)
        {
            _offerPending = false;
        }
        if (pending.Offer is { } offer)
        {
            // RFC 3264 §8: an accepted offer changes the session; a refused one leaves it as it was.
            if (status < 300)
            {
                AcceptSdp(Other(pending.To), offer);
            }
            else
            {
                pending.To.LastSdpSent = pending.SdpBefore;
            }
        }
        if (_state != CallState.Answered || method == SipMethod.Bye)
        {
            return;
        }
        var to = pending.To;
        if (to.Dialog?.Id.CallId != pending.Transaction.Request.CallId)
        {
            // The party it went to has left (transferred away): its answer concerns a dialog that is over.
            if (pending.Incoming is { } orphan)
            {
                Respond(orphan, orphan.Request.CreateResponse(487));
            }
            return;
        }
        if (status < 300)
        {
            if (method is SipMethod.Invite or SipMethod.Update)
            {
                to.Dialog!.RefreshTarget(response);
                // A request passed across that went through refreshes the session on both legs (RFC 4028 §10); our own
                // refresh only the leg it was sent on (re-arming the other would put off that leg's refresh or expiry).
                ArmSessionTimer(to);
                if (pending.Incoming is not null)
                {
                    ArmSessionTimer(Other(to));
                }
            }
        }
        else if (status is 408 or 481 || (status == 503 && response.Source is null))
        {
            // RFC 3261 §12.2.1.2: the dialog on that side is gone; so is the call. A 503 that was never received (no
            // Source) is our transaction layer's transport error (§8.1.3.1): that peer cannot be reached either.
            pending.Incoming?.RespondAsync(pending.Incoming.Request.CreateResponse(status));
            CallLog.LegLost(_services.Logger, Id, pending.Transaction.Request.MethodName, to.Name, status);
            to.Dialog!.Terminate();
            HangUpBoth();
            End(CallStatus.Failed, HangupParty.System, $"{status} from the {to.Name}");
            return;
        }
        if (pending.Incoming is not { } incoming)
        {
            if (status >= 300 && pending.Moves)
            {
                // The party would not go to (or come back from) the parking's music: no session it could be left in.
                CallLog.MoveRefused(_services.Logger, Id, to.Name, status);
                HangUpBoth();
                End(CallStatus.Failed, HangupParty.System, $"{status} from the {to.Name} to a move");
                return;
            }
            // Our own refresh: its answer may move the peer's media.
            if (status < 300 && method == SipMethod.Invite && !response.Body.IsEmpty)
            {
                AcceptAnswer(to, response);
                if (pending.Moves && _retrieval is { } retrieval && to.LastSdpReceived is { } answer)
                {
                    CompleteRetrieval(retrieval, answer);
                }
            }
            else if (status >= 300 && to.Timer is { WeRefresh: true } timer)
            {
                // Refused (491 glare, 500…): the session still needs refreshing before the peer's deadline, so try again
                // in a while. A peer that does not take UPDATE after all gets re-INVITEs from now on.
                if (method == SipMethod.Update && status is 405 or 501)
                {
                    to.AllowsUpdate = false;
                }
                RefreshLater(to, timer);
            }
            return;
        }
        var from = Other(to);
        var reply = incoming.Request.CreateResponse(status, response.ReasonPhrase);
        CarryHeaders(response, reply);
        if (status < 300 && method is SipMethod.Invite or SipMethod.Update)
        {
            reply.Add(SipHeaderId.Contact, $"<{_services.Stack.LocalUri(from.Flow)}>");
            AddRefreshHeaders(from, reply);
        }
        if (status == 491 || status == 500 && response.GetHeader(SipHeaderId.RetryAfter) is not null)
        {
            reply.Add(SipHeaderId.RetryAfter, response.GetHeader(SipHeaderId.RetryAfter) ?? "1");
        }
        if (!response.Body.IsEmpty)
        {
            if (method is SipMethod.Invite or SipMethod.Update)
            {
                if (TryParseSdp(response, out var answer, out _))
                {
                    AcceptSdp(to, answer!);
                    reply.WithBody(Encoding.UTF8.GetBytes(RewriteFor(from, answer!)), "application/sdp");
                }
            }
            else
            {
                reply.WithBody(response.Body.ToArray(), response.ContentType ?? "application/octet-stream");
            }
        }
        Respond(incoming, reply);
    }

    private void OnForwardCancelled(PendingRequest pending)
    {
        if (_pending.Contains(pending) && pending.Transaction is SipInviteClientTransaction invite)
        {
            _ = invite.CancelAsync();
        }
    }

    private static void CarryHeaders(SipMessage source, SipMessageBuilder target)
    {
        foreach (var name in CarriedHeaders)
        {
            foreach (var value in source.GetHeaders(name))
            {
                target.Add(name, value);
            }
        }
    }

    /// <summary>BYE on every leg still in a dialog.</summary>
    private void HangUpBoth()
    {
        SendBye(_callerLeg);
        SendBye(_calleeLeg);
    }

    private void SendBye(CallLeg leg)
    {
        if (leg.Dialog is not { State: not Sip.Dialogs.SipDialogState.Terminated } dialog)
        {
            return;
        }
        var bye = dialog.CreateRequest(SipMethod.Bye).Add(SipHeaderId.UserAgent, _services.Stack.UserAgent);
        dialog.Terminate();
        Track(new PendingRequest(leg, _services.Stack.SendRequest(bye, leg.Flow), null));
    }

    private void Track(PendingRequest pending)
    {
        _pending.Add(pending);
        Pump(pending.Transaction, response => new CallEvent.PeerResponse(pending, response));
    }

    private void ForgetDialog(CallLeg leg)
    {
        if (leg.Dialog is { } dialog)
        {
            _services.Router.Detach(dialog);
        }
    }

    // What a peer's SDP tells the relay: where it listens, and whether it holds the call.
    private void AcceptSdp(CallLeg from, SdpMessage sdp)
    {
        from.LastSdpReceived = sdp;
        if (_media is null || !sdp.TryGetAudioEndpoint(out var endpoint))
        {
            return;
        }
        _media.SetRemote(from.RelayLeg, endpoint.Rtp, endpoint.Rtcp);
        var held = endpoint.IsHold || endpoint.Direction == SdpDirection.RecvOnly;
        if (held == from.OnHold)
        {
            return;
        }
        from.OnHold = held;
        CallLog.Hold(_services.Logger, Id, from.Name, held ? "holds the call" : "resumes the call");
        if (!_callerLeg.OnHold && !_calleeLeg.OnHold)
        {
            _media.RestartNoMediaDetection();
        }
    }

    // The SDP of one peer, rewritten so that the other sends its media to the relay's ports for that other peer.
    private string RewriteFor(CallLeg to, SdpMessage sdp)
    {
        var address = to.MediaAddress ?? System.Net.IPAddress.Loopback;
        to.Origin ??= new SdpOrigin(address);
        var anchor = new SdpAnchor(address, _media!.GetLocalRtpPort(to.RelayLeg), _media.GetLocalRtcpPort(to.RelayLeg));
        var text = SdpRewriter.Rewrite(sdp, anchor, to.Origin);
        to.LastSdpSent = text;
        return text;
    }

    private void OnNoMedia(Media.Relay.RtpRelayLeg relayLeg, TimeSpan silentFor)
    {
        // A held call may be silent on purpose; before the answer nobody is expected to speak, nor during a transfer.
        if (_state != CallState.Answered || _callerLeg.OnHold || _calleeLeg.OnHold || _reroute is not null || _park is not null)
        {
            return;
        }
        var leg = relayLeg == _callerLeg.RelayLeg ? _callerLeg : _calleeLeg;
        CallLog.NoMedia(_services.Logger, Id, leg.Name, (int)silentFor.TotalSeconds);
        HangUpBoth();
        End(CallStatus.Failed, HangupParty.System, "no media");
    }

    private void AddCallerSessionTimer(SipMessageBuilder ok)
    {
        AddRefreshHeaders(_callerLeg, ok);
        if (_callerRequiresTimer)
        {
            ok.Add(SipHeaderId.Require, "timer");
        }
    }

    // The Session-Expires of our 2xx to a request from a leg with a timer: the peer sent the request, so it is the
    // "uac" of RFC 4028 §4 and we are the "uas".
    private static SipMessageBuilder AddRefreshHeaders(CallLeg leg, SipMessageBuilder response)
    {
        if (leg.Timer is { } timer)
        {
            response.Add(SipHeaderId.SessionExpires,
                string.Create(CultureInfo.InvariantCulture, $"{timer.Seconds};refresher={(timer.WeRefresh ? "uas" : "uac")}"));
        }
        return response;
    }

    // RFC 4028 §7.2 as the UAC of the callee's INVITE: a Session-Expires in its 2xx sets the timer; refresher=uac is us.
    private static SessionTimer? CalleeSessionTimer(SipMessage response) =>
        Sip.Messages.Headers.SipSessionExpires.TryParse(response.GetHeader(SipHeaderId.SessionExpires), out var expires) && expires.Seconds > 0
            ? new SessionTimer(expires.Seconds, WeRefresh: expires.Refresher == Sip.Messages.Headers.SipRefresher.Uac)
            : null;

    private void ArmSessionTimer(CallLeg leg)
    {
        if (leg.Timer is not { } timer || _state == CallState.Ended)
        {
            return;
        }
        leg.TimerHandle?.Dispose();
        var generation = ++leg.TimerGeneration;
        leg.TimerHandle = _services.Time.CreateTimer(_ => Post(new CallEvent.SessionTimerDue(leg, generation)), null, timer.NextDue, Timeout.InfiniteTimeSpan);
    }

    private static void StopSessionTimer(CallLeg leg)
    {
        leg.TimerHandle?.Dispose();
        leg.TimerHandle = null;
        leg.TimerGeneration++;
    }

    private void OnSessionTimer(CallLeg leg, int generation)
    {
        if (generation != leg.TimerGeneration || _state != CallState.Answered || leg.Timer is not { } timer)
        {
            return;
        }
        if (!timer.WeRefresh)
        {
            CallLog.SessionExpired(_services.Logger, Id, leg.Name);
            HangUpBoth();
            End(CallStatus.Failed, HangupParty.System, $"session with the {leg.Name} expired");
            return;
        }
        if (_offerPending)
        {
            // An offer is under way; it refreshes the session when it completes. Look again in a while.
            RefreshLater(leg, timer);
            return;
        }
        CallLog.Refreshed(_services.Logger, Id, leg.Name, timer.Seconds);
        // RFC 4028 §7.4: UPDATE when the peer allows it (no offer needed), else a re-INVITE offering the same SDP again.
        var method = leg.AllowsUpdate ? SipMethod.Update : SipMethod.Invite;
        var refresh = leg.Dialog!.CreateRequest(method)
            .Add(SipHeaderId.Contact, $"<{_services.Stack.LocalUri(leg.Flow)}>")
            .Add(SipHeaderId.Supported, "timer")
            .Add(SipHeaderId.SessionExpires, string.Create(CultureInfo.InvariantCulture, $"{timer.Seconds};refresher=uac"));
        if (method == SipMethod.Invite && OfferTo(leg) is { } sdp)
        {
            refresh.WithBody(Encoding.UTF8.GetBytes(sdp), "application/sdp");
            _offerPending = true;
        }
        Track(new PendingRequest(leg, _services.Stack.SendRequest(refresh, leg.Flow), null));
    }

    // Our refresh is due but cannot go now, or was refused: the next attempt comes after an eighth of the interval, well
    // within the peer's deadline (RFC 4028 §10: interval - min(32, interval/3)).
    private void RefreshLater(CallLeg leg, SessionTimer timer)
    {
        leg.TimerHandle?.Dispose();
        var next = ++leg.TimerGeneration;
        leg.TimerHandle = _services.Time.CreateTimer(_ => Post(new CallEvent.SessionTimerDue(leg, next)), null,
            TimeSpan.FromSeconds(Math.Max(1, timer.Seconds / 8)), Timeout.InfiniteTimeSpan);
    }
}
