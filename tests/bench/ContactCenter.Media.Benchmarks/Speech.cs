namespace ContactCenter.Media.Benchmarks;

/// <summary>Speech-like test frames, so codecs and mixers see realistic input rather than zeros.</summary>
internal static class Speech
{
    /// <summary>A vowel-like frame: a fundamental with falling harmonics up to the band edge.</summary>
    public static short[] Vowel(int rate, int count, double fundamental = 140)
    {
        var samples = new short[count];
        for (int i = 0; i < count; i++)
        {
            double sum = 0;
            for (int harmonic = 1; fundamental * harmonic < rate / 2; harmonic++)
            {
                sum += Math.Sin(2 * Math.PI * fundamental * harmonic * i / rate) / harmonic;
            }

            samples[i] = (short)(6000 * sum);
        }

        return samples;
    }
}
