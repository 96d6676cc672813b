using System.Diagnostics;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Board.Hardware.Tests;

/// <summary>
/// The steps every hardware test takes: find the repository and the gpio-vm tools, run a program to its end with its
/// output in the test log, publish a check program for the guest and list what run-in-vm.sh must copy for it.
/// </summary>
internal sealed class VmSteps(ITestOutputHelper output)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The repository holding ContactCenter.sln.</summary>
    public string Repository { get; } = FindRepository();

    /// <summary>shared/tools/gpio-vm.</summary>
    public string VmTools => FindVmTools(Repository);

    /// <summary>
    /// Publishes the check project <paramref name="project"/> (under tests/hardware) into
    /// <c>payload/opt/check</c> of <paramref name="work"/>, where the guest finds it at <c>/opt/check</c>.
    /// </summary>
    /// <returns>The guest path of the app host, and run-in-vm.sh's options copying the libraries it needs.</returns>
    public async Task<(string AppHost, List<string> VmOptions)> PublishCheckAsync(string project, string work)
    {
        string app = Path.Combine(work, "payload", "opt", "check");
        await RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            ["publish", Path.Combine(Repository, "tests", "hardware", project), "-c", "Release", "-o", app, "--nologo"]);
        var options = new List<string> { "-d", Path.Combine(app, project) };
        foreach (string library in Directory.EnumerateFiles(app, "*.so"))
        {
            options.AddRange(["-d", library]);
        }

        return ($"/opt/check/{project}", options);
    }

    /// <summary>Runs a step to its end, shows its output in the test log and fails the test on a non-zero exit status.</summary>
    /// <returns>The step's standard output.</returns>
    public async Task<string> RunAsync(string program, IReadOnlyList<string> arguments)
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
