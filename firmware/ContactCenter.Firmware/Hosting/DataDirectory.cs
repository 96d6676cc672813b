namespace ContactCenter.Firmware.Hosting;

/// <summary>Prepares the data directory before anything else writes to it.</summary>
internal static class DataDirectory
{
    /// <summary>The log folder inside the data directory.</summary>
    public static string LogDirectory(string dataDirectory) => Path.Combine(dataDirectory, "logs");

    /// <summary>Creates the data and log directories and proves they are writable; returns the problem, or null.</summary>
    public static string? Prepare(string dataDirectory)
    {
        try
        {
            Directory.CreateDirectory(dataDirectory);
            Directory.CreateDirectory(LogDirectory(dataDirectory));
            var probe = Path.Combine(dataDirectory, $".write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"data directory '{dataDirectory}' is not writable: {ex.Message}";
        }
    }
}
