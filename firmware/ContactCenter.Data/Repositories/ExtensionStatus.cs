namespace ContactCenter.Data.Repositories;

/// <summary>The presence status an extension sets for itself (stored as <c>available|away|dnd</c>).</summary>
public enum ExtensionStatus
{
    /// <summary>Takes calls.</summary>
    Available,
    /// <summary>Away from the desk; calls still ring.</summary>
    Away,
    /// <summary>Do not disturb: calls are refused busy.</summary>
    DoNotDisturb,
}
