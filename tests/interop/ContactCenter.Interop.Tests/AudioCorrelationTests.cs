using Xunit;

namespace ContactCenter.Interop.Tests;

/// <summary>The yardstick of the playback test, checked before it judges the appliance: a delayed, quieter, G.711-coded
/// copy of a looped sound matches it; another sound does not.</summary>
public sealed class AudioCorrelationTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    [Fact]
    public void ALoopedCopy_DelayedQuieterAndCoded_MatchesTheReference()
    {
        var reference = Chirp(seconds: 2.5, seed: 1);
        var recording = new short[WaveFile.SampleRate * 4];
        var delay = 3 * WaveFile.SampleRate / 10;
        for (var i = delay; i < recording.Length; i++)
        {
            recording[i] = MuLaw(reference[(i - delay + 1234) % reference.Length] / 2);
        }

        var (peak, lag) = AudioCorrelation.PeakOfLoop(recording, reference, Window);

        Assert.True(peak > 0.95, $"peak {peak}");
        Assert.Equal(1234, lag);
    }

    [Fact]
    public void AnotherSound_DoesNotMatch()
    {
        var reference = Chirp(seconds: 2.5, seed: 1);
        var other = Chirp(seconds: 4, seed: 2);

        var (peak, _) = AudioCorrelation.PeakOfLoop(other, reference, Window);

        Assert.True(peak < 0.3, $"peak {peak}");
    }

    // Speech-like: noise shaped by a slowly moving envelope, different for each seed.
    private static short[] Chirp(double seconds, int seed)
    {
        var random = new Random(seed);
        var samples = new short[(int)(seconds * WaveFile.SampleRate)];
        double low = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            low = (0.7 * low) + (0.3 * ((random.NextDouble() * 2) - 1));
            var envelope = 0.5 + (0.5 * Math.Sin(2 * Math.PI * 3 * i / WaveFile.SampleRate));
            samples[i] = (short)(12000 * low * envelope);
        }

        return samples;
    }

    // G.711 µ-law round trip (ITU-T G.711 segment quantisation), as the call path does.
    private static short MuLaw(int sample)
    {
        const int bias = 0x84;
        var sign = sample < 0 ? 0x80 : 0;
        var magnitude = Math.Min(Math.Abs(sample), 32635) + bias;
        var exponent = 7;
        for (var mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1)
        {
            exponent--;
        }

        var mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        var decoded = (((mantissa << 3) + bias) << exponent) - bias;
        return (short)(sign != 0 ? -decoded : decoded);
    }
}
