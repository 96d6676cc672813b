using ContactCenter.Media.Clock;
using ContactCenter.Media.Endpoints;

namespace ContactCenter.Media.StreamBench;

/// <summary>A generated prompt: a voiced, syllable-paced signal with a moving pitch, so the codecs see speech-like input.</summary>
internal static class BenchClip
{
    public const double Seconds = 4;

    public static AudioClip Create(int sampleRate)
    {
        var samples = new short[(int)(Seconds * sampleRate)];
        double phase = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            double t = (double)i / sampleRate;
            double pitch = 120 + (40 * Math.Sin(2 * Math.PI * 0.7 * t));
            phase += 2 * Math.PI * pitch / sampleRate;
            double syllables = Math.Max(0, Math.Sin(2 * Math.PI * 4 * t));
            double sum = 0;
            for (int harmonic = 1; harmonic * pitch < sampleRate / 2.0; harmonic++)
            {
                sum += Math.Sin(harmonic * phase) / harmonic;
            }

            samples[i] = (short)(5000 * syllables * sum);
        }

        return new AudioClip($"bench prompt {sampleRate / 1000} kHz", samples, sampleRate);
    }

    /// <summary>How many back-to-back copies cover <paramref name="duration"/> (plus one).</summary>
    public static int CopiesFor(TimeSpan duration) => (int)Math.Ceiling(duration.TotalSeconds / Seconds) + 1;

    /// <summary>The rate the codec's frames are produced at.</summary>
    public static int RateOf(string codec) => codec == "g722" ? MediaFrame.WidebandRate : MediaFrame.NarrowbandRate;
}
