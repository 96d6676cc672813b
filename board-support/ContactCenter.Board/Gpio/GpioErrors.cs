using System.Runtime.InteropServices;

namespace ContactCenter.Board.Gpio;

/// <summary>The wording of the kernel's refusals, kept in one place so tests can pin it without a kernel.</summary>
internal static class GpioErrors
{
    /// <summary>A failed system call: what was being done, then the kernel's reason (strerror of errno).</summary>
    public static GpioException SystemCall(string what, int errno) => new($"{what}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);

    /// <summary>A line already held: names it and its holder ("line 17 of gpiochip0 is busy (used by "pbx")").</summary>
    public static string Busy(string chip, int line, string consumer) =>
        consumer.Length == 0
            ? $"line {line} of {chip} is busy (used by the kernel or an unnamed consumer)"
            : $"line {line} of {chip} is busy (used by \"{consumer}\")";

    /// <summary>Any other refused request: the chip and the lines asked for (<see cref="SystemCall"/> adds the reason).</summary>
    public static string RequestRefused(string chip, ReadOnlySpan<GpioLineSettings> lines)
    {
        var offsets = new int[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            offsets[i] = lines[i].Line;
        }

        return $"{chip} refused lines {string.Join(", ", offsets)}";
    }
}
