namespace ContactCenter.Sip.Dialogs;

/// <summary>A dialog id (RFC 3261 §12): Call-ID, local tag, remote tag. Tags compare case-sensitively as tokens do.</summary>
/// <param name="CallId">The Call-ID.</param>
/// <param name="LocalTag">Our tag.</param>
/// <param name="RemoteTag">The peer's tag (empty for an RFC 2543 peer that sent none).</param>
public readonly record struct SipDialogId(string CallId, string LocalTag, string RemoteTag);
