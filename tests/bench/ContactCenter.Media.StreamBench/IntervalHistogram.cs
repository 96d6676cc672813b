namespace ContactCenter.Media.StreamBench;

/// <summary>
/// Durations in 10 µs bins up to 100 ms (beyond: one overflow bin, with the exact maximum kept). Fixed size, so adding
/// allocates nothing: it runs on the receiving thread for every packet.
/// </summary>
internal sealed class IntervalHistogram
{
    private const long BinNanoseconds = 10_000;
    private const int BinCount = 10_000;

    private readonly int[] _bins = new int[BinCount + 1];

    /// <summary>Durations added.</summary>
    public long Count { get; private set; }

    /// <summary>The longest duration added, in nanoseconds.</summary>
    public long MaxNanoseconds { get; private set; }

    /// <summary>The shortest duration added, in nanoseconds.</summary>
    public long MinNanoseconds { get; private set; } = long.MaxValue;

    public void Add(long nanoseconds)
    {
        long bin = Math.Clamp(nanoseconds / BinNanoseconds, 0, BinCount);
        _bins[bin]++;
        Count++;
        MaxNanoseconds = Math.Max(MaxNanoseconds, nanoseconds);
        MinNanoseconds = Math.Min(MinNanoseconds, nanoseconds);
    }

    public void AddAll(IntervalHistogram other)
    {
        for (int i = 0; i < _bins.Length; i++)
        {
            _bins[i] += other._bins[i];
        }

        Count += other.Count;
        MaxNanoseconds = Math.Max(MaxNanoseconds, other.MaxNanoseconds);
        MinNanoseconds = Math.Min(MinNanoseconds, other.MinNanoseconds);
    }

    /// <summary>The duration below which <paramref name="fraction"/> of them lie, in milliseconds (a bin's middle).</summary>
    public double PercentileMilliseconds(double fraction)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(fraction * Count));
        long seen = 0;
        for (int i = 0; i < BinCount; i++)
        {
            seen += _bins[i];
            if (seen >= rank)
            {
                return ((i * BinNanoseconds) + (BinNanoseconds / 2)) / 1e6;
            }
        }

        return MaxNanoseconds / 1e6;
    }

    /// <summary>The share of durations outside [<paramref name="lowMilliseconds"/>, <paramref name="highMilliseconds"/>).</summary>
    public double FractionOutside(double lowMilliseconds, double highMilliseconds)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        long low = (long)(lowMilliseconds * 1e6 / BinNanoseconds);
        long high = (long)(highMilliseconds * 1e6 / BinNanoseconds);
        long inside = 0;
        for (long i = low; i < high && i < BinCount; i++)
        {
            inside += _bins[i];
        }

        return (double)(Count - inside) / Count;
    }
}
