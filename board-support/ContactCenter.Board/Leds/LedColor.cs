namespace ContactCenter.Board.Leds;

/// <summary>
/// What one LED position shows. A single-colour LED knows only <see cref="Off"/> and <see cref="Green"/> (its own
/// colour); a bicolour (red/green) LED also shows red and, with both dies lit, amber.
/// </summary>
public enum LedColor
{
    /// <summary>Dark.</summary>
    Off,

    /// <summary>Green, or a single-colour LED lit.</summary>
    Green,

    /// <summary>Red (bicolour LEDs).</summary>
    Red,

    /// <summary>Both dies of a bicolour LED.</summary>
    Amber,
}
