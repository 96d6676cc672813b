namespace ContactCenter.Board.Keys;

/// <summary>A debounced key press.</summary>
/// <param name="KeyId">The key's id in the board profile.</param>
/// <param name="Kind">Short or long.</param>
public readonly record struct KeyPress(string KeyId, KeyPressKind Kind);
