using Serilog;
using Serilog.Events;

namespace ContactCenter.Firmware.Hosting;

/// <summary>
/// Serilog, configured in code (STYLE.md §8: <c>ReadFrom.Configuration</c> is not trim-safe).
/// Console lines go to standard error, so standard output carries only the <c>ready</c> line.
/// </summary>
internal static class LoggingSetup
{
    /// <summary>Log category of start-up failures, which <see cref="Program"/> reports as one <c>error:</c> line instead.</summary>
    public const string StartupCategory = "ContactCenter.Firmware.Startup";

    private const long FileSizeLimitBytes = 10 * 1024 * 1024;
    private const int RetainedFileCount = 10;
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private const string ConsoleTemplate = "{Timestamp:HH:mm:ss.fff} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";
    private const string FileTemplate = "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] {SourceContext} {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>Builds the logger: console (stderr) plus a size-capped rolling file under <c>DIR/logs</c>, written asynchronously.</summary>
    public static Serilog.Core.Logger Create(string dataDirectory)
    {
        var path = Path.Combine(DataDirectory.LogDirectory(dataDirectory), "contactcenter-.log");
        return new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "contactcenter")
            .Enrich.WithProperty("ProcessId", Environment.ProcessId)
            .WriteTo.Logger(console => console
                .Filter.ByExcluding(IsReportedAsErrorLine)
                .WriteTo.Console(
                    outputTemplate: ConsoleTemplate,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                    standardErrorFromLevel: LogEventLevel.Verbose))
            .WriteTo.Async(file => file.File(
                path,
                outputTemplate: FileTemplate,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                fileSizeLimitBytes: FileSizeLimitBytes,
                rollOnFileSizeLimit: true,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: RetainedFileCount))
            .CreateLogger();
    }

    // A start failure goes to the file with its stack trace; on the console Program prints it as
    // exactly one "error: ..." line, so the host's own "Hosting failed to start" is kept off it.
    private static bool IsReportedAsErrorLine(LogEvent logEvent) =>
        logEvent.Level >= LogEventLevel.Error
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: string category }
        && (category == StartupCategory || category == HostCategory);
}
