namespace ContactCenter.Board.Gpio.Native;

/// <summary>
/// Constants of the GPIO character device uAPI v2 (linux/gpio.h). The ioctl numbers are
/// <c>_IOC(dir, 0xB4, nr, sizeof(arg))</c> = <c>dir &lt;&lt; 30 | size &lt;&lt; 16 | 0xB4 &lt;&lt; 8 | nr</c> with dir 2 for <c>_IOR</c>
/// and 3 for <c>_IOWR</c> (asm-generic/ioctl.h; the same on x86_64 and arm64); the unit tests pin each against the
/// struct sizes.
/// </summary>
internal static class GpioUapi
{
    /// <summary><c>GPIO_MAX_NAME_SIZE</c>.</summary>
    public const int MaxNameSize = 32;

    /// <summary><c>GPIO_V2_LINES_MAX</c>: lines in one request.</summary>
    public const int MaxLines = 64;

    /// <summary><c>GPIO_V2_LINE_NUM_ATTRS_MAX</c>.</summary>
    public const int MaxAttributes = 10;

    /// <summary><c>GPIO_GET_CHIPINFO_IOCTL</c> = <c>_IOR(0xB4, 0x01, struct gpiochip_info)</c> (68 bytes).</summary>
    public const uint GetChipInfoIoctl = 0x8044B401;

    /// <summary><c>GPIO_V2_GET_LINEINFO_IOCTL</c> = <c>_IOWR(0xB4, 0x05, struct gpio_v2_line_info)</c> (256 bytes): 3 &lt;&lt; 30 | 0x100 &lt;&lt; 16 | 0xB4 &lt;&lt; 8 | 5.</summary>
    public const uint GetLineInfoIoctl = 0xC100B405;

    /// <summary><c>GPIO_V2_GET_LINE_IOCTL</c> = <c>_IOWR(0xB4, 0x07, struct gpio_v2_line_request)</c> (592 bytes).</summary>
    public const uint GetLineIoctl = 0xC250B407;

    /// <summary><c>GPIO_V2_LINE_GET_VALUES_IOCTL</c> = <c>_IOWR(0xB4, 0x0E, struct gpio_v2_line_values)</c> (16 bytes).</summary>
    public const uint LineGetValuesIoctl = 0xC010B40E;

    /// <summary><c>GPIO_V2_LINE_SET_VALUES_IOCTL</c> = <c>_IOWR(0xB4, 0x0F, struct gpio_v2_line_values)</c> (16 bytes).</summary>
    public const uint LineSetValuesIoctl = 0xC010B40F;

    /// <summary><c>GPIO_V2_LINE_EVENT_RISING_EDGE</c>.</summary>
    public const uint RisingEdgeEventId = 1;

    /// <summary><c>GPIO_V2_LINE_EVENT_FALLING_EDGE</c>.</summary>
    public const uint FallingEdgeEventId = 2;
}
