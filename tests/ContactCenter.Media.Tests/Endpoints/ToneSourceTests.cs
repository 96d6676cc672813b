using ContactCenter.Media.Codecs;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Tests.Codecs;
using Xunit;

namespace ContactCenter.Media.Tests.Endpoints;

public sealed class ToneSourceTests
{
    private static readonly double LevelPower = SignalLevel.SinePower(CallProgressTones.LevelDbm0);

    [Theory]
    [InlineData(ToneProfile.France, CallProgressTone.Ringback, new[] { 440.0 }, 75, 175)]
    [InlineData(ToneProfile.France, CallProgressTone.Busy, new[] { 440.0 }, 25, 25)]
    [InlineData(ToneProfile.France, CallProgressTone.CallWaiting, new[] { 440.0 }, 15, 500)]
    [InlineData(ToneProfile.Europe, CallProgressTone.Ringback, new[] { 425.0 }, 50, 200)]
    [InlineData(ToneProfile.Europe, CallProgressTone.Busy, new[] { 425.0 }, 25, 25)]
    [InlineData(ToneProfile.Europe, CallProgressTone.Congestion, new[] { 425.0 }, 10, 10)]
    [InlineData(ToneProfile.UnitedStates, CallProgressTone.Ringback, new[] { 440.0, 480.0 }, 100, 200)]
    [InlineData(ToneProfile.UnitedStates, CallProgressTone.Busy, new[] { 480.0, 620.0 }, 25, 25)]
    [InlineData(ToneProfile.UnitedStates, CallProgressTone.CallWaiting, new[] { 440.0 }, 15, 485)]
    public void Tone_HasItsNationalFrequenciesAndCadence_FrameByFrame(ToneProfile profile, CallProgressTone tone, double[] frequencies, int onFrames, int offFrames)
    {
        var runs = OnOffRuns(new ToneSource(CallProgressTones.Get(profile, tone)), frequencies, 3 * (onFrames + offFrames));

        Assert.Equal([onFrames, offFrames, onFrames, offFrames, onFrames, offFrames], runs);
    }

    [Theory]
    [InlineData(ToneProfile.France)]
    [InlineData(ToneProfile.UnitedStates)]
    public void Congestion_SwitchesInsideFrames_EveryQuarterSecond(ToneProfile profile)
    {
        // 250 ms is 12.5 frames: the tone must go off and on half-way through a frame. (Two tones in 20 ms do not
        // average their cross term out, hence the ±0.1 on the energy share.)
        var definition = CallProgressTones.Get(profile, CallProgressTone.Congestion);
        var source = new ToneSource(definition);
        var frame = new short[160];
        for (int index = 0; index < 100; index++)
        {
            source.Read(frame, 8000);
            double onShare = SignalMath.MeanSquare(frame) / (definition.Frequencies.Count * LevelPower);
            double expected = OnFraction(index * 20, 20, 250);
            Assert.InRange(onShare, expected - 0.1, expected + 0.1);
        }
    }

    [Fact]
    public void EuropeanCallWaiting_IsTwoShortBurstsThenSilence()
    {
        var runs = OnOffRuns(new ToneSource(CallProgressTones.Get(ToneProfile.Europe, CallProgressTone.CallWaiting)), [425], 560);

        Assert.Equal([10, 10, 10, 250, 10, 10, 10, 250], runs);
    }

    [Theory]
    [InlineData(ToneProfile.France, 440.0)]
    [InlineData(ToneProfile.Europe, 425.0)]
    public void DialTone_IsContinuous_AndPhaseContinuousAcrossFramesAndRates(ToneProfile profile, double frequency)
    {
        var source = new ToneSource(CallProgressTones.Get(profile, CallProgressTone.Dial));
        double amplitude = SignalLevel.SineAmplitude(CallProgressTones.LevelDbm0);
        double seconds = 0;
        foreach (int rate in new[] { 8000, 8000, 16000, 8000, 16000, 16000, 8000 })
        {
            var frame = new short[rate / 50];
            Assert.True(source.Read(frame, rate));
            for (int n = 0; n < frame.Length; n++)
            {
                double expected = amplitude * Math.Sin(2 * Math.PI * frequency * (seconds + ((double)n / rate)));
                Assert.InRange(frame[n] - expected, -1.0, 1.0);
            }

            seconds += 0.02;
        }
    }

