using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Presence;

internal static partial class PresenceLog
{
    [LoggerMessage(3400, LogLevel.Error, "A presence observer failed on the change of extension {Extension}")]
    public static partial void ObserverFailed(ILogger logger, string extension, Exception exception);

    [LoggerMessage(3401, LogLevel.Information, "Extension {Watcher} may not watch {Watched}: SUBSCRIBE refused")]
    public static partial void WatchRefused(ILogger logger, string watcher, string watched);
}
