using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// The real appliance as a child process (<c>dotnet contactcenter.dll</c>, already built), with a temporary
/// data directory, bound to 127.0.0.1 on a free SIP port. Start waits for the <c>ready</c> line.
/// Dispose stops it with SIGTERM and removes the data directory.
/// </summary>
public sealed partial class ApplianceProcess : IAsyncDisposable
{
    /// <summary>How long start-up may take before the test fails.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a clean stop may take.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private const int Sigterm = 15;

    private readonly Process _process;
    private readonly Lock _lock = new();
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private readonly bool _ownsDataDirectory;
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _stderrWaiters = [];

    private ApplianceProcess(Process process, string dataDirectory, bool ownsDataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        _stdoutPump = PumpAsync(process.StandardOutput, _stdout, isStdout: true);
        _stderrPump = PumpAsync(process.StandardError, _stderr, isStdout: false);
    }

    /// <summary>The data directory given with <c>--data</c>.</summary>
    public string DataDirectory { get; }

    /// <summary>The key=value pairs of the ready line.</summary>
    public IReadOnlyDictionary<string, string> Ready { get; private set; } = new Dictionary<string, string>();

    /// <summary>The ready line as printed.</summary>
    public string ReadyLine { get; private set; } = "";

    /// <summary>The SIP port from the ready line.</summary>
    public int SipPort => int.Parse(Ready["sip"], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Standard output so far.</summary>
    public IReadOnlyList<string> StandardOutput { get { lock (_lock) { return [.. _stdout]; } } }

    /// <summary>Standard error (the console log) so far.</summary>
    public IReadOnlyList<string> StandardError { get { lock (_lock) { return [.. _stderr]; } } }

    /// <summary>The default arguments: <c>--data DIR --bind 127.0.0.1 --sip-port 0</c>.</summary>
    public static string[] DefaultArguments(string dataDirectory) => ["--data", dataDirectory, "--bind", "127.0.0.1", "--sip-port", "0"];

    /// <summary>Starts the appliance with the default arguments plus <paramref name="extraArguments"/> and waits for the ready line.</summary>
    public static async Task<ApplianceProcess> StartAsync(params string[] extraArguments)
    {
        var data = NewDataDirectory();
        var appliance = Launch([.. DefaultArguments(data), .. extraArguments], data, ownsDataDirectory: true);
        await appliance.WaitForReadyAsync();
        return appliance;
    }

    /// <summary>Starts the appliance with exactly <paramref name="arguments"/>, not waiting for anything.</summary>
    public static ApplianceProcess Launch(IReadOnlyList<string> arguments, string? dataDirectory = null, bool ownsDataDirectory = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var workingDirectory = dataDirectory is null ? Path.GetTempPath() : Path.GetDirectoryName(dataDirectory)!;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(RepositoryLayout.FirmwareDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The contract reads CONTACTCENTER_* variables: the test's own environment must not leak in.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("CONTACTCENTER_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.StandardInput.Close();
        return new ApplianceProcess(process, dataDirectory ?? "", ownsDataDirectory);
    }

    /// <summary>Runs the appliance with <paramref name="arguments"/> until it exits by itself (for error paths).</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> StandardOutput, IReadOnlyList<string> StandardError)> RunToExitAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        await using var appliance = Launch(arguments, environment: environment);
        var exitCode = await appliance.WaitForExitAsync(StopTimeout);
        return (exitCode, appliance.StandardOutput, appliance.StandardError);
    }

    /// <summary>A fresh, empty data directory path (not created) under the temporary directory.</summary>
    public static string NewDataDirectory() =>
        Path.Combine(Directory.CreateTempSubdirectory("cc-interop-").FullName, "data");

    /// <summary>Waits for the <c>ready</c> line; fails with the console log when the process exits or times out first.</summary>
    public async Task WaitForReadyAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_ready.Task, exited, Task.Delay(ReadyTimeout));
        if (first != _ready.Task)
        {
            await Task.WhenAny(Task.WhenAll(_stdoutPump, _stderrPump), Task.Delay(2000));
            var why = first == exited ? $"exited with code {_process.ExitCode}" : $"printed no ready line within {ReadyTimeout.TotalSeconds} s";
            throw new InvalidOperationException($"contactcenter {why}. stderr:\n{string.Join('\n', StandardError)}");
        }

        ReadyLine = await _ready.Task;
        Ready = ReadyLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");
    }

    /// <summary>Waits for a standard-error line (already printed or still to come) that matches; fails with the console log after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForStandardErrorAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_stderr.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            _stderrWaiters.Add((match, found));
        }

        if (await Task.WhenAny(found.Task, Task.Delay(timeout)) != found.Task)
        {
            throw new TimeoutException($"no matching line on standard error within {timeout.TotalSeconds} s. stderr:\n{string.Join('\n', StandardError)}");
        }

        return await found.Task;
    }

    /// <summary>Sends SIGTERM and waits for the process to exit; returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, Sigterm);
        }

        return await WaitForExitAsync(StopTimeout);
    }

    /// <summary>Waits for exit (and the end of its output); kills it and throws when it takes longer than <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"contactcenter did not exit within {timeout.TotalSeconds} s. stderr:\n{string.Join('\n', StandardError)}");
        }

        await Task.WhenAll(_stdoutPump, _stderrPump);
        return _process.ExitCode;
    }

    /// <summary>The log files written under <c>DATA/logs</c>.</summary>
    public IReadOnlyList<string> LogFiles()
    {
        var logs = Path.Combine(DataDirectory, "logs");
        return Directory.Exists(logs) ? Directory.GetFiles(logs, "contactcenter-*.log") : [];
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await StopAsync();
            }
        }
        finally
        {
            _process.Dispose();
            if (_ownsDataDirectory && Directory.Exists(Path.GetDirectoryName(DataDirectory)))
            {
                Directory.Delete(Path.GetDirectoryName(DataDirectory)!, recursive: true);
            }
        }
    }

    private async Task PumpAsync(StreamReader reader, List<string> lines, bool isStdout)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_lock)
            {
                lines.Add(line);
                if (!isStdout)
                {
                    foreach (var waiter in _stderrWaiters.Where(w => w.Match(line)).ToList())
                    {
                        _stderrWaiters.Remove(waiter);
                        waiter.Found.TrySetResult(line);
                    }
                }
            }

            if (isStdout && line.StartsWith("ready ", StringComparison.Ordinal))
            {
                _ready.TrySetResult(line);
            }
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
