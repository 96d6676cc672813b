using ContactCenter.Media.Dtmf;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>Test signals and measurements shared by the codec, tone, DTMF and endpoint tests.</summary>
internal static class SignalMath
{
    public static short[] Sine(double frequency, double amplitude, int sampleRate, int count)
    {
        var samples = new short[count];
        Sine(frequency, amplitude, sampleRate, samples, firstSample: 0);
        return samples;
    }

    /// <summary>Writes the samples from <paramref name="firstSample"/> on of a sine starting at phase zero.</summary>
    public static void Sine(double frequency, double amplitude, int sampleRate, Span<short> destination, long firstSample)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * (firstSample + i) / sampleRate));
        }
    }

    public static double MeanSquare(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short s in samples)
        {
            sum += (double)s * s;
        }

        return sum / Math.Max(1, samples.Length);
    }

    public static double Rms(ReadOnlySpan<short> samples) => Math.Sqrt(MeanSquare(samples));

    /// <summary>A power ratio in decibels.</summary>
    public static double Decibels(double powerRatio) => 10 * Math.Log10(powerRatio);

    /// <summary>
    /// The peak amplitude of the <paramref name="frequency"/> component (a sine of peak A gives about A), by the Goertzel
    /// filter the DTMF detector uses (<see cref="GoertzelBin"/>) over the whole block.
    /// </summary>
    public static double ToneAmplitude(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        var block = new float[samples.Length];
        for (int i = 0; i < block.Length; i++)
        {
            block[i] = samples[i];
        }

        return 2 * new GoertzelBin(frequency, sampleRate, block.Length).Analyze(block).Magnitude / block.Length;
    }

    /// <summary>The mean-square power of the <paramref name="frequency"/> component (a sine of peak A gives A²/2).</summary>
    public static double TonePower(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        double amplitude = ToneAmplitude(samples, frequency, sampleRate);
        return amplitude * amplitude / 2;
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

        return Decibels(signal / Math.Max(noise, 1e-9));
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
