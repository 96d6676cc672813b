using ContactCenter.Board.Leds;
using ContactCenter.Board.Tests.Fakes;
using Xunit;

namespace ContactCenter.Board.Tests.Leds;

public sealed class LedDriverTests
{
    [Theory]
    [InlineData(LedColor.Off, false, false)]
    [InlineData(LedColor.Red, true, false)]
    [InlineData(LedColor.Green, false, true)]
    [InlineData(LedColor.Amber, true, true)]
    public void Bicolor_LightsTheDiesOfEachColour(LedColor color, bool red, bool green)
    {
        var (r, g) = (new RecordingLine(), new RecordingLine());
        new BicolorLed(r, g).Show(color);
        Assert.Equal((red, green), (r.Level, g.Level));
    }

    [Fact]
    public void Bicolor_WritesOnlyTheDieThatChanges()
    {
        var (r, g) = (new RecordingLine(), new RecordingLine());
        var led = new BicolorLed(r, g);
        led.Show(LedColor.Red);
        led.Show(LedColor.Amber);
        led.Show(LedColor.Amber);
        Assert.Equal([true], r.Writes);
        Assert.Equal([false, true], g.Writes);
    }

    [Fact]
    public void SingleColour_ShowsEveryColourAsLit_AndWritesOnlyChanges()
    {
        var line = new RecordingLine();
        var led = new SingleColorLed(line);
        led.Show(LedColor.Off);
        led.Show(LedColor.Red);
        led.Show(LedColor.Green);
        led.Show(LedColor.Amber);
        led.Show(LedColor.Off);
        Assert.Equal([false, true, false], line.Writes);
    }
}
