namespace ContactCenter.Board.Profiles;

/// <summary>What an LED of the panel shows.</summary>
public enum LedRole
{
    /// <summary>A busy-lamp-field LED, bound to a key's target by the Firmware.</summary>
    Blf,

    /// <summary>Power and ready.</summary>
    Power,

    /// <summary>SIP health: all trunks and extensions registered, or degraded.</summary>
    Sip,

    /// <summary>Network link.</summary>
    Network,

    /// <summary>Board or firmware fault (a wrong profile, a busy line, a failed loop).</summary>
    Fault,
}
