namespace ContactCenter.Interop.Tests;

/// <summary>
/// How well a recording matches a reference sound that was played in a loop: the peak of the normalised
/// cross-correlation (1 = the same waveform up to gain, about 0 = unrelated). Codecs, gain and a delay change bytes, not
/// the waveform, so this is the comparison a played prompt and its recording can be held to, never byte equality.
/// </summary>
public static class AudioCorrelation
{
    // Frames quieter than this are silence (G.711 idle noise is far below it).
    private const double LoudRms = 300;

    /// <summary>
    /// Takes <paramref name="window"/> of <paramref name="recording"/> from its first loud 20 ms frame and slides it over
    /// <paramref name="reference"/> repeated (a loop plays it back to back): the best normalised correlation found.
    /// </summary>
    /// <returns>The peak in [-1, 1] and the lag in the reference where it is; (0, -1) when the recording is never loud or too short.</returns>
    public static (double Peak, int Lag) PeakOfLoop(ReadOnlySpan<short> recording, ReadOnlySpan<short> reference, TimeSpan window)
    {
        var length = (int)(window.TotalSeconds * WaveFile.SampleRate);
        var start = FirstLoudFrame(recording);
        if (start < 0 || start + length > recording.Length || reference.IsEmpty)
        {
            return (0, -1);
        }

        var segment = recording.Slice(start, length);
        var segmentEnergy = Energy(segment);
        var looped = new short[reference.Length + length];
        for (var i = 0; i < looped.Length; i++)
        {
            looped[i] = reference[i % reference.Length];
        }

        var best = (Peak: 0.0, Lag: -1);
        for (var lag = 0; lag < reference.Length; lag++)
        {
            var candidate = looped.AsSpan(lag, length);
            double product = 0;
            for (var i = 0; i < length; i++)
            {
                product += (double)segment[i] * candidate[i];
            }

            var energy = Energy(candidate);
            if (energy > 0 && product / Math.Sqrt(segmentEnergy * energy) is var score && score > best.Peak)
            {
                best = (score, lag);
            }
        }

        return best;
    }

    private static int FirstLoudFrame(ReadOnlySpan<short> samples)
    {
        for (var start = 0; start + WaveFile.FrameSamples <= samples.Length; start += WaveFile.FrameSamples)
        {
            if (Math.Sqrt(Energy(samples.Slice(start, WaveFile.FrameSamples)) / WaveFile.FrameSamples) >= LoudRms)
            {
                return start;
            }
        }

        return -1;
    }

    private static double Energy(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var sample in samples)
        {
            sum += (double)sample * sample;
        }

        return sum;
    }
}
