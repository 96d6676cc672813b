namespace ContactCenter.Board.Gpio;

/// <summary>The pull resistor a line is requested with.</summary>
public enum GpioBias
{
    /// <summary>Leave the chip's current setting.</summary>
    AsIs,

    /// <summary>No pull (an external resistor does it).</summary>
    Disabled,

    /// <summary>Pull-up: an idle key reads high, so keys to ground are requested active-low.</summary>
    PullUp,

    /// <summary>Pull-down.</summary>
    PullDown,
}
