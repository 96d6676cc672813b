namespace ContactCenter.Sip.Dialogs;

/// <summary>Dialog states (RFC 3261 §12).</summary>
public enum SipDialogState
{
    /// <summary>Created by a provisional response with a To tag.</summary>
    Early,
    /// <summary>Created or confirmed by a 2xx.</summary>
    Confirmed,
    /// <summary>Ended by BYE, a failure, or a 481/408 to an in-dialog request.</summary>
    Terminated,
}
