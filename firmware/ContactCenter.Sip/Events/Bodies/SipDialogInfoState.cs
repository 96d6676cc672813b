namespace ContactCenter.Sip.Events.Bodies;

/// <summary>The state of a dialog in dialog-info+xml (RFC 4235 §3.7.1): the dialog FSM, plus trying and proceeding before a dialog exists.</summary>
public enum SipDialogInfoState
{
    /// <summary><c>trying</c>: an INVITE was sent or received, no response carrying a To tag yet.</summary>
    Trying,
    /// <summary><c>proceeding</c>: a provisional response without To tag.</summary>
    Proceeding,
    /// <summary><c>early</c>: a provisional response with To tag: ringing.</summary>
    Early,
    /// <summary><c>confirmed</c>: answered.</summary>
    Confirmed,
    /// <summary><c>terminated</c>: ended, failed or cancelled.</summary>
    Terminated,
}
