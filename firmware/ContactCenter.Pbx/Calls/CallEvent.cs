using ContactCenter.Media.Relay;
using ContactCenter.Pbx.Commands;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Pbx.Calls;

/// <summary>What reaches a call's mailbox; the actor handles one at a time, in order.</summary>
internal abstract record CallEvent
{
    /// <summary>A response from one of the callee's ringing contacts.</summary>
    public sealed record ForkResponse(CallFork Fork, SipMessage Response) : CallEvent;

    /// <summary>The caller cancelled the INVITE (the SIP core has already answered 487).</summary>
    public sealed record CallerCancelled(SipMessage Cancel) : CallEvent;

    /// <summary>The caller's ACK of our 2xx, or null when none came in time (RFC 3261 §13.3.1.4).</summary>
    public sealed record CallerAck(SipMessage? Ack) : CallEvent;

    /// <summary>An in-dialog request from one side.</summary>
    public sealed record Request(CallLeg From, SipServerTransaction Transaction) : CallEvent;

    /// <summary>A response to a request the call sent in a dialog (forwarded, refresh or BYE).</summary>
    public sealed record PeerResponse(PendingRequest Pending, SipMessage Response) : CallEvent;

    /// <summary>The ACK carrying a peer's answer to the SDP we offered in a 2xx (RFC 3264 §5).</summary>
    public sealed record PeerAnswer(CallLeg From, SipMessage Ack) : CallEvent;

    /// <summary>The peer cancelled a re-INVITE that was passed across (the core has answered it 487).</summary>
    public sealed record ForwardCancelled(PendingRequest Pending) : CallEvent;

    /// <summary>The callee's phones rang for the configured time.</summary>
    public sealed record RingTimeout : CallEvent;

    /// <summary>A leg's session timer is due (refresh or expiry); stale when the generation moved on.</summary>
    public sealed record SessionTimerDue(CallLeg Leg, int Generation) : CallEvent;

    /// <summary>A relay side received no RTP for the configured time.</summary>
    public sealed record NoMedia(RtpRelayLeg Leg, TimeSpan SilentFor) : CallEvent;

    /// <summary>The local application of a call the appliance answered itself returned (null) or failed.</summary>
    public sealed record ApplicationEnded(Exception? Failure) : CallEvent;

    /// <summary>The appliance is stopping.</summary>
    public sealed record Shutdown : CallEvent;

    /// <summary>A call command for this call; <paramref name="Done"/> gets its result (<see cref="WhenGone"/> if the call ends first).</summary>
    public abstract record Command(TaskCompletionSource<CallCommandResult> Done, CallCommandResult WhenGone) : CallEvent;

    /// <summary>Directed pickup: ring <paramref name="By"/>'s phones too, with auto-answer; the first answer wins.</summary>
    public sealed record PickUp(string By, TaskCompletionSource<CallCommandResult> Done) : Command(Done, CallCommandResult.NothingRinging);

    /// <summary>Park: <paramref name="By"/> is released and the other party moved onto hold music in <paramref name="Slot"/>.</summary>
    public sealed record Park(string By, string Slot, TaskCompletionSource<CallCommandResult> Done) : Command(Done, CallCommandResult.NotInCall);

    /// <summary>Retrieve: <paramref name="By"/>'s phones ring (auto-answer) and get the parked party when answered.</summary>
    public sealed record Retrieve(string By, TaskCompletionSource<CallCommandResult> Done) : Command(Done, CallCommandResult.SlotEmpty);

    /// <summary>A phone dialled the slot this call is parked in (its INVITE, authenticated, with the session timer negotiated).</summary>
    public sealed record RetrieveByCall(SipInviteServerTransaction Invite, Data.Repositories.Extension By, SessionTimer? Timer) : CallEvent;

    /// <summary>A phone's INVITE with Replaces naming this call's early dialog (RFC 3891 BLF pickup).</summary>
    public sealed record PickUpByReplaces(SipInviteServerTransaction Invite, Data.Repositories.Extension By, SessionTimer? Timer, CallReplaces Replaces) : CallEvent;

    /// <summary>A phone answered by a 2xx of ours (retrieving, picking up) never acknowledged it (RFC 3261 §13.3.1.4).</summary>
    public sealed record Unacknowledged(CallLeg Leg, Sip.Dialogs.SipDialog Dialog) : CallEvent;

    /// <summary>The call stayed parked for the park timeout.</summary>
    public sealed record ParkTimeout : CallEvent;

    /// <summary>The hold music a parked party hears, ready.</summary>
    public sealed record ParkMusic(Media.Endpoints.MusicOnHoldListener Listener) : CallEvent;

    /// <summary>Blind transfer: <paramref name="By"/> is released and <paramref name="Target"/> rung for the other party.</summary>
    public sealed record Transfer(string By, string Target, TaskCompletionSource<CallCommandResult> Done) : Command(Done, CallCommandResult.NotInCall);
}

/// <summary>A request the call sent on a leg and the response it waits for.</summary>
/// <param name="To">The leg it went to.</param>
/// <param name="Transaction">Its client transaction.</param>
/// <param name="Incoming">The request from the other leg it forwards, null for the call's own (refresh, BYE).</param>
internal sealed record PendingRequest(CallLeg To, SipClientTransaction Transaction, SipServerTransaction? Incoming)
{
    /// <summary>Whether a 2xx was handled already (later ones are retransmissions, re-ACKed).</summary>
    public bool Answered { get; set; }

    /// <summary>The SDP offer it carries from the other leg, applied to the relay only once accepted (RFC 3264 §8).</summary>
    public Media.Sdp.SdpMessage? Offer { get; init; }

    /// <summary>Whether it is the appliance's re-INVITE moving the party between the relay and the parking's music.</summary>
    public bool Moves { get; init; }

    /// <summary>What <see cref="CallLeg.LastSdpSent"/> of <see cref="To"/> was before this offer, restored if it is refused.</summary>
    public string? SdpBefore { get; init; }
}
