namespace ContactCenter.Media.Endpoints;

/// <summary>
/// A call-progress tone: one or more frequencies sounded together at one level each, switched on and off by a repeating
/// cadence.
/// </summary>
public sealed class ToneDefinition
{
    private readonly double[] _frequencies;
    private readonly int[] _cadence;

    /// <summary>Describes a tone.</summary>
    /// <param name="frequencies">One or more frequencies in Hz, each below 4 kHz (the narrowband limit).</param>
    /// <param name="levelDbm0">The level of each frequency, in dBm0.</param>
    /// <param name="cadenceMilliseconds">
    /// On and off times alternately, starting with on (an even count, each positive); empty for a continuous tone.
    /// </param>
    public ToneDefinition(IReadOnlyList<double> frequencies, double levelDbm0, IReadOnlyList<int> cadenceMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        ArgumentNullException.ThrowIfNull(cadenceMilliseconds);
        if (frequencies.Count == 0 || frequencies.Any(f => f is <= 0 or >= 4000))
        {
            throw new ArgumentException("A tone needs one or more frequencies between 0 and 4000 Hz.", nameof(frequencies));
        }

        if (cadenceMilliseconds.Count % 2 != 0 || cadenceMilliseconds.Any(ms => ms <= 0))
        {
            throw new ArgumentException("A cadence is on/off pairs of positive durations.", nameof(cadenceMilliseconds));
        }

        _frequencies = [.. frequencies];
        _cadence = [.. cadenceMilliseconds];
        LevelDbm0 = levelDbm0;
    }

    /// <summary>The frequencies sounded together, in Hz.</summary>
    public IReadOnlyList<double> Frequencies => _frequencies;

    /// <summary>The level of each frequency, in dBm0.</summary>
    public double LevelDbm0 { get; }

    /// <summary>On and off times alternately, starting with on; empty for a continuous tone.</summary>
    public IReadOnlyList<int> CadenceMilliseconds => _cadence;

    /// <summary>The length of one cadence cycle in milliseconds; 0 for a continuous tone.</summary>
    public int PeriodMilliseconds => _cadence.Sum();
}
