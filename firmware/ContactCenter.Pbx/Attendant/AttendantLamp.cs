namespace ContactCenter.Pbx.Attendant;

/// <summary>
/// What a receptionist's key lamp shows, by meaning. The front panel maps each to an LED pattern of the same name in
/// Board's <c>LedPalette</c> (Pbx knows no GPIO); the web console will map them to its own styles.
/// </summary>
public enum AttendantLamp
{
    /// <summary>Dark: the watched extension is idle, the park slot free, the toggle off, or the key unbound.</summary>
    Idle,

    /// <summary>The watched extension rings: a press picks the call up.</summary>
    Ringing,

    /// <summary>The watched extension is in a call.</summary>
    Busy,

    /// <summary>The watched extension is away or in do not disturb.</summary>
    Away,

    /// <summary>A call waits in the park slot.</summary>
    Parked,

    /// <summary>The parked call is recalling (the park timeout passed).</summary>
    Recall,

    /// <summary>The toggle is on (do not disturb, night mode, queue login).</summary>
    Active,

    /// <summary>The key's last action failed or is not available yet: look at the log or console.</summary>
    Attention,
}
