using System.Diagnostics;
using System.Globalization;

namespace ContactCenter.Media.StreamBench;

/// <summary>
/// The receiving side in its own process, so that the sender's CPU figures hold the sender alone. Its protocol on
/// standard input/output: it prints <c>ready PORT</c>; <c>start</c> begins the measured window; <c>stop</c> ends it,
/// and it prints its report lines, then <c>done</c>.
/// </summary>
internal sealed class ReceiverProcess : IDisposable
{
    public const string Mode = "receive";

    private readonly Process _process;

    private ReceiverProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts this program again in receive mode and waits for its port.</summary>
    public static ReceiverProcess Start(int maxStreams)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            // Run as `dotnet ContactCenter.Media.StreamBench.dll`: the child needs the assembly too.
            start.ArgumentList.Add(typeof(ReceiverProcess).Assembly.Location);
        }

        start.ArgumentList.Add(Mode);
        start.ArgumentList.Add(maxStreams.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("The receiver did not start.");
        string? line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("ready ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The receiver said '{line}' instead of its port.");
        }

        return new ReceiverProcess(process, int.Parse(line.AsSpan(6), CultureInfo.InvariantCulture));
    }

    public void StartRecording() => _process.StandardInput.WriteLine("start");

    /// <summary>Ends the window and returns the receiver's report.</summary>
    public IReadOnlyList<string> Stop()
    {
        _process.StandardInput.WriteLine("stop");
        var lines = new List<string>();
        while (_process.StandardOutput.ReadLine() is { } line && line != "done")
        {
            lines.Add(line);
        }

        _process.WaitForExit();
        return lines;
    }

    public void Dispose() => _process.Dispose();

    /// <summary>The child's main: receive, then report over the window between <c>start</c> and <c>stop</c>.</summary>
    public static int RunChild(int maxStreams)
    {
        using var receiver = new StreamReceiver(maxStreams);
        var thread = new Thread(receiver.Run) { Name = "Receiver", IsBackground = true };
        thread.Start();
        Console.Out.WriteLine($"ready {receiver.Port}");
        Console.Out.Flush();
        if (Console.In.ReadLine() != "start")
        {
            return 2;
        }

        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        long wallBefore = Stopwatch.GetTimestamp();
        receiver.StartRecording();
        if (Console.In.ReadLine() != "stop")
        {
            return 2;
        }

        receiver.Stop();
        thread.Join();
        self.Refresh();
        double cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds / Stopwatch.GetElapsedTime(wallBefore).TotalSeconds;
        foreach (string line in IntervalReport.Lines(receiver, cpu))
        {
            Console.Out.WriteLine(line);
        }

        Console.Out.WriteLine("done");
        return 0;
    }
}
