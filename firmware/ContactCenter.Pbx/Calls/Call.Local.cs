using System.Text;
using ContactCenter.Data.Repositories;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Sdp;
using ContactCenter.Pbx.Features;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Pbx.Calls;

// The callee kind where the appliance answers itself (issue #4 §7): the caller's dialog ends at the appliance, its
// media at an IMediaEndpoint, and a local application drives that endpoint. Everything of the caller's side (dialog,
// BYE, OPTIONS, session timers, CANCEL, shutdown, the record) is the B2BUA's own; only what would be passed across to a
// callee is handled here instead.
internal sealed partial class Call
{
    private IMediaEndpoint? _endpoint;
    private ILocalApplication? _application;
    // The running application and what stops it; disposed by CloseEndpointAsync once it has stopped.
    private (Task Run, CancellationTokenSource Stop)? _running;
    private bool _answerAwaitsAck;

    private void AnswerLocally(FeatureServices features, FeatureCode code)
    {
        var request = _invite!.Request;
        if (!features.Endpoints.TryCreate(out var endpoint))
        {
            CallLog.NoPorts(_services.Logger, Id);
            Refuse(503, CallStatus.Failed, HangupParty.System, "no free RTP ports");
            return;
        }
        _endpoint = endpoint;
        byte[] sdp;
        if (request.Body.IsEmpty)
        {
            // RFC 3264 §5 / RFC 3261 §13.2.1: no offer in the INVITE, so the 200 carries ours and the ACK the answer.
            sdp = endpoint.CreateOffer();
            _answerAwaitsAck = true;
        }
        else if (!TryAnswerOffer(request, out sdp))
        {
            RefuseMedia(_invite!);
            End(CallStatus.Failed, HangupParty.System, "488 no acceptable media");
            return;
        }
        _application = features.Applications.Create(code, Id);
        SetUpCallerLeg();
        CallLog.AnsweredLocally(_services.Logger, Id, code.ToString());
        var text = Encoding.UTF8.GetString(sdp);
        _callerLeg.LastSdpSent = text;
        AnswerCaller(text);
    }

    // A usable SDP offer answered by the endpoint (RFC 3264 §6); false when nothing in it can be accepted.
    private bool TryAnswerOffer(SipMessage request, out byte[] answer)
    {
        answer = [];
        if (!TryParseSdp(request, out var offer, out var problem))
        {
            CallLog.BadSdp(_services.Logger, Id, problem);
            return false;
        }
        if (!_endpoint!.TryAnswer(request.Body.Span, out var answered))
        {
            CallLog.BadSdp(_services.Logger, Id, "no stream or codec of the offer can be accepted");
            return false;
        }
        answer = answered;
        NoteHold(_callerLeg, offer!);
        return true;
    }

    // RFC 3261 §21.4.26: 488 with a Warning (§20.43) saying what was wrong with the session description.
    private void RefuseMedia(SipServerTransaction transaction)
    {
        var agent = transaction.Request.RequestUri?.HostAndPort is { Length: > 0 } host ? host : "contactcenter";
        var response = transaction.Request.CreateResponse(488, toTag: transaction == _invite ? _callerTag : null)
            .Add("Warning", $"305 {agent} \"Incompatible media format\"");
        if (transaction == _invite)
        {
            CallLog.Refused(_services.Logger, Id, 488, "no acceptable media");
        }
        Respond(transaction, response);
    }

    private void OnLocalAck(SipMessage ack)
    {
        if (_answerAwaitsAck)
        {
            _answerAwaitsAck = false;
            if (!AcceptLocalAnswer(ack))
            {
                return;
            }
        }
        var stop = new CancellationTokenSource();
        _running = (RunApplicationAsync(_application!, _endpoint!, stop.Token), stop);
    }

    // The caller's answer to an offer of the endpoint (in the ACK, or in the 200 of our refresh). RFC 3264 §5: an answer
    // that does not fit the offer leaves no session to keep, so the call ends.
    private bool AcceptLocalAnswer(SipMessage message)
    {
        if (!message.Body.IsEmpty && TryParseSdp(message, out var answer, out _) && _endpoint!.TryApplyAnswer(message.Body.Span))
        {
            NoteHold(_callerLeg, answer!);
            return true;
        }
        CallLog.BadSdp(_services.Logger, Id, "no usable answer to the appliance's offer");
        HangUpBoth();
        End(CallStatus.Failed, HangupParty.System, "no usable SDP answer from the caller");
        return false;
    }

