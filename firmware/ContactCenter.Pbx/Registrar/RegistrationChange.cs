namespace ContactCenter.Pbx.Registrar;

/// <summary>What happened to a binding.</summary>
public enum RegistrationChange
{
    /// <summary>A new contact was bound.</summary>
    Added,
    /// <summary>An existing binding was renewed (its expiry or source may have changed).</summary>
    Refreshed,
    /// <summary>The phone removed it (expires=0 or <c>*</c>), or a newer contact replaced it.</summary>
    Removed,
    /// <summary>It was not refreshed in time.</summary>
    Expired,
}
