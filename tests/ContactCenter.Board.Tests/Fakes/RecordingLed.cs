using ContactCenter.Board.Leds;

namespace ContactCenter.Board.Tests.Fakes;

/// <summary>An LED driver that records every colour shown.</summary>
internal sealed class RecordingLed : ILedDriver
{
    public List<LedColor> Shown { get; } = [];

    public LedColor Color => Shown[^1];

    public void Show(LedColor color) => Shown.Add(color);
}
