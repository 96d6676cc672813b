using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ContactCenter.Board.Gpio.Native;

/// <summary><c>struct gpio_v2_line_config</c> of linux/gpio.h: default flags plus up to ten per-line attributes.</summary>
[StructLayout(LayoutKind.Explicit, Size = 272)]
internal struct GpioV2LineConfig
{
    /// <summary>Flags of every line no <see cref="GpioV2LineAttributeId.Flags"/> attribute covers.</summary>
    [FieldOffset(0)] public GpioV2LineFlags Flags;

    /// <summary>How many of <see cref="Attributes"/> are used.</summary>
    [FieldOffset(8)] public uint NumAttributes;

    /// <summary>The attributes (<c>GPIO_V2_LINE_NUM_ATTRS_MAX</c> of them), after five reserved words.</summary>
    [FieldOffset(32)] public GpioV2LineConfigAttributes Attributes;
}

/// <summary>The fixed array <c>attrs[GPIO_V2_LINE_NUM_ATTRS_MAX]</c> of <see cref="GpioV2LineConfig"/>.</summary>
[InlineArray(GpioUapi.MaxAttributes)]
internal struct GpioV2LineConfigAttributes
{
    private GpioV2LineConfigAttribute _first;
}
