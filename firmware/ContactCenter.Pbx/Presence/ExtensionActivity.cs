namespace ContactCenter.Pbx.Presence;

/// <summary>What a busy lamp shows for an extension: derived in one place (<see cref="PresenceSnapshot.Activity"/>) so LEDs, NOTIFYs and the web UI agree.</summary>
public enum ExtensionActivity
{
    /// <summary>No call.</summary>
    Idle,
    /// <summary>A call rings at the extension and none is answered: a watcher may pick it up.</summary>
    Ringing,
    /// <summary>In a call, or dialling out.</summary>
    InUse,
}
