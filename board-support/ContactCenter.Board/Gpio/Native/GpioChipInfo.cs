using System.Runtime.InteropServices;

namespace ContactCenter.Board.Gpio.Native;

/// <summary><c>struct gpiochip_info</c> of linux/gpio.h: the answer to <c>GPIO_GET_CHIPINFO_IOCTL</c>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 68)]
internal unsafe struct GpioChipInfo
{
    /// <summary>Kernel name of the chip (<c>gpiochip0</c>), NUL-terminated.</summary>
    [FieldOffset(0)] public fixed byte Name[GpioUapi.MaxNameSize];

    /// <summary>Functional name (the driver's label), NUL-terminated.</summary>
    [FieldOffset(32)] public fixed byte Label[GpioUapi.MaxNameSize];

    /// <summary>Number of lines the chip has.</summary>
    [FieldOffset(64)] public uint Lines;
}
