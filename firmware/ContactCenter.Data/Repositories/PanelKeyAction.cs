namespace ContactCenter.Data.Repositories;

/// <summary>What a front-panel key does for the receptionist (stored as <c>blf|park|dnd|night|queue|speed_dial</c>).</summary>
public enum PanelKeyAction
{
    /// <summary>Busy lamp of an extension: pick up, transfer to or call it.</summary>
    BusyLamp,

    /// <summary>A park slot: park the current call there, or retrieve the call parked there.</summary>
    Park,

    /// <summary>Toggles the receptionist's do not disturb.</summary>
    DoNotDisturb,

    /// <summary>Toggles night mode (closed-hours routing).</summary>
    NightMode,

    /// <summary>Logs the receptionist into or out of the queues.</summary>
    QueueLogin,

    /// <summary>Calls a stored number from the receptionist's phone.</summary>
    SpeedDial,
}
