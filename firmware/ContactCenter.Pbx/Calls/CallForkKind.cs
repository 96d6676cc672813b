namespace ContactCenter.Pbx.Calls;

/// <summary>Why a contact is rung.</summary>
internal enum CallForkKind
{
    /// <summary>It is a contact of the extension called.</summary>
    Callee,

    /// <summary>Its extension picks the ringing call up (rung with auto-answer, answers in the callee's place).</summary>
    PickUp,

    /// <summary>It receives an answered call in place of one party (transfer target, recall).</summary>
    Reroute,
}
