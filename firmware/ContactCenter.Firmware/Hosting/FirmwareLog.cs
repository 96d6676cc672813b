using Microsoft.Extensions.Logging;

namespace ContactCenter.Firmware.Hosting;

/// <summary>
/// Log events of the Firmware host. STYLE.md §8 lists no range for Firmware; it uses 8000–8099
/// (8000–8049 hosting, 8050–8099 the SIP hosted service).
/// </summary>
internal static partial class FirmwareLog
{
    [LoggerMessage(8000, LogLevel.Information, "Starting {Application} {Version}: data {DataDirectory}, config {ConfigFile}")]
    public static partial void Starting(ILogger logger, string application, string version, string dataDirectory, string configFile);

    [LoggerMessage(8001, LogLevel.Information, "Ready: {Listeners}")]
    public static partial void Ready(ILogger logger, string listeners);

    [LoggerMessage(8002, LogLevel.Error, "Could not start: {Reason}")]
    public static partial void StartFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(8003, LogLevel.Information, "Stopping")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(8004, LogLevel.Information, "Stopped cleanly")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(8050, LogLevel.Information, "SIP listening on UDP and TCP port {Port} ({Addresses})")]
    public static partial void SipListening(ILogger logger, int port, string addresses);

    [LoggerMessage(8051, LogLevel.Information, "SIP listeners closed")]
    public static partial void SipStopped(ILogger logger);

    [LoggerMessage(8052, LogLevel.Warning, "Closing SIP listeners after a failed start failed too")]
    public static partial void SipCleanupFailed(ILogger logger, Exception exception);

    [LoggerMessage(8055, LogLevel.Error, "Handling request {Method} {CallId} failed")]
    public static partial void RequestFailed(ILogger logger, string method, string callId, Exception exception);
}
