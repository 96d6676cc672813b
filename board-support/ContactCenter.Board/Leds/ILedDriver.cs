namespace ContactCenter.Board.Leds;

/// <summary>One LED position of the panel, mapping a colour onto its lines.</summary>
public interface ILedDriver
{
    /// <summary>Shows a colour, writing only the lines whose level changes.</summary>
    /// <param name="color">The colour; a single-colour LED shows any colour but <see cref="LedColor.Off"/> as lit.</param>
    void Show(LedColor color);
}
