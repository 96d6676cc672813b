using ContactCenter.Board.Leds;

namespace ContactCenter.Firmware.Panel;

/// <summary>An LED whose chip could not be opened: it shows nothing, so the LEDs that can be driven (the fault LED) still work.</summary>
internal sealed class UnavailableLed : ILedDriver
{
    public static UnavailableLed Instance { get; } = new();

    public void Show(LedColor color)
    {
    }
}
