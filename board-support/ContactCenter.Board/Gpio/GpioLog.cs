using Microsoft.Extensions.Logging;

namespace ContactCenter.Board.Gpio;

/// <summary>Log messages of the GPIO backend (Board ids 4100-4199).</summary>
internal static partial class GpioLog
{
    [LoggerMessage(4100, LogLevel.Information, "Holding lines {Lines} of {Chip} ({Label}) as {Consumer}")]
    public static partial void LinesRequested(ILogger logger, string lines, string chip, string label, string consumer);

    [LoggerMessage(4101, LogLevel.Error, "Edge events of {Chip} can no longer be read; keys stop working")]
    public static partial void EdgeReadFailed(ILogger logger, string chip, Exception exception);
}
