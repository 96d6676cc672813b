using Microsoft.Extensions.Logging;

namespace ContactCenter.Data;

/// <summary>Log events of the storage layer (STYLE.md §8: Data uses 6000–6999).</summary>
internal static partial class DataLog
{
    [LoggerMessage(6000, LogLevel.Information, "Database {Path}: migrated from schema {From} to {To}")]
    public static partial void Migrated(ILogger logger, string path, int from, int to);

    [LoggerMessage(6001, LogLevel.Information, "Database {Path}: applied migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, string path, int version, string name);

    [LoggerMessage(6002, LogLevel.Error, "Database {Path} has schema {Found}, newer than this firmware knows ({Known})")]
    public static partial void SchemaTooNew(ILogger logger, string path, int found, int known);

    [LoggerMessage(6003, LogLevel.Warning, "A commit listener failed")]
    public static partial void CommitListenerFailed(ILogger logger, Exception exception);

    [LoggerMessage(6100, LogLevel.Information, "Extension directory reloaded: {Count} extensions (version {Version})")]
    public static partial void DirectoryReloaded(ILogger logger, int count, long version);

    [LoggerMessage(6101, LogLevel.Error, "Extension directory reload failed; keeping the previous snapshot")]
    public static partial void DirectoryReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(6202, LogLevel.Error, "Writing a batch of {Count} registration changes failed; those REGISTERs are answered 500")]
    public static partial void RegistrationBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(6201, LogLevel.Error, "Writing a batch of {Count} call-record steps failed; they are lost")]
    public static partial void CallRecordBatchFailed(ILogger logger, int count, Exception exception);
}
