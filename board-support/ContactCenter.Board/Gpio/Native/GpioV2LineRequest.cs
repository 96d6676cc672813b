using System.Runtime.InteropServices;

namespace ContactCenter.Board.Gpio.Native;

/// <summary><c>struct gpio_v2_line_request</c> of linux/gpio.h: the argument of <c>GPIO_V2_GET_LINE_IOCTL</c>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 592)]
internal unsafe struct GpioV2LineRequest
{
    /// <summary>Chip offsets of the requested lines; the request's line i is <c>Offsets[i]</c>.</summary>
    [FieldOffset(0)] public fixed uint Offsets[GpioUapi.MaxLines];

    /// <summary>Who holds the lines (shown in line info), NUL-terminated.</summary>
    [FieldOffset(256)] public fixed byte Consumer[GpioUapi.MaxNameSize];

    /// <summary>Direction, bias, edges, debounce and output values of the lines.</summary>
    [FieldOffset(288)] public GpioV2LineConfig Config;

    /// <summary>How many of <see cref="Offsets"/> are used.</summary>
    [FieldOffset(560)] public uint NumLines;

    /// <summary>Edge events the kernel buffers before dropping (0: its default).</summary>
    [FieldOffset(564)] public uint EventBufferSize;

    /// <summary>Set by the kernel: the file descriptor of the granted request.</summary>
    [FieldOffset(588)] public int Fd;
}
