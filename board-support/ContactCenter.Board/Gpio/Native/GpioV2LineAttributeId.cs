namespace ContactCenter.Board.Gpio.Native;

/// <summary><c>enum gpio_v2_line_attr_id</c> of linux/gpio.h.</summary>
internal enum GpioV2LineAttributeId : uint
{
    /// <summary><c>GPIO_V2_LINE_ATTR_ID_FLAGS</c>.</summary>
    Flags = 1,

    /// <summary><c>GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES</c>.</summary>
    OutputValues = 2,

    /// <summary><c>GPIO_V2_LINE_ATTR_ID_DEBOUNCE</c>.</summary>
    Debounce = 3,
}
