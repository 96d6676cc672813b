namespace ContactCenter.Pbx.Attendant;

/// <summary>What a key press decided to do.</summary>
public enum AttendantOperation
{
    /// <summary>Nothing: no receptionist is configured.</summary>
    None,

    /// <summary>Directed pickup of the call ringing at the watched extension.</summary>
    PickUp,

    /// <summary>Blind transfer of the receptionist's call to the watched extension.</summary>
    BlindTransfer,

    /// <summary>Attended transfer (long press during a call): not implemented yet, arrives with the transfer issue.</summary>
    AttendedTransfer,

    /// <summary>Click-to-call from the receptionist's phone (busy lamp of an idle extension, speed dial).</summary>
    ClickToCall,

    /// <summary>Park of the receptionist's call in the slot.</summary>
    Park,

    /// <summary>Retrieval of the call parked in the slot.</summary>
    Retrieve,

    /// <summary>Do not disturb toggled.</summary>
    DoNotDisturb,

    /// <summary>Night mode toggled.</summary>
    NightMode,

    /// <summary>Queue login toggled.</summary>
    QueueLogin,
}
