namespace ContactCenter.Data.Repositories;

/// <summary>The outcome of a validated admin change: done, or the reason nothing changed (in words, for the admin).</summary>
/// <param name="Error">Why the change was refused; null when it was committed.</param>
public readonly record struct SettingChange(string? Error)
{
    /// <summary>Committed.</summary>
    public static SettingChange Done => default;

    /// <summary>Whether the change was committed.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Refused, nothing changed.</summary>
    /// <param name="error">The reason.</param>
    /// <returns>The refusal.</returns>
    public static SettingChange Refused(string error) => new(error);
}
