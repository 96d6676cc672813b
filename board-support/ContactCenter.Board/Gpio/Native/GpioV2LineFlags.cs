namespace ContactCenter.Board.Gpio.Native;

/// <summary><c>enum gpio_v2_line_flag</c> of linux/gpio.h (a 64-bit mask).</summary>
[Flags]
internal enum GpioV2LineFlags : ulong
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary><c>GPIO_V2_LINE_FLAG_USED</c>: line info only, someone holds the line.</summary>
    Used = 1UL << 0,

    /// <summary><c>GPIO_V2_LINE_FLAG_ACTIVE_LOW</c>.</summary>
    ActiveLow = 1UL << 1,

    /// <summary><c>GPIO_V2_LINE_FLAG_INPUT</c>.</summary>
    Input = 1UL << 2,

    /// <summary><c>GPIO_V2_LINE_FLAG_OUTPUT</c>.</summary>
    Output = 1UL << 3,

    /// <summary><c>GPIO_V2_LINE_FLAG_EDGE_RISING</c>.</summary>
    EdgeRising = 1UL << 4,

    /// <summary><c>GPIO_V2_LINE_FLAG_EDGE_FALLING</c>.</summary>
    EdgeFalling = 1UL << 5,

    /// <summary><c>GPIO_V2_LINE_FLAG_BIAS_PULL_UP</c>.</summary>
    BiasPullUp = 1UL << 8,

    /// <summary><c>GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN</c>.</summary>
    BiasPullDown = 1UL << 9,

    /// <summary><c>GPIO_V2_LINE_FLAG_BIAS_DISABLED</c>.</summary>
    BiasDisabled = 1UL << 10,
}
