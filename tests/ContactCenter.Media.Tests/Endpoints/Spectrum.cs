namespace ContactCenter.Media.Tests.Endpoints;

/// <summary>Measures single frequencies in a block of samples (Goertzel), for the player, hold-music and mixer tests.</summary>
internal static class Spectrum
{
    /// <summary>The amplitude of the <paramref name="frequency"/> component (a full-scale sine of amplitude A gives about A).</summary>
    public static double Amplitude(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0;
        double s2 = 0;
        foreach (short x in samples)
        {
            double s0 = x + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        double power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        return 2 * Math.Sqrt(Math.Max(power, 0)) / samples.Length;
    }
}
