using System.Runtime.InteropServices;

namespace ContactCenter.Board.Gpio.Native;

/// <summary><c>struct gpio_v2_line_config_attribute</c> of linux/gpio.h: an attribute and the request lines it applies to.</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
internal struct GpioV2LineConfigAttribute
{
    /// <summary>The attribute.</summary>
    [FieldOffset(0)] public GpioV2LineAttribute Attribute;

    /// <summary>Bit i set: the attribute applies to line i of the request (an index, not a chip offset).</summary>
    [FieldOffset(16)] public ulong Mask;
}