    [Fact]
    public void UnitedStatesDialTone_IsBothFrequenciesAtTheLevel()
    {
        // One second: long enough for a single-bin DFT to tell 350 from 440 Hz without leakage.
        var frame = new short[16000];
        var source = new ToneSource(CallProgressTones.Get(ToneProfile.UnitedStates, CallProgressTone.Dial));
        for (int i = 0; i < 50; i++)
        {
            source.Read(frame.AsSpan(i * 320, 320), 16000);
        }

        Assert.InRange(SignalMath.Decibels(SignalMath.TonePower(frame, 350, 16000) / LevelPower), -0.2, 0.2);
        Assert.InRange(SignalMath.Decibels(SignalMath.TonePower(frame, 440, 16000) / LevelPower), -0.2, 0.2);
        Assert.InRange(SignalMath.Decibels(SignalMath.MeanSquare(frame) / (2 * LevelPower)), -0.2, 0.2);
    }

    [Fact]
    public void EveryProfile_DefinesEveryTone()
    {
        foreach (var profile in Enum.GetValues<ToneProfile>())
        {
            foreach (var tone in Enum.GetValues<CallProgressTone>())
            {
                var definition = CallProgressTones.Get(profile, tone);
                Assert.NotEmpty(definition.Frequencies);
                Assert.Equal(tone == CallProgressTone.Dial, definition.PeriodMilliseconds == 0);
            }
        }
    }

    [Fact]
    public void InvalidDefinitions_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new ToneDefinition([], -13, []));
        Assert.Throws<ArgumentException>(() => new ToneDefinition([4000], -13, []));
        Assert.Throws<ArgumentException>(() => new ToneDefinition([440], -13, [500]));
        Assert.Throws<ArgumentException>(() => new ToneDefinition([440], -13, [500, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToneSource(new ToneDefinition([440], -13, [])).Read(new short[160], 11025));
    }

    /// <summary>
    /// Reads <paramref name="frames"/> frames and returns the run lengths of sounding and silent frames, checking that
    /// the first sounding run carries exactly <paramref name="frequencies"/> at the profile level (measured over the whole
    /// run, long enough to resolve 440 from 480 Hz).
    /// </summary>
    private static List<int> OnOffRuns(ToneSource source, double[] frequencies, int frames)
    {
        var runs = new List<int>();
        var firstRun = new List<short>();
        var frame = new short[160];
        bool? previous = null;
        for (int index = 0; index < frames; index++)
        {
            Assert.True(source.Read(frame, 8000));
            bool on = SignalMath.MeanSquare(frame) > 0;
            if (on && runs.Count <= 1)
            {
                firstRun.AddRange(frame);
            }

            if (on == previous)
            {
                runs[^1]++;
            }
            else
            {
                runs.Add(1);
            }

            previous = on;
        }

        var run = firstRun.ToArray();
        foreach (double f in frequencies)
        {
            Assert.InRange(SignalMath.Decibels(SignalMath.TonePower(run, f, 8000) / LevelPower), -0.3, 0.3);
        }

        Assert.InRange(SignalMath.Decibels(SignalMath.MeanSquare(run) / (frequencies.Length * LevelPower)), -0.3, 0.3);
        return runs;
    }

    /// <summary>The share of [start, start + length) ms that falls in an "on" half of a square cadence of period 2 × half.</summary>
    private static double OnFraction(int startMs, int lengthMs, int halfMs)
    {
        int on = 0;
        for (int t = startMs * 8; t < (startMs + lengthMs) * 8; t++)
        {
            on += t / (halfMs * 8) % 2 == 0 ? 1 : 0;
        }

        return (double)on / (lengthMs * 8);
    }
}
