namespace ContactCenter.Board.Keys;

/// <summary>How long a key was held.</summary>
public enum KeyPressKind
{
    /// <summary>Released before the long-press threshold.</summary>
    Short,

    /// <summary>Held until the long-press threshold passed (reported then, not at release).</summary>
    Long,
}
