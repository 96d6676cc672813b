using System.Text.Unicode;

namespace ContactCenter.Board.Gpio.Native;

/// <summary>
/// Turns per-line settings into one <see cref="GpioV2LineRequest"/>: lines that share their flags share one flags
/// attribute, outputs share one output-values attribute, inputs with the same debounce one debounce attribute
/// (linux/gpio.h: attributes apply to the request lines in their mask; <c>config.flags</c> to the rest).
/// </summary>
internal static class LineRequestBuilder
{
    /// <summary>Builds the request.</summary>
    /// <exception cref="ArgumentException">No lines, more than 64, a line twice, or more than ten attributes needed.</exception>
    public static unsafe GpioV2LineRequest Build(string consumer, ReadOnlySpan<GpioLineSettings> lines)
    {
        if (lines.IsEmpty || lines.Length > GpioUapi.MaxLines)
        {
            throw new ArgumentException($"A request holds 1 to {GpioUapi.MaxLines} lines, not {lines.Length}.", nameof(lines));
        }

        GpioV2LineRequest request = default;
        request.NumLines = (uint)lines.Length;
        WriteConsumer(consumer, new Span<byte>(request.Consumer, GpioUapi.MaxNameSize));
        ulong outputMask = 0;
        ulong outputValues = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            GpioLineSettings line = lines[i];
            for (int j = 0; j < i; j++)
            {
                if (lines[j].Line == line.Line)
                {
                    throw new ArgumentException($"Line {line.Line} is requested twice.", nameof(lines));
                }
            }

            request.Offsets[i] = checked((uint)line.Line);
            ulong bit = 1UL << i;
            AddToAttribute(ref request.Config, GpioV2LineAttributeId.Flags, (ulong)FlagsOf(line), bit);
            if (line.Direction == GpioDirection.Output)
            {
                outputMask |= bit;
                outputValues |= line.InitialHigh ? bit : 0;
            }
            else if (line.Debounce > TimeSpan.Zero)
            {
                AddToAttribute(ref request.Config, GpioV2LineAttributeId.Debounce, DebounceMicroseconds(line.Debounce), bit);
            }
        }

        if (outputMask != 0)
        {
            ref GpioV2LineConfigAttribute values = ref NewAttribute(ref request.Config);
            values.Attribute.Id = GpioV2LineAttributeId.OutputValues;
            values.Attribute.Values = outputValues;
            values.Mask = outputMask;
        }

        return request;
    }

    /// <summary>The uAPI flags of one line's settings.</summary>
    public static GpioV2LineFlags FlagsOf(GpioLineSettings line)
    {
        GpioV2LineFlags flags = line.Direction == GpioDirection.Output ? GpioV2LineFlags.Output : GpioV2LineFlags.Input;
        flags |= line.ActiveLow ? GpioV2LineFlags.ActiveLow : GpioV2LineFlags.None;
        flags |= line.Bias switch
        {
            GpioBias.Disabled => GpioV2LineFlags.BiasDisabled,
            GpioBias.PullUp => GpioV2LineFlags.BiasPullUp,
            GpioBias.PullDown => GpioV2LineFlags.BiasPullDown,
            _ => GpioV2LineFlags.None,
        };
        if (line.Direction == GpioDirection.Input)
        {
            flags |= line.Edges switch
            {
                GpioEdgeDetection.Rising => GpioV2LineFlags.EdgeRising,
                GpioEdgeDetection.Falling => GpioV2LineFlags.EdgeFalling,
                GpioEdgeDetection.Both => GpioV2LineFlags.EdgeRising | GpioV2LineFlags.EdgeFalling,
                _ => GpioV2LineFlags.None,
            };
        }

        return flags;
    }

    private static uint DebounceMicroseconds(TimeSpan debounce) => checked((uint)Math.Ceiling(debounce.TotalMicroseconds));

    // The union is handled as its 64-bit member: a debounce period in the low 32 bits is debounce_period_us on the
    // little-endian targets (x86_64, arm64), and equal values then mean equal attributes.
    private static void AddToAttribute(ref GpioV2LineConfig config, GpioV2LineAttributeId id, ulong value, ulong bit)
    {
        for (int i = 0; i < (int)config.NumAttributes; i++)
        {
            ref GpioV2LineConfigAttribute existing = ref config.Attributes[i];
            if (existing.Attribute.Id == id && existing.Attribute.Values == value)
            {
                existing.Mask |= bit;
                return;
            }
        }

        ref GpioV2LineConfigAttribute added = ref NewAttribute(ref config);
        added.Attribute.Id = id;
        added.Attribute.Values = value;
        added.Mask = bit;
    }

    private static ref GpioV2LineConfigAttribute NewAttribute(ref GpioV2LineConfig config)
    {
        if (config.NumAttributes == GpioUapi.MaxAttributes)
        {
            throw new ArgumentException(
                $"The lines need more than {GpioUapi.MaxAttributes} distinct settings (flags, debounce periods and output values) for one request.");
        }

        return ref config.Attributes[(int)config.NumAttributes++];
    }

    private static void WriteConsumer(string consumer, Span<byte> destination)
    {
        // Keep room for the terminating NUL; a longer name is cut (what fits is written).
        Utf8.FromUtf16(consumer, destination[..^1], out _, out _);
    }
}
