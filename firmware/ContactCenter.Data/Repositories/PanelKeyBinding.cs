namespace ContactCenter.Data.Repositories;

/// <summary>A front-panel key bound to its action.</summary>
/// <param name="KeyId">The key's id in the board profile (<c>key1</c>).</param>
/// <param name="Action">What the key does.</param>
/// <param name="Argument">The extension (BLF), slot (park) or number (speed dial); null for the toggles.</param>
public sealed record PanelKeyBinding(string KeyId, PanelKeyAction Action, string? Argument = null);
