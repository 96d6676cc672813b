namespace ContactCenter.Board.Leds;

/// <summary>
/// What an LED shows over time: <paramref name="Lit"/> during the lit spans of <paramref name="Cadence"/> and
/// <paramref name="Unlit"/> (dark by default) in between. A bicolour LED can alternate two colours (red/green) by
/// giving both.
/// </summary>
/// <param name="Lit">The colour of the lit spans (the only colour of a steady pattern).</param>
/// <param name="Cadence">How the two colours alternate.</param>
/// <param name="Unlit">The colour between lit spans.</param>
public readonly record struct LedPattern(LedColor Lit, LedCadence Cadence = LedCadence.Steady, LedColor Unlit = LedColor.Off)
{
    /// <summary>Dark.</summary>
    public static LedPattern Off => default;

    /// <summary>Whether the pattern changes over time, and so needs the engine's timer.</summary>
    public bool IsBlinking => Cadence != LedCadence.Steady && Lit != Unlit;

    /// <summary>The colour shown <paramref name="sinceEpoch"/> after the engine's epoch.</summary>
    /// <param name="sinceEpoch">Time since the epoch shared by every LED of the engine.</param>
    /// <returns>The colour to show.</returns>
    public LedColor ColorAt(TimeSpan sinceEpoch) => LedCadences.IsLit(Cadence, sinceEpoch) ? Lit : Unlit;
}
