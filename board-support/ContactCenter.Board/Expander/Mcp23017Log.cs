using Microsoft.Extensions.Logging;

namespace ContactCenter.Board.Expander;

/// <summary>Log messages of the MCP23017 expander (Board ids 4200-4299).</summary>
internal static partial class Mcp23017Log
{
    [LoggerMessage(4200, LogLevel.Information, "Expander {Chip} programmed: inputs {Inputs}, outputs {Outputs}, edges by {Mode}")]
    public static partial void Programmed(ILogger logger, string chip, string inputs, string outputs, string mode);

    [LoggerMessage(4201, LogLevel.Warning, "Expander {Chip} cannot be read; its keys are not seen until it answers again")]
    public static partial void ReadFailed(ILogger logger, string chip, Exception exception);

    [LoggerMessage(4202, LogLevel.Information, "Expander {Chip} answers again")]
    public static partial void ReadRecovered(ILogger logger, string chip);

    [LoggerMessage(4203, LogLevel.Error, "The interrupt line of expander {Chip} failed; its keys stop working")]
    public static partial void InterruptLineFailed(ILogger logger, string chip, Exception exception);
}
