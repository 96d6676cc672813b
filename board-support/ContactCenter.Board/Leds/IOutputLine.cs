namespace ContactCenter.Board.Leds;

/// <summary>
/// One output line (a GPIO line, an expander pin or a simulated line) as the LED engine sees it. The backend applies
/// the profile's polarity, so <c>true</c> always means "die lit".
/// </summary>
public interface IOutputLine
{
    /// <summary>Drives the line to its active (lit) or inactive level.</summary>
    /// <param name="active">Whether the die is lit.</param>
    void Write(bool active);
}
