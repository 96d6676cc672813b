using ContactCenter.Board.Gpio;
using ContactCenter.Board.Profiles;

namespace ContactCenter.Firmware.Panel;

/// <summary>One line of the profile with who uses it (<c>LED 'blf1' red</c>, <c>key 'key3'</c>) and how it is requested.</summary>
internal readonly record struct PanelLine(string Element, LineRef Line, GpioLineSettings Settings)
{
    /// <summary>Every line of the profile: LEDs first (red then green die), then keys, in profile order.</summary>
    public static IEnumerable<PanelLine> Of(BoardProfile profile)
    {
        foreach (var led in profile.Leds)
        {
            var activeLow = led.Polarity == LinePolarity.ActiveLow;
            var element = $"LED '{led.Id}'";
            yield return new PanelLine(led.IsBicolor ? element + " red" : element, led.Line,
                GpioLineSettings.Output(led.Line.Offset) with { ActiveLow = activeLow });
            if (led.Green is { } green)
            {
                yield return new PanelLine(element + " green", green, GpioLineSettings.Output(green.Offset) with { ActiveLow = activeLow });
            }
        }

        foreach (var key in profile.Keys)
        {
            // The kernel debounces chardev inputs (in hardware where the chip can, in software otherwise), so the key
            // engine sees settled edges; the simulated board and the expanders get the same debounce in the key engine instead.
            yield return new PanelLine($"key '{key.Id}'", key.Line, GpioLineSettings.Input(key.Line.Offset) with
            {
                ActiveLow = key.Polarity == LinePolarity.ActiveLow,
                Bias = key.Bias switch
                {
                    LineBias.PullUp => GpioBias.PullUp,
                    LineBias.PullDown => GpioBias.PullDown,
                    _ => GpioBias.Disabled,
                },
                Debounce = key.Debounce,
            });
        }
    }
}
