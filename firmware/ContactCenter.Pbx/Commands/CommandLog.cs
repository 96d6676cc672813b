using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Commands;

/// <summary>Call command events, ids 3300–3319.</summary>
internal static partial class CommandLog
{
    [LoggerMessage(3300, LogLevel.Information, "Command {Command} by {By} ({Other}): {Result}")]
    public static partial void Outcome(ILogger logger, string command, string by, string other, CallCommandResult result);
}
