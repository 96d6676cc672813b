using System.Globalization;

namespace ContactCenter.Media.StreamBench;

/// <summary>
/// The whole machine's CPU counters from /proc/stat (all cores, in clock ticks): over the window they say how busy the
/// machine was, and so how much of it other processes (other engineers' builds on the shared VM) took.
/// </summary>
internal readonly record struct MachineCpu(long Busy, long Total)
{
    private const int Idle = 3;
    private const int IoWait = 4;

    public static MachineCpu Read()
    {
        string line = File.ReadLines("/proc/stat").First();
        long[] fields = [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture))];
        // user nice system idle iowait irq softirq steal [guest guest_nice, already counted in user and nice]
        long total = fields.Take(8).Sum();
        return new MachineCpu(total - fields[Idle] - fields[IoWait], total);
    }

    /// <summary>Busy cores on average between <paramref name="earlier"/> and this one (2.0 = both cores of this VM).</summary>
    public double CoresBusySince(MachineCpu earlier) =>
        (double)(Busy - earlier.Busy) / (Total - earlier.Total) * Environment.ProcessorCount;
}
