namespace ContactCenter.Board.Gpio;

/// <summary>What the kernel says about one line (<c>GPIO_V2_GET_LINEINFO_IOCTL</c>).</summary>
/// <param name="Line">The line's offset on its chip.</param>
/// <param name="Name">Its name (empty when the chip names none).</param>
/// <param name="Consumer">Who holds it (empty when free).</param>
/// <param name="Used">Whether it is held (by a process or the kernel).</param>
/// <param name="Direction">Its current direction.</param>
/// <param name="ActiveLow">Whether it is configured active-low.</param>
/// <param name="Debounce">Its debounce period, zero for none.</param>
public sealed record GpioLineInfo(int Line, string Name, string Consumer, bool Used, GpioDirection Direction, bool ActiveLow, TimeSpan Debounce);
