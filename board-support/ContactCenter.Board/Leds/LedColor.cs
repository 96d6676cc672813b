namespace ContactCenter.Board.Leds;

/// <summary>
/// What one LED position shows. A bicolour (red/green) LED shows each colour, amber with both dies lit; a single-colour
/// LED shows every colour but <see cref="Off"/> as its own (see <see cref="SingleColorLed"/>).
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
