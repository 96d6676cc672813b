using ContactCenter.Media.Codecs;
using Xunit;

namespace ContactCenter.Media.Tests.Codecs;

public sealed class ResamplerTests
{
    [Fact]
    public void ToneInTheVoiceBand_SurvivesUpThenDownSampling()
    {
        var up = new Resampler(8000, 16000);
        var down = new Resampler(16000, 8000);
        var input = SignalMath.Sine(1000, 8000, 8000, 8000);
        var output = new short[input.Length];
        var wide = new short[320];
        for (int f = 0; f < input.Length / 160; f++)
        {
            up.Process(input.AsSpan(f * 160, 160), wide);
            down.Process(wide, output.AsSpan(f * 160, 160));
        }

        // Skip the first frames (filter start-up) and align on the two filters' combined delay.
        int delay = SignalMath.BestLag(input.AsSpan(800, 4000), output.AsSpan(800, 4000), 80);
        Assert.True(SignalMath.SnrDecibels(input.AsSpan(800, 4000 - 80), output.AsSpan(800 + delay, 4000 - 80)) > 30);
    }

    [Fact]
    public void ToneAboveTheNarrowbandLimit_IsRemovedWhenDownSampling()
    {
        var down = new Resampler(16000, 8000);
        var input = SignalMath.Sine(6000, 8000, 16000, 16000);
        var output = new short[input.Length / 2];
        for (int f = 0; f < input.Length / 320; f++)
        {
            down.Process(input.AsSpan(f * 320, 320), output.AsSpan(f * 160, 160));
        }

        // Without the low-pass the 6 kHz tone would alias to 2 kHz at full level.
        Assert.True(SignalMath.Rms(output.AsSpan(800)) < 8000 / Math.Sqrt(2) / 100, "at least 40 dB of rejection");
    }

    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(16000, 8000)]
    public void FrameByFrame_MatchesTheFilterDefinition_OverTheWholeStream(int inputRate, int outputRate)
    {
        // Noise at full scale, frame after frame: every output sample equals the definition (zero-stuff then filter for
        // up-sampling, filter then keep the even samples for down-sampling) computed in double over the whole stream,
        // to the rounding of the float arithmetic, across frame edges.
        var random = new Random(4);
        int frame = inputRate / 50;
        var input = new short[frame * 25];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        var converter = new Resampler(inputRate, outputRate);
        var output = new short[input.Length * outputRate / inputRate];
        int outputFrame = outputRate / 50;
        for (int f = 0; f < input.Length / frame; f++)
        {
            converter.Process(input.AsSpan(f * frame, frame), output.AsSpan(f * outputFrame, outputFrame));
        }

        var taps = Resampler.FilterTaps;
        for (int n = 0; n < output.Length; n++)
        {
            double sum = 0;
            for (int k = 0; k < taps.Length; k++)
            {
                sum += taps[k] * (inputRate < outputRate ? Stuffed(input, n - k) : At(input, (2 * n) - k));
            }

            double expected = Math.Clamp(Math.Round(inputRate < outputRate ? 2 * sum : sum), short.MinValue, short.MaxValue);
            Assert.True(Math.Abs(expected - output[n]) <= 1, $"sample {n}: {output[n]}, expected {expected}");
        }
    }

    private static double At(short[] x, int i) => i >= 0 ? x[i] : 0;

    private static double Stuffed(short[] x, int i) => i >= 0 && i % 2 == 0 ? x[i / 2] : 0;

    [Fact]
    public void EqualRates_CopyTheFrame()
    {
        var same = new Resampler(8000, 8000);
        var input = SignalMath.Sine(440, 1000, 8000, 160);
        var output = new short[160];
        same.Process(input, output);
        Assert.Equal(input, output);
    }

    [Fact]
    public void WrongOutputLength_IsRefused()
    {
        var up = new Resampler(8000, 16000);
        Assert.Throws<ArgumentException>(() => up.Process(new short[160], new short[160]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resampler(44100, 8000));
    }
}
