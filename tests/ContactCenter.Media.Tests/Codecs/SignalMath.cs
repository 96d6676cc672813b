namespace ContactCenter.Media.Tests.Codecs;

/// <summary>Test signals and measurements shared by the codec, tone and DTMF tests.</summary>
internal static class SignalMath
{
    public static short[] Sine(double frequency, double amplitude, int sampleRate, int count)
    {
        var samples = new short[count];
        for (int i = 0; i < count; i++)
        {
            samples[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / Math.Max(1, samples.Length));
    }

    public static double SnrDecibels(ReadOnlySpan<short> reference, ReadOnlySpan<short> test)
    {
        double signal = 0;
        double noise = 0;
        int n = Math.Min(reference.Length, test.Length);
        for (int i = 0; i < n; i++)
        {
            signal += (double)reference[i] * reference[i];
            double e = reference[i] - test[i];
            noise += e * e;
        }

        return 10 * Math.Log10(signal / Math.Max(noise, 1e-9));
    }

    /// <summary>The lag (0..maxLag) of <paramref name="test"/> that best matches <paramref name="reference"/>.</summary>
    public static int BestLag(ReadOnlySpan<short> reference, ReadOnlySpan<short> test, int maxLag)
    {
        int best = 0;
        double bestScore = double.MinValue;
        int n = reference.Length - maxLag;
        for (int lag = 0; lag <= maxLag; lag++)
        {
            double score = 0;
            for (int i = 0; i < n; i++)
            {
                score += (double)reference[i] * test[i + lag];
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = lag;
            }
        }

        return best;
    }
}
