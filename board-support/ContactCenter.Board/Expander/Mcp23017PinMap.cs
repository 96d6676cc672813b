using ContactCenter.Board.Gpio;

namespace ContactCenter.Board.Expander;

/// <summary>
/// What each of the 16 pins does (bit n is pin n: GPA0-7 are pins 0-7, GPB0-7 pins 8-15), computed and checked once
/// from line settings so that the register programming and the edge logic read plain masks.
/// </summary>
public sealed class Mcp23017PinMap
{
    /// <summary>The expander's pin count.</summary>
    public const int PinCount = 16;

    private Mcp23017PinMap()
    {
    }

    /// <summary>Input pins (keys).</summary>
    public ushort Inputs { get; private init; }

    /// <summary>Output pins (LEDs).</summary>
    public ushort Outputs { get; private init; }

    /// <summary>Active-low inputs, inverted by the chip (IPOL) so GPIO and INTCAP read logical levels.</summary>
    public ushort InvertedInputs { get; private init; }

    /// <summary>Active-low outputs, inverted in software (IPOL applies to inputs only).</summary>
    public ushort InvertedOutputs { get; private init; }

    /// <summary>Inputs with the chip's pull-up on.</summary>
    public ushort PullUps { get; private init; }

    /// <summary>Inputs whose logical rising edges are reported.</summary>
    public ushort RisingEdges { get; private init; }

    /// <summary>Inputs whose logical falling edges are reported.</summary>
    public ushort FallingEdges { get; private init; }

    /// <summary>Inputs with any edge reported: the ones that raise interrupts.</summary>
    public ushort EdgeInputs => (ushort)(RisingEdges | FallingEdges);

    /// <summary>The output latch at start (electrical levels: initial logical level, inverted where active-low).</summary>
    public ushort InitialLatch { get; private init; }

    /// <summary>Builds the map from one setting per used pin (<see cref="GpioLineSettings.Line"/> is the pin).</summary>
    /// <param name="pins">
    /// The used pins; the others stay inputs without pull-up or interrupt, the power-on state. A bias of
    /// <see cref="GpioBias.AsIs"/> or <see cref="GpioBias.Disabled"/> leaves the pull-up off (GPPU is written whole).
    /// </param>
    /// <exception cref="ArgumentException">
    /// A pin outside 0..15 or given twice, a pull-down (the chip has pull-ups only, DS20001952C §3.5.7), or a
    /// debounce time (the chip has none: the key engine debounces expander keys).
    /// </exception>
    public static Mcp23017PinMap From(IReadOnlyList<GpioLineSettings> pins)
    {
        ArgumentNullException.ThrowIfNull(pins);
        ushort inputs = 0, outputs = 0, invertedInputs = 0, invertedOutputs = 0, pullUps = 0, rising = 0, falling = 0, latch = 0;
        foreach (GpioLineSettings pin in pins)
        {
            if (pin.Line is < 0 or >= PinCount)
            {
                throw new ArgumentException($"MCP23017 pin {pin.Line} does not exist (pins are 0-15: GPA0-7, GPB0-7).", nameof(pins));
            }

            ushort bit = (ushort)(1 << pin.Line);
            if (((inputs | outputs) & bit) != 0)
            {
                throw new ArgumentException($"MCP23017 pin {pin.Line} is given twice.", nameof(pins));
            }

            if (pin.Debounce != TimeSpan.Zero)
            {
                throw new ArgumentException($"MCP23017 pin {pin.Line}: the expander has no debounce; debounce it in the key engine.", nameof(pins));
            }

            if (pin.Direction == GpioDirection.Output)
            {
                outputs |= bit;
                invertedOutputs |= pin.ActiveLow ? bit : (ushort)0;
                latch |= pin.InitialHigh != pin.ActiveLow ? bit : (ushort)0;
                continue;
            }

            if (pin.Bias == GpioBias.PullDown)
            {
                throw new ArgumentException($"MCP23017 pin {pin.Line}: the expander has pull-ups only, not pull-downs.", nameof(pins));
            }

            inputs |= bit;
            invertedInputs |= pin.ActiveLow ? bit : (ushort)0;
            pullUps |= pin.Bias == GpioBias.PullUp ? bit : (ushort)0;
            rising |= pin.Edges is GpioEdgeDetection.Rising or GpioEdgeDetection.Both ? bit : (ushort)0;
            falling |= pin.Edges is GpioEdgeDetection.Falling or GpioEdgeDetection.Both ? bit : (ushort)0;
        }

        return new Mcp23017PinMap
        {
            Inputs = inputs,
            Outputs = outputs,
            InvertedInputs = invertedInputs,
            InvertedOutputs = invertedOutputs,
            PullUps = pullUps,
            RisingEdges = rising,
            FallingEdges = falling,
            InitialLatch = latch,
        };
    }
}
