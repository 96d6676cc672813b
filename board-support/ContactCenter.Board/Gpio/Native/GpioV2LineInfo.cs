using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ContactCenter.Board.Gpio.Native;

/// <summary><c>struct gpio_v2_line_info</c> of linux/gpio.h: the answer to <c>GPIO_V2_GET_LINEINFO_IOCTL</c>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal unsafe struct GpioV2LineInfo
{
    /// <summary>The line's name (from the device tree or gpio-sim), NUL-terminated.</summary>
    [FieldOffset(0)] public fixed byte Name[GpioUapi.MaxNameSize];

    /// <summary>Who holds the line, NUL-terminated; empty when free.</summary>
    [FieldOffset(32)] public fixed byte Consumer[GpioUapi.MaxNameSize];

    /// <summary>The line's chip offset (set by the caller).</summary>
    [FieldOffset(64)] public uint Offset;

    /// <summary>How many of <see cref="Attributes"/> the kernel filled.</summary>
    [FieldOffset(68)] public uint NumAttributes;

    /// <summary>The line's current flags.</summary>
    [FieldOffset(72)] public GpioV2LineFlags Flags;

    /// <summary>Attributes beyond the flags (the debounce period when one is set).</summary>
    [FieldOffset(80)] public GpioV2LineAttributes Attributes;
}

/// <summary>The fixed array <c>attrs[GPIO_V2_LINE_NUM_ATTRS_MAX]</c> of <see cref="GpioV2LineInfo"/>.</summary>
[InlineArray(GpioUapi.MaxAttributes)]
internal struct GpioV2LineAttributes
{
    private GpioV2LineAttribute _first;
}
