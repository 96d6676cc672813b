using System.Text;
using ContactCenter.Data.Repositories;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Sdp;
using ContactCenter.Pbx.Commands;
using ContactCenter.Pbx.Parking;
using ContactCenter.Pbx.Presence;
using ContactCenter.Sip.Events.Bodies;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Pbx.Calls;

// Park and retrieve (issue #5 §4). Parking releases the parking extension and moves the other party onto an endpoint
// playing hold music, by a re-INVITE offering the endpoint's SDP (RFC 3264 §8: a new offer in the same dialog); the
// relay session is kept, so retrieving rings the retriever through the emptied relay side, as a transfer does, and
// moves the party back to the relay by another re-INVITE once the retriever answered.
internal sealed partial class Call
{
    private CallPark? _park;

    private CallCommandResult OnPark(string by, string slot)
    {
        if (_state != CallState.Answered || _endpoint is not null || _reroute is not null || LegOf(by) is not { } leaving)
        {
            return CallCommandResult.NotInCall;
        }
        if (_services.Parking is not { } parking || _offerPending)
        {
            // No parking on this appliance, or an offer under way on a leg (RFC 3261 §14.2): not now.
            return CallCommandResult.Unavailable;
        }
        if (!parking.Endpoints.TryCreate(out var endpoint))
        {
            CallLog.NoPorts(_services.Logger, Id);
            return CallCommandResult.Unavailable;
        }
        if (!_services.Lot.TryClaim(slot, this))
        {
            _mediaClosed = Task.WhenAll(_mediaClosed, endpoint.DisposeAsync().AsTask());
            return CallCommandResult.SlotOccupied;
        }
        var kept = Other(leaving);
        CallLog.Parking(_services.Logger, Id, by, kept.Number ?? "", slot);
        Release(leaving);
        _endpoint = endpoint;
        var park = new CallPark(slot, by, kept, leaving);
        _park = park;
        Publish();
        JoinMusic(parking);
        SendMove(kept, Encoding.UTF8.GetString(endpoint.CreateOffer()));
        // The slot shows the call as a confirmed dialog too, so a BLF key on the slot number lights like a busy line.
        _presence?.Move(leaving.Party, slot, SipDialogInfoState.Confirmed);
        _services.Presence?.SetPark(slot, ParkSlotState.Occupied);
        ArmParkTimer(park);
        return CallCommandResult.Started;
    }

