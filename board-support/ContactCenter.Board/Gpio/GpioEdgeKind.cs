namespace ContactCenter.Board.Gpio;

/// <summary>Which way an input line changed, in logical terms (after active-low inversion).</summary>
public enum GpioEdgeKind
{
    /// <summary>Logical low to high (a key on an active-low line going down reads as rising).</summary>
    Rising,

    /// <summary>Logical high to low.</summary>
    Falling,
}
