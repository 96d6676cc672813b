namespace ContactCenter.Board.Leds;

/// <summary>
/// How an LED alternates between its lit and unlit colours. The timings are fixed so that every LED of the same
/// cadence blinks in phase (see <see cref="LedEngine"/>); the values are documented in the Board README.
/// </summary>
public enum LedCadence
{
    /// <summary>Always the lit colour.</summary>
    Steady,

    /// <summary>500 ms lit, 500 ms unlit: ringing.</summary>
    SlowBlink,

    /// <summary>200 ms lit, 200 ms unlit: recall, attention.</summary>
    FastBlink,

    /// <summary>900 ms lit, 100 ms unlit: the key-system "wink" of a call on hold.</summary>
    Wink,
}
