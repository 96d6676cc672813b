namespace ContactCenter.Sip.Events.Bodies;

/// <summary>Which side of the dialog the watched entity is (RFC 4235 §4.1.1, the <c>direction</c> attribute).</summary>
public enum SipDialogDirection
{
    /// <summary>Not stated.</summary>
    Unknown,
    /// <summary><c>initiator</c>: the entity sent the INVITE (an outgoing call).</summary>
    Initiator,
    /// <summary><c>recipient</c>: the entity received the INVITE (an incoming call, which a watcher may pick up).</summary>
    Recipient,
}
