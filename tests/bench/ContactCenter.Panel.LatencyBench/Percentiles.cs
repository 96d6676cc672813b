using System.Globalization;

namespace ContactCenter.Panel.LatencyBench;

/// <summary>Latency samples in milliseconds and their nearest-rank percentiles.</summary>
internal sealed class Percentiles(string name)
{
    private readonly List<double> _samples = [];

    public int Count => _samples.Count;

    public void Add(double milliseconds) => _samples.Add(milliseconds);

    public double At(double percent)
    {
        var sorted = _samples.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public override string ToString() => _samples.Count == 0
        ? $"{name}: no samples"
        : string.Create(CultureInfo.InvariantCulture,
            $"{name}: n={_samples.Count} p50={At(50):F2} ms p90={At(90):F2} ms p99={At(99):F2} ms max={_samples.Max():F2} ms");
}
