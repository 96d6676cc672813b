using ContactCenter.Pbx.Presence;
using ContactCenter.Sip.Events.Bodies;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Pbx.Calls;

/// <summary>
/// Reports a call between two extensions to the <see cref="PresenceModel"/> (issue #5 §5): the caller's side as
/// initiator, the callee's as recipient, each with the other as remote identity so a BLF shows who calls. Both carry
/// the caller leg's Call-ID and tags: the dialog the appliance would match when a watcher picks the call up. When a
/// side passes to another extension (pickup, transfer), the entry moves with it, so lamps and NOTIFYs follow the legs.
/// Used by the call's actor only.
/// </summary>
internal sealed class CallPresence
{
    private readonly PresenceModel _model;
    private Side _caller;
    private Side _callee;
    private bool _ended;

    public CallPresence(PresenceModel model, SipMessage invite, string callerNumber, string calleeNumber, string callerTag)
    {
        _model = model;
        var callId = invite.CallId;
        var from = invite.From;
        var to = invite.To;
        _caller = new Side(callerNumber, new SipDialogInfoEntry
        {
            Id = callId + "/out",
            State = SipDialogInfoState.Trying,
            Direction = SipDialogDirection.Initiator,
            CallId = callId,
            LocalTag = from.Tag,
            RemoteTag = callerTag,
            LocalIdentity = from.UriText,
            RemoteIdentity = to.UriText,
        });
        _callee = new Side(calleeNumber, new SipDialogInfoEntry
        {
            Id = callId,
            State = SipDialogInfoState.Trying,
            Direction = SipDialogDirection.Recipient,
            CallId = callId,
            LocalTag = callerTag,
            RemoteTag = from.Tag,
            LocalIdentity = to.UriText,
            RemoteIdentity = from.UriText,
            RemoteDisplay = from.DisplayName,
        });
    }

    private CallPresence(PresenceModel model, Side caller, Side callee)
    {
        _model = model;
        _caller = caller;
        _callee = callee;
    }

    /// <summary>
    /// The presence of a call the appliance places (click-to-call) under its own Call-ID: nothing is reported until the
    /// sides are rung (<see cref="Move"/>), since no phone has sent an INVITE.
    /// </summary>
    public static CallPresence ForOriginated(PresenceModel model, string callId, string callerNumber, string calleeNumber, string realm)
    {
        var callerUri = $"sip:{callerNumber}@{realm}";
        var calleeUri = $"sip:{calleeNumber}@{realm}";
        return new CallPresence(model,
            new Side(callerNumber, new SipDialogInfoEntry
            {
                Id = callId + "/out", State = SipDialogInfoState.Trying, Direction = SipDialogDirection.Initiator, CallId = callId,
                LocalIdentity = callerUri, RemoteIdentity = calleeUri,
            }),
            new Side(calleeNumber, new SipDialogInfoEntry
            {
                Id = callId, State = SipDialogInfoState.Trying, Direction = SipDialogDirection.Recipient, CallId = callId,
                LocalIdentity = calleeUri, RemoteIdentity = callerUri,
            }));
    }

    /// <summary>Both sides move to <paramref name="state"/>; nothing after terminated.</summary>
    public void Report(SipDialogInfoState state)
    {
        if (_ended)
        {
            return;
        }
        _ended = state == SipDialogInfoState.Terminated;
        _caller = Set(_caller, _caller.Entry with { State = state });
        _callee = Set(_callee, _callee.Entry with { State = state });
    }

    /// <summary>One side alone moves to <paramref name="state"/> (the party being rung after a transfer).</summary>
    public void Report(CallParty party, SipDialogInfoState state)
    {
        if (_ended)
        {
            return;
        }
        if (party == CallParty.Caller)
        {
            _caller = Set(_caller, _caller.Entry with { State = state });
        }
        else
        {
            _callee = Set(_callee, _callee.Entry with { State = state });
        }
    }

    /// <summary>
    /// The <paramref name="party"/> side now belongs to <paramref name="number"/>, rung by the appliance (so a
    /// recipient), in <paramref name="state"/>: the old extension's entry ends, the new one's appears, and the other side
    /// names the new extension as its remote identity.
    /// </summary>
    public void Move(CallParty party, string number, SipDialogInfoState state)
    {
        if (_ended)
        {
            return;
        }
        var side = party == CallParty.Caller ? _caller : _callee;
        var other = party == CallParty.Caller ? _callee : _caller;
        _model.SetDialog(side.Number, side.Entry with { State = SipDialogInfoState.Terminated });
        var identity = IdentityOf(number, side.Entry.LocalIdentity);
        var moved = Set(new Side(number, side.Entry), side.Entry with { State = state, Direction = SipDialogDirection.Recipient, LocalIdentity = identity });
        other = Set(other, other.Entry with { RemoteIdentity = identity, RemoteDisplay = null });
        (_caller, _callee) = party == CallParty.Caller ? (moved, other) : (other, moved);
    }

    private Side Set(Side side, SipDialogInfoEntry entry)
    {
        _model.SetDialog(side.Number, entry);
        return side with { Entry = entry };
    }

    // The URI of another user at the same host: sip:201@host becomes sip:202@host.
    private static string IdentityOf(string number, string? like)
    {
        var at = like?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        return at < 0 ? $"sip:{number}" : $"sip:{number}{like![at..]}";
    }

    private readonly record struct Side(string Number, SipDialogInfoEntry Entry);
}
