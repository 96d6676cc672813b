namespace ContactCenter.Board.Gpio;

/// <summary>Whether a requested line is read or driven.</summary>
public enum GpioDirection
{
    /// <summary>An input (keys).</summary>
    Input,

    /// <summary>An output (LEDs).</summary>
    Output,
}
