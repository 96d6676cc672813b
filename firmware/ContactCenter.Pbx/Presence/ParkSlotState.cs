namespace ContactCenter.Pbx.Presence;

/// <summary>What a park slot holds: reported by parking to the <see cref="PresenceModel"/> under the slot's number, so lamps, NOTIFYs and the web UI show it alike.</summary>
public enum ParkSlotState
{
    /// <summary>Not a park slot, or a free one.</summary>
    Free,

    /// <summary>A call waits in the slot (music on hold).</summary>
    Occupied,

    /// <summary>The park timeout passed: the call recalls the extension that parked it.</summary>
    Recalling,
}
