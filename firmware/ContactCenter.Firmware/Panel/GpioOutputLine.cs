using ContactCenter.Board.Gpio;
using ContactCenter.Board.Leds;

namespace ContactCenter.Firmware.Panel;

/// <summary>One output of a panel chip as the LED engine drives it; levels are logical (the backend applies polarity).</summary>
internal sealed class GpioOutputLine(IGpioLines lines, int offset) : IOutputLine
{
    public void Write(bool active) => lines.SetOutput(offset, active);
}
