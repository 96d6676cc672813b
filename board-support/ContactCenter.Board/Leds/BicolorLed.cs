namespace ContactCenter.Board.Leds;

/// <summary>A red/green LED on two lines, one per die; amber lights both.</summary>
public sealed class BicolorLed : ILedDriver
{
    private readonly ChangedOnlyLine _red;
    private readonly ChangedOnlyLine _green;

    /// <summary>Drives an LED whose dies are on two lines.</summary>
    /// <param name="red">The red die's line.</param>
    /// <param name="green">The green die's line.</param>
    public BicolorLed(IOutputLine red, IOutputLine green)
    {
        ArgumentNullException.ThrowIfNull(red);
        ArgumentNullException.ThrowIfNull(green);
        _red = new ChangedOnlyLine(red);
        _green = new ChangedOnlyLine(green);
    }

    /// <inheritdoc/>
    public void Show(LedColor color)
    {
        _red.Write(color is LedColor.Red or LedColor.Amber);
        _green.Write(color is LedColor.Green or LedColor.Amber);
    }
}
