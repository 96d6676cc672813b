namespace ContactCenter.Board.Gpio;

/// <summary>How one line of a chip is requested.</summary>
/// <param name="Line">The line's offset on its chip.</param>
/// <param name="Direction">Input or output.</param>
public readonly record struct GpioLineSettings(int Line, GpioDirection Direction)
{
    /// <summary>The pull resistor.</summary>
    public GpioBias Bias { get; init; }

    /// <summary>Logical high is electrical low (LEDs sunk by the pin, keys to ground with a pull-up).</summary>
    public bool ActiveLow { get; init; }

    /// <summary>Edges reported for an input.</summary>
    public GpioEdgeDetection Edges { get; init; }

    /// <summary>
    /// Kernel debounce of an input (<c>GPIO_V2_LINE_ATTR_ID_DEBOUNCE</c>, microsecond resolution); zero for none. The
    /// kernel uses the chip's hardware debounce when it has one and debounces in software otherwise.
    /// </summary>
    public TimeSpan Debounce { get; init; }

    /// <summary>Logical level an output starts at.</summary>
    public bool InitialHigh { get; init; }

    /// <summary>An output line, starting low.</summary>
    public static GpioLineSettings Output(int line) => new(line, GpioDirection.Output);

    /// <summary>An input line reporting both edges.</summary>
    public static GpioLineSettings Input(int line) => new(line, GpioDirection.Input) { Edges = GpioEdgeDetection.Both };
}
