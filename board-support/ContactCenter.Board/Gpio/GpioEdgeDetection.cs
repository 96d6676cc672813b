namespace ContactCenter.Board.Gpio;

/// <summary>Which edges of an input line the kernel reports.</summary>
public enum GpioEdgeDetection
{
    /// <summary>None.</summary>
    None,

    /// <summary>Logical low to high only.</summary>
    Rising,

    /// <summary>Logical high to low only.</summary>
    Falling,

    /// <summary>Both (what a key needs to see press and release).</summary>
    Both,
}
