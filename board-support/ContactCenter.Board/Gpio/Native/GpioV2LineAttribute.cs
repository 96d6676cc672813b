using System.Runtime.InteropServices;

namespace ContactCenter.Board.Gpio.Native;

/// <summary><c>struct gpio_v2_line_attribute</c> of linux/gpio.h: an id and a union of flags, values or debounce.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct GpioV2LineAttribute
{
    /// <summary>Which member of the union is meaningful.</summary>
    [FieldOffset(0)] public GpioV2LineAttributeId Id;

    /// <summary>The union as <c>flags</c> (<see cref="GpioV2LineAttributeId.Flags"/>).</summary>
    [FieldOffset(8)] public GpioV2LineFlags Flags;

    /// <summary>The union as <c>values</c> (<see cref="GpioV2LineAttributeId.OutputValues"/>): bit i is line i of the request.</summary>
    [FieldOffset(8)] public ulong Values;

    /// <summary>The union as <c>debounce_period_us</c> (<see cref="GpioV2LineAttributeId.Debounce"/>).</summary>
    [FieldOffset(8)] public uint DebouncePeriodMicroseconds;
}
