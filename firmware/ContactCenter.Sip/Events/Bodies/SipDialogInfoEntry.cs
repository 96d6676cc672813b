namespace ContactCenter.Sip.Events.Bodies;

/// <summary>
/// One <c>&lt;dialog&gt;</c> of a dialog-info+xml document (RFC 4235 §4.1): its id, SIP identifiers, direction,
/// state, and both participants. Phones show <see cref="RemoteDisplay"/>/<see cref="RemoteIdentity"/> on the BLF key
/// and use the Call-ID and tags to pick up a ringing call (RFC 3891 Replaces).
/// </summary>
public sealed record SipDialogInfoEntry
{
    /// <summary>The dialog id attribute: unique and stable within the document for the life of the dialog.</summary>
    public required string Id { get; init; }

    /// <summary>The state.</summary>
    public required SipDialogInfoState State { get; init; }

    /// <summary>The state's <c>event</c> attribute once terminated (<c>cancelled</c>, <c>rejected</c>, <c>replaced</c>, <c>local-bye</c>, <c>remote-bye</c>, <c>error</c>, <c>timeout</c>), or null.</summary>
    public string? StateEvent { get; init; }

    /// <summary>The Call-ID, or null before it is known (written only with it).</summary>
    public string? CallId { get; init; }

    /// <summary>The watched entity's tag.</summary>
    public string? LocalTag { get; init; }

    /// <summary>The other party's tag.</summary>
    public string? RemoteTag { get; init; }

    /// <summary>The direction.</summary>
    public SipDialogDirection Direction { get; init; }

    /// <summary>The watched entity's URI (the <c>local/identity</c>), or null.</summary>
    public string? LocalIdentity { get; init; }

    /// <summary>The watched entity's display name, or null.</summary>
    public string? LocalDisplay { get; init; }

    /// <summary>The watched entity's contact (the <c>local/target</c> uri), or null.</summary>
    public string? LocalTarget { get; init; }

    /// <summary>The other party's URI (the <c>remote/identity</c>): whom the BLF shows as calling or called.</summary>
    public string? RemoteIdentity { get; init; }

    /// <summary>The other party's display name, or null.</summary>
    public string? RemoteDisplay { get; init; }

    /// <summary>The other party's contact (the <c>remote/target</c> uri), or null.</summary>
    public string? RemoteTarget { get; init; }
}
