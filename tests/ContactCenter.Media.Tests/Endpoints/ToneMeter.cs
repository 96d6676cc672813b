namespace ContactCenter.Media.Tests.Endpoints;

/// <summary>Measures a sine component of a block by a single-bin DFT, independently of the code under test.</summary>
internal static class ToneMeter
{
    /// <summary>The mean-square power of the component at <paramref name="frequency"/> (a sine of peak A gives A²/2).</summary>
    public static double Power(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        double re = 0;
        double im = 0;
        for (int n = 0; n < samples.Length; n++)
        {
            double angle = 2 * Math.PI * frequency * n / sampleRate;
            re += samples[n] * Math.Cos(angle);
            im -= samples[n] * Math.Sin(angle);
        }

        return 2 * ((re * re) + (im * im)) / ((double)samples.Length * samples.Length);
    }

    public static double MeanSquare(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short s in samples)
        {
            sum += (double)s * s;
        }

        return sum / samples.Length;
    }

    public static double Db(double ratio) => 10 * Math.Log10(ratio);
}
