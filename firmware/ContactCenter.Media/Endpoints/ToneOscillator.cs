namespace ContactCenter.Media.Endpoints;

/// <summary>
/// A phase-accumulating sine oscillator. The phase is kept in cycles, not samples, so it stays continuous from one
/// frame to the next even when the reader switches between 8 and 16 kHz.
/// </summary>
internal struct ToneOscillator
{
    private double _phase;

    /// <summary>The current sample (−1..1), then advances by one sample at <paramref name="sampleRate"/>.</summary>
    public double Next(double frequency, int sampleRate)
    {
        double value = Math.Sin(2 * Math.PI * _phase);
        _phase += frequency / sampleRate;
        _phase -= Math.Floor(_phase);
        return value;
    }

    /// <summary>Restarts at phase zero (a new tone burst).</summary>
    public void Restart() => _phase = 0;

    /// <summary>Rounds and clamps a mixed sample to 16 bits.</summary>
    public static short ToPcm(double value) => (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
}
