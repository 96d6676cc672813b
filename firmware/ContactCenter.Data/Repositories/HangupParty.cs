namespace ContactCenter.Data.Repositories;

/// <summary>Who ended a call.</summary>
public enum HangupParty
{
    /// <summary>The calling side.</summary>
    Caller,
    /// <summary>The called side.</summary>
    Callee,
    /// <summary>The appliance (ring timeout, media timeout, shutdown).</summary>
    System,
}
