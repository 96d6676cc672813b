using System.Globalization;

namespace ContactCenter.Media.StreamBench;

/// <summary>
/// Issue #4 §8: N generated streams (prompt players and music-on-hold listeners) on the real media clock, sent over
/// loopback to a receiver in a second process; prints send-interval spread, CPU per stream, allocations per packet and
/// the clock's statistics. See docs/benchmarks.md.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args is [ReceiverProcess.Mode, var streams])
        {
            return ReceiverProcess.RunChild(int.Parse(streams, CultureInfo.InvariantCulture));
        }

        var options = StreamBenchOptions.Parse(args);
        foreach (string line in await StreamBenchRun.RunAsync(options))
        {
            Console.Out.WriteLine(line);
        }

        return 0;
    }
}
