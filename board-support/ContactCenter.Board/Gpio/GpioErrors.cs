namespace ContactCenter.Board.Gpio;

/// <summary>The wording of refused requests, kept apart so tests can pin it without a kernel.</summary>
internal static class GpioErrors
{
    /// <summary>A line already held: names it and its holder ("line 17 of gpiochip0 is busy (used by "pbx")").</summary>
    public static string Busy(string chip, int line, string consumer) =>
        consumer.Length == 0
            ? $"line {line} of {chip} is busy (used by the kernel or an unnamed consumer)"
            : $"line {line} of {chip} is busy (used by \"{consumer}\")";

    /// <summary>Any other refusal: the chip, the lines asked for and the kernel's reason.</summary>
    public static string RequestRefused(string chip, ReadOnlySpan<GpioLineSettings> lines, string reason)
    {
        var offsets = new int[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            offsets[i] = lines[i].Line;
        }

        return $"{chip} refused lines {string.Join(", ", offsets)}: {reason}";
    }
}
