using System.Runtime.InteropServices;

namespace ContactCenter.Board.Gpio.Native;

/// <summary><c>struct gpio_v2_line_values</c> of linux/gpio.h: argument of <c>GPIO_V2_LINE_SET_VALUES_IOCTL</c> and <c>_GET_VALUES_IOCTL</c>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct GpioV2LineValues
{
    /// <summary>Bit i: logical value of line i of the request.</summary>
    [FieldOffset(0)] public ulong Bits;

    /// <summary>Bit i set: line i takes part.</summary>
    [FieldOffset(8)] public ulong Mask;
}
