using ContactCenter.Pbx.Presence;
using ContactCenter.Sip.Events.Bodies;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Pbx.Calls;

/// <summary>
/// Reports a call between two extensions to the <see cref="PresenceModel"/> (issue #5 §5): the caller's side as
/// initiator, the callee's as recipient, each with the other as remote identity so a BLF shows who calls. Both carry
/// the caller leg's Call-ID and tags: the dialog the appliance would match when a watcher picks the call up.
/// Used by the call's actor only.
/// </summary>
internal sealed class CallPresence
{
    private readonly PresenceModel _model;
    private readonly string _callerNumber;
    private readonly string _calleeNumber;
    private readonly SipDialogInfoEntry _callerSide;
    private readonly SipDialogInfoEntry _calleeSide;
    private bool _ended;

    public CallPresence(PresenceModel model, SipMessage invite, string callerNumber, string calleeNumber, string callerTag)
    {
        _model = model;
        _callerNumber = callerNumber;
        _calleeNumber = calleeNumber;
        var callId = invite.CallId;
        var from = invite.From;
        var to = invite.To;
        _callerSide = new SipDialogInfoEntry
        {
            Id = callId + "/out",
            State = SipDialogInfoState.Trying,
            Direction = SipDialogDirection.Initiator,
            CallId = callId,
            LocalTag = from.Tag,
            RemoteTag = callerTag,
            LocalIdentity = from.UriText,
            RemoteIdentity = to.UriText,
        };
        _calleeSide = new SipDialogInfoEntry
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
        };
    }

    /// <summary>Both sides move to <paramref name="state"/>; nothing after terminated.</summary>
    public void Report(SipDialogInfoState state)
    {
        if (_ended)
        {
            return;
        }
        _ended = state == SipDialogInfoState.Terminated;
        _model.SetDialog(_callerNumber, _callerSide with { State = state });
        _model.SetDialog(_calleeNumber, _calleeSide with { State = state });
    }
}