    // Runs off the actor; its end comes back through the mailbox. Cancelled by End, which awaits it before the endpoint goes.
    private async Task RunApplicationAsync(ILocalApplication application, IMediaEndpoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            await application.RunAsync(endpoint, cancellationToken).ConfigureAwait(false);
            Post(new CallEvent.ApplicationEnded(null));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The call ended first.
        }
#pragma warning disable CA1031 // A failed application ends its call, never the appliance.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Post(new CallEvent.ApplicationEnded(exception));
        }
    }

    private void OnApplicationEnded(Exception? failure)
    {
        if (_state != CallState.Answered)
        {
            return;
        }
        HangUpBoth();
        if (failure is not null)
        {
            CallLog.ApplicationFailed(_services.Logger, Id, failure);
            End(CallStatus.Failed, HangupParty.System, "application failed");
            return;
        }
        CallLog.ApplicationEnded(_services.Logger, Id);
        End(CallStatus.Answered, HangupParty.Callee, null);
    }

    // A re-INVITE or UPDATE with an offer (hold, resume, a codec change) is answered by the endpoint (RFC 3264 §8); an
    // INFO carries a digit (RFC 6086).
    private void OnLocalRequest(CallLeg from, SipServerTransaction transaction)
    {
        var request = transaction.Request;
        if (request.Method == SipMethod.Info)
        {
            OnLocalInfo(transaction);
            return;
        }
        if (_offerPending)
        {
            // RFC 3261 §14.2 / RFC 3311 §5.2: one offer at a time (ours, a session refresh, is under way).
            Respond(transaction, request.CreateResponse(491).Add(SipHeaderId.RetryAfter, "1"));
            return;
        }
        if (!TryAnswerOffer(request, out var answer))
        {
            RefuseMedia(transaction);
            return;
        }
        from.Dialog!.RefreshTarget(request);
        from.LastSdpSent = Encoding.UTF8.GetString(answer);
        // RFC 4028 §10: a successful offer/answer refreshes the session.
        ArmSessionTimer(from);
        var ok = AddRefreshHeaders(from, request.CreateResponse(200))
            .Add(SipHeaderId.Contact, $"<{_services.Stack.LocalUri(from.Flow)}>")
            .Add(SipHeaderId.Allow, CallServices.Allow)
            .WithBody(answer, "application/sdp");
        Respond(transaction, ok);
    }

    // RFC 6086: an INFO carrying a key press (application/dtmf-relay or application/dtmf, the vendors' formats phones
    // send) goes to the endpoint's digits; a body of another type gets 415 naming those (§4.2.2), a malformed one 400.
    // An INFO without a body is a keep-alive of older phones: 200.
    private void OnLocalInfo(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        if (request.Body.IsEmpty)
        {
            Respond(transaction, request.CreateResponse(200));
            return;
        }
        var contentType = request.ContentType ?? "";
        if (DtmfInfo.TryParse(contentType, request.Body.Span, out var digit))
        {
            _endpoint!.AcceptSignalledDigit(digit);
            CallLog.InfoDigit(_services.Logger, Id, digit.Digit);
            Respond(transaction, request.CreateResponse(200));
            return;
        }
        var known = SipContentType.TryParse(contentType, out var type)
            && (type.Is("application", "dtmf-relay") || type.Is("application", "dtmf"));
        Respond(transaction, known
            ? request.CreateResponse(400, "Malformed DTMF Body")
            : request.CreateResponse(415).Add(SipHeaderId.Accept, $"{DtmfInfo.DtmfRelayContentType}, {DtmfInfo.DtmfContentType}"));
    }

    // Whether the caller's SDP holds the call (for the log; the endpoint applies the direction itself).
    private void NoteHold(CallLeg from, SdpMessage sdp)
    {
        if (!sdp.TryGetAudioEndpoint(out var endpoint))
        {
            return;
        }
        var held = endpoint.IsHold || endpoint.Direction == SdpDirection.RecvOnly;
        if (held != from.OnHold)
        {
            from.OnHold = held;
            CallLog.Hold(_services.Logger, Id, from.Name, held ? "holds the call" : "resumes the call");
        }
    }

    // From End: the application is told to stop, and the endpoint's ports go back once it has.
    private void ReleaseEndpoint()
    {
        if (_endpoint is not { } endpoint)
        {
            return;
        }
        _endpoint = null;
        _running?.Stop.Cancel();
        _mediaClosed = Task.WhenAll(_mediaClosed, CloseEndpointAsync(endpoint, _running));
        _running = null;
    }

    private static async Task CloseEndpointAsync(IMediaEndpoint endpoint, (Task Run, CancellationTokenSource Stop)? running)
    {
        try
        {
            if (running is { } application)
            {
                await application.Run.ConfigureAwait(false);
            }
        }
        finally
        {
            running?.Stop.Dispose();
            await endpoint.DisposeAsync().ConfigureAwait(false);
        }
    }
}