    // The default music, shared by every parked party; joining may complete later (it never does for the built-in
    // music, but the library's contract is asynchronous), so the listener comes back through the mailbox.
    private void JoinMusic(ParkingServices parking) =>
        _ = parking.Music.JoinAsync(null).ContinueWith(joined =>
        {
            if (joined.IsCompletedSuccessfully && !Post(new CallEvent.ParkMusic(joined.Result)))
            {
                joined.Result.Dispose();
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private void OnParkMusic(MusicOnHoldListener listener)
    {
        if (_park is { Music: null } park && _endpoint is { } endpoint)
        {
            park.Music = listener;
            endpoint.Source = listener;
            return;
        }
        listener.Dispose();
    }

    // The appliance's own re-INVITE moving a party's media (to the endpoint, or back to the relay): its answer is applied
    // where the media now ends (OnPeerResponse → AcceptAnswer); a refusal ends the call.
    private void SendMove(CallLeg leg, string sdp)
    {
        var reinvite = leg.Dialog!.CreateRequest(SipMethod.Invite)
            .Add(SipHeaderId.Contact, $"<{_services.Stack.LocalUri(leg.Flow)}>")
            .Add(SipHeaderId.Allow, CallServices.Allow)
            .Add(SipHeaderId.UserAgent, _services.Stack.UserAgent)
            .WithBody(Encoding.UTF8.GetBytes(sdp), "application/sdp");
        leg.LastSdpSent = sdp;
        _offerPending = true;
        Track(new PendingRequest(leg, _services.Stack.SendRequest(reinvite, leg.Flow), null) { Moves = true });
    }

    private void ArmParkTimer(CallPark park)
    {
        park.Timer?.Dispose();
        park.Timer = _services.Time.CreateTimer(static state => ((Call)state!).Post(new CallEvent.ParkTimeout()), this,
            TimeSpan.FromSeconds(_services.Options.ParkSeconds), Timeout.InfiniteTimeSpan);
    }

    // The park timeout: the slot says recalling and the parking extension's phones ring (no auto-answer: a recall must
    // be heard). The party stays on the music until someone answers.
    private void OnParkTimeout()
    {
        if (_park is not { Recalling: false } park || _reroute is not null || _state != CallState.Answered)
        {
            return;
        }
        park.Recalling = true;
        CallLog.ParkRecalling(_services.Logger, Id, park.Slot, _services.Options.ParkSeconds, park.By);
        _services.Presence?.SetPark(park.Slot, ParkSlotState.Recalling);
        StartReroute(new CallReroute(park.Kept, park.Replaced, park.By, park.By, IsRecall: true, AutoAnswer: false));
    }

    // Retrieve: the retriever's phones ring with auto-answer; a recall still ringing gives way to it.
    private CallCommandResult OnRetrieve(string by)
    {
        if (_park is not { } park || _state != CallState.Answered || _reroute is { IsRecall: false })
        {
            return CallCommandResult.SlotEmpty;
        }
        if (_services.Registrations.GetContacts(by).Count == 0)
        {
            return CallCommandResult.NotRegistered;
        }
        if (_reroute is { } recall)
        {
            _reroute = null;
            CancelRerouteForks(recall, "SIP;cause=200;text=\"Call completed elsewhere\"", except: null);
        }
        CallLog.Retrieving(_services.Logger, Id, by, park.Slot);
        StartReroute(new CallReroute(park.Kept, park.Replaced, by, park.By, IsRecall: false, AutoAnswer: true));
        return CallCommandResult.Started;
    }

    // The retriever (or the recalled extension) answered: the slot is free, the music stops, and the parked party is
    // offered the retriever's media through the relay (RFC 3264 §8: a new offer, the relay's ports for it).
    private void Unpark(CallPark park, SdpMessage answer)
    {
        CallLog.Retrieved(_services.Logger, Id, park.Slot, park.Replaced.Number ?? "");
        LeaveParking(park);
        SendMove(park.Kept, RewriteFor(park.Kept, answer));
    }

    // The parked party leaves the music and the slot (its media moves back to the relay next).
    private void LeaveParking(CallPark park)
    {
        if (_endpoint is { } endpoint)
        {
            _endpoint = null;
            endpoint.Source = null;
            _mediaClosed = Task.WhenAll(_mediaClosed, endpoint.DisposeAsync().AsTask());
        }
        LeaveSlot(park);
        _park = null;
    }

    // Nobody answered a retrieve: the call stays parked, its timeout started again. Nobody answered the recall: the
    // parked party is released, as Yeastar does once its park timeout destination does not answer.
    private void ParkedRerouteFailed(CallPark park, CallReroute reroute)
    {
        if (!reroute.IsRecall)
        {
            _presence?.Report(park.Replaced.Party, SipDialogInfoState.Confirmed);
            park.Recalling = false;
            _services.Presence?.SetPark(park.Slot, ParkSlotState.Occupied);
            ArmParkTimer(park);
            Publish();
            return;
        }
        CallLog.ParkAbandoned(_services.Logger, Id, park.Slot);
        SendBye(park.Kept);
        End(CallStatus.Answered, HangupParty.System, $"parked in {park.Slot}, not retrieved");
    }

    // The slot is free again (retrieved, or the call ended); the music listener goes with it.
    private void LeaveSlot(CallPark park)
    {
        park.Timer?.Dispose();
        park.Timer = null;
        park.Music?.Dispose();
        park.Music = null;
        _services.Lot.Release(park.Slot, this);
        _services.Presence?.SetPark(park.Slot, ParkSlotState.Free);
    }
}
