namespace ContactCenter.Pbx.Commands;

/// <summary>What became of a call command: <see cref="Started"/>, or why nothing was sent.</summary>
public enum CallCommandResult
{
    /// <summary>The operation's first SIP request is on its way.</summary>
    Started,

    /// <summary>A number the command names is no extension (or no park slot).</summary>
    UnknownNumber,

    /// <summary>The extension whose phone must ring has no registered contact.</summary>
    NotRegistered,

    /// <summary>Pickup: nothing rings at that extension any more.</summary>
    NothingRinging,

    /// <summary>Transfer or park: the extension is in no answered call.</summary>
    NotInCall,

    /// <summary>Park: the slot already holds a call.</summary>
    SlotOccupied,

    /// <summary>Retrieve: the slot holds no call.</summary>
    SlotEmpty,

    /// <summary>The appliance cannot take the call now (stopping, no media ports, too many calls).</summary>
    Unavailable,
}
