using System.Text;
using ContactCenter.Data.Repositories;
using ContactCenter.Media.Sdp;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Events.Bodies;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Pbx.Calls;

// Retrieving by dialling the slot, as on Yeastar and FreePBX: the phone's INVITE reaches the parked call (CallRouter
// hands it over). Its offer goes to the parked party in the re-INVITE that moves it back to the relay, and the parked
// party's answer comes back in our 200 to the phone: one offer/answer end to end (RFC 3264 §6), so the two agree on a
// codec without the appliance choosing for them.
internal sealed partial class Call
{
    private CallRetrieval? _retrieval;

    private void OnRetrieveByCall(SipInviteServerTransaction invite, Extension by, SessionTimer? timer)
    {
        var request = invite.Request;
        var tag = SipIdentifiers.NewTag();
        if (_park is not { } park || _state != CallState.Answered || _reroute is { IsRecall: false } || _retrieval is not null)
        {
            Respond(invite, request.CreateResponse(404, "No Call Parked Here", tag));
            return;
        }
        var problem = "a retrieving INVITE without SDP";
        if (request.Body.IsEmpty || !TryParseSdp(request, out var offer, out problem))
        {
            // A late offer would need the parked party's offer first: the phones that retrieve this way all offer.
            CallLog.BadSdp(_services.Logger, Id, problem);
            Respond(invite, request.CreateResponse(488, toTag: tag));
            return;
        }
        if (_offerPending)
        {
            // RFC 3261 §14.2: an offer is under way with the parked party; the phone may dial again in a moment.
            Respond(invite, request.CreateResponse(500, toTag: tag).Add(SipHeaderId.RetryAfter, "1"));
            return;
        }
        if (_reroute is { } recall)
        {
            _reroute = null;
            _ringTimer?.Dispose();
            CancelRerouteForks(recall, CompletedElsewhere, except: null);
        }
        CallLog.Retrieving(_services.Logger, Id, by.Number, park.Slot);
        var leg = park.Replaced;
        var source = request.Source!.Value;
        leg.Number = by.Number;
        leg.Flow = new SipDestination(source.Protocol, source.Remote, source.ConnectionId);
        leg.MediaAddress = _services.MediaAddressFor(leg.Flow);
        leg.AllowsUpdate = SipTokenList.Contains(request, SipHeaderId.Allow, "UPDATE");
        leg.Timer = timer;
        AcceptSdp(leg, offer!);
        _retrieval = new CallRetrieval(invite, tag, leg, park.Slot);
        LeaveParking(park);
        _presence?.Move(leg.Party, by.Number, SipDialogInfoState.Confirmed);
        SendMove(park.Kept, RewriteFor(park.Kept, offer!));
    }

    // RFC 3261 §13.3.1.4: a 2xx never acknowledged (Timer H) leaves a dialog the phone does not know it is in: hang up.
    private void WatchAck(SipInviteServerTransaction invite, CallLeg leg)
    {
        var dialog = leg.Dialog!;
        _ = invite.AckReceived.ContinueWith(acked =>
        {
            if (acked.Result is null)
            {
                Post(new CallEvent.Unacknowledged(leg, dialog));
            }
        }, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void OnUnacknowledged(CallLeg leg, SipDialog dialog)
    {
        if (_state != CallState.Answered || leg.Dialog != dialog)
        {
            return;
        }
        CallLog.Unacknowledged(_services.Logger, Id, leg.Number ?? leg.Name);
        HangUpBoth();
        End(CallStatus.Failed, HangupParty.System, $"no ACK from {leg.Number ?? leg.Name}");
    }

    // The parked party accepted the phone's offer: the phone gets the answer, and the two talk through the relay.
    private void CompleteRetrieval(CallRetrieval retrieval, SdpMessage answer)
    {
        _retrieval = null;
        var leg = retrieval.Leg;
        var request = retrieval.Invite.Request;
        var dialog = SipDialog.CreateAsUas(request, retrieval.Tag, confirmed: true);
        leg.Dialog = dialog;
        _services.Router.Attach(dialog, this, leg);
        var ok = AddRefreshHeaders(leg, request.CreateResponse(200, toTag: retrieval.Tag))
            .Add(SipHeaderId.Contact, $"<{_services.Stack.LocalUri(leg.Flow)}>")
            .Add(SipHeaderId.Allow, CallServices.Allow)
            .Add(SipHeaderId.Supported, "timer")
            .WithBody(Encoding.UTF8.GetBytes(RewriteFor(leg, answer)), "application/sdp");
        Respond(retrieval.Invite, ok);
        WatchAck(retrieval.Invite, leg);
        _media?.RestartNoMediaDetection();
        ArmSessionTimer(leg);
        CallLog.Retrieved(_services.Logger, Id, retrieval.Slot, leg.Number ?? "");
        Publish();
    }
}
