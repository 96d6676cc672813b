using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Tests.Codecs;
using ContactCenter.Media.Tests.Dtmf;
using Xunit;

namespace ContactCenter.Media.Tests.Endpoints;

public sealed class DtmfToneSourceTests
{
    [Theory]
    [InlineData("PCMU")]
    [InlineData("PCMA")]
    public void EveryKey_IsFoundByTheDetector_AfterG711(string codec)
    {
        var source = new DtmfToneSource();
        foreach (char key in DtmfDigit.Keys)
        {
            source.Enqueue(key);
        }

        var audio = ReadAll(source, 8000);

        Assert.Equal(DtmfDigit.Keys, DtmfAudio.Detect(DtmfAudio.ThroughG711(audio, codec == "PCMU" ? AudioCodec.Pcmu : AudioCodec.Pcma)));
    }

    [Fact]
    public void Wideband_DownsampledTo8Khz_IsFoundByTheDetector()
    {
        var source = new DtmfToneSource();
        foreach (char key in "147*2580369#ABCD")
        {
            source.Enqueue(key, 60, 60);
        }

        var wide = ReadAll(source, 16000);
        var narrow = new short[wide.Length / 2];
        var resampler = new Resampler(16000, 8000);
        for (int i = 0; i < wide.Length / 320; i++)
        {
            resampler.Process(wide.AsSpan(i * 320, 320), narrow.AsSpan(i * 160, 160));
        }

        Assert.Equal("147*2580369#ABCD", DtmfAudio.Detect(narrow));
    }

    [Fact]
    public void Key_HasItsTwoTonesAtTheDocumentedLevels_ThenThePause()
    {
        var source = new DtmfToneSource();
        source.Enqueue('9', 100, 40);
        var audio = ReadAll(source, 8000);

        Assert.Equal(7 * 160, audio.Length);
        var tone = audio.AsSpan(0, 800);
        Assert.InRange(SignalMath.Decibels(SignalMath.TonePower(tone, 852, 8000) / SignalLevel.SinePower(DtmfToneSource.LowToneDbm0)), -0.2, 0.2);
        Assert.InRange(SignalMath.Decibels(SignalMath.TonePower(tone, 1477, 8000) / SignalLevel.SinePower(DtmfToneSource.HighToneDbm0)), -0.2, 0.2);
        Assert.All(audio[800..].ToArray(), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Read_ReturnsFalseWithSilence_OnceTheQueueIsPlayed()
    {
        var source = new DtmfToneSource();
        var frame = new short[160];
        Array.Fill(frame, (short)123);

        Assert.False(source.Read(frame, 8000));
        Assert.All(frame, s => Assert.Equal(0, s));
        source.Enqueue('1', 30, 0);
        Assert.True(source.IsActive);
        Assert.True(source.Read(frame, 8000));
        Assert.True(source.Read(frame, 8000));
        Assert.All(frame.AsSpan(80).ToArray(), s => Assert.Equal(0, s));
        Assert.False(source.IsActive);
        Assert.False(source.Read(frame, 8000));
    }

    [Fact]
    public void NotAKey_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DtmfToneSource().Enqueue('E'));
    }

    private static short[] ReadAll(DtmfToneSource source, int rate)
    {
        var audio = new List<short>();
        var frame = new short[rate / 50];
        while (source.Read(frame, rate))
        {
            audio.AddRange(frame);
        }

        return [.. audio];
    }
}
