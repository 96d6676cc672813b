using System.Diagnostics;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Board.Hardware.Tests;

/// <summary>
/// The chardev backend against the kernel's real GPIO driver (issue #5 §1): publishes
/// tests/hardware/ContactCenter.Board.GpioSimCheck and runs it in the gpio-sim VM of shared/tools/gpio-vm, where it
/// requests lines, sets LED lines and reads them through gpio-sim's sysfs, and flips a key line's pull to receive the
/// edges. About 20 s warm (publish ~15 s, VM ~6 s under TCG); the first run on a machine also builds gpio-sim.ko.
/// </summary>
[Trait("Category", "Hardware")]
public class GpioSimTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task ChardevBackend_DrivesLedsAndReceivesKeyEdges_OnTheKernelsGpioSim()
    {
        string repository = FindRepository();
        string vmTools = FindVmTools(repository);
        string work = Directory.CreateTempSubdirectory("gpiosim-check.").FullName;
        try
        {
            await RunAsync(Path.Combine(vmTools, "prepare-kernel.sh"), []);
            string app = Path.Combine(work, "payload", "opt", "check");
            await RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
                ["publish", Path.Combine(repository, "tests", "hardware", "ContactCenter.Board.GpioSimCheck"), "-c", "Release", "-o", app, "--nologo"]);

            string setup = Path.Combine(vmTools, "gpio-sim-setup.sh");
            string apphost = Path.Combine(app, "ContactCenter.Board.GpioSimCheck");
            var vmArgs = new List<string> { "-t", "300", "-l", setup, "-d", apphost };
            foreach (string library in Directory.EnumerateFiles(app, "*.so"))
            {
                vmArgs.AddRange(["-d", library]);
            }

            // The payload is merged into the guest's /, so the app runs from /opt/check.
            vmArgs.AddRange([Path.Combine(work, "payload"), "-c", $"eval \"$({setup} panel 3 led led-inverted key)\" && /opt/check/ContactCenter.Board.GpioSimCheck \"$CHIP\" \"$SYSFS\""]);
            string result = await RunAsync(Path.Combine(vmTools, "run-in-vm.sh"), vmArgs);

            Assert.Contains("ok SetOutput high drives led to 1 and led-inverted to 0 (sysfs)", result, StringComparison.Ordinal);
            Assert.Contains("ok line info of key shows the kernel debounce (1000 us)", result, StringComparison.Ordinal);
            Assert.Contains("is busy (used by \"gpiosimcheck\")", result, StringComparison.Ordinal);
            Assert.Contains("ok pull-down on the active-low key arrives as a rising edge", result, StringComparison.Ordinal);
            Assert.Contains("ok pull-up again arrives as a falling edge, later", result, StringComparison.Ordinal);
            Assert.EndsWith("PASS", result.TrimEnd(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // Runs a step to its end, shows its output in the test log and fails the test on a non-zero exit status.
    private async Task<string> RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StepTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        string text = await stdout;
        var log = new StringBuilder();
        log.Append($"$ {Path.GetFileName(program)} ({stopwatch.Elapsed.TotalSeconds:F1} s, exit {process.ExitCode})\n").Append(text).Append(await stderr);
        output.WriteLine(log.ToString());
        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}:\n{log}");
        return text;
    }

    private static string FindRepository()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContactCenter.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ContactCenter.sln above {AppContext.BaseDirectory}");
    }

    // shared/ sits beside the repository's folder, or beside the parent of a folder of git worktrees.
    private static string FindVmTools(string repository)
    {
        for (DirectoryInfo? directory = new DirectoryInfo(repository).Parent; directory is not null; directory = directory.Parent)
        {
            string tools = Path.Combine(directory.FullName, "shared", "tools", "gpio-vm");
            if (File.Exists(Path.Combine(tools, "run-in-vm.sh")))
            {
                return tools;
            }
        }

        throw new InvalidOperationException($"No shared/tools/gpio-vm beside or above {repository}");
    }
}
