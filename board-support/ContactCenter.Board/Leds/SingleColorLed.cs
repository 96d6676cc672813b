namespace ContactCenter.Board.Leds;

/// <summary>A single-colour LED on one line: lit for every colour but <see cref="LedColor.Off"/>.</summary>
public sealed class SingleColorLed : ILedDriver
{
    private readonly ChangedOnlyLine _line;

    /// <summary>Drives an LED on one line.</summary>
    /// <param name="line">The LED's line.</param>
    public SingleColorLed(IOutputLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _line = new ChangedOnlyLine(line);
    }

    /// <inheritdoc/>
    public void Show(LedColor color) => _line.Write(color != LedColor.Off);
}
