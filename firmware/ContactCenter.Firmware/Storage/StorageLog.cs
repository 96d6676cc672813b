using Microsoft.Extensions.Logging;

namespace ContactCenter.Firmware.Storage;

/// <summary>Log events of the storage start-up (Firmware range 8100–8149).</summary>
internal static partial class StorageLog
{
    [LoggerMessage(8100, LogLevel.Information, "Database {Path} ready: schema {SchemaVersion}, {Extensions} extensions")]
    public static partial void DatabaseReady(ILogger logger, string path, int schemaVersion, int extensions);

    [LoggerMessage(8101, LogLevel.Warning, "Closed {Count} call records left open by the previous run as interrupted")]
    public static partial void CallsInterrupted(ILogger logger, int count);

    [LoggerMessage(8102, LogLevel.Warning, "First start: demo extension {Number} ({Name}) password {Password} domain {Domain}")]
    public static partial void DemoExtension(ILogger logger, string number, string name, string password, string domain);

    [LoggerMessage(8103, LogLevel.Warning, "Demo credentials written to {Path} (owner-only); delete it once noted")]
    public static partial void DemoFileWritten(ILogger logger, string path);
}
