using ContactCenter.Media.Clock;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Tests.Codecs;
using ContactCenter.Media.Tests.Tools;
using Xunit;

namespace ContactCenter.Media.Tests.Endpoints;

public sealed class MusicOnHoldTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualMediaClock _clock = new();
    private readonly MusicOnHoldLibrary _library;

    public MusicOnHoldTests() => _library = new MusicOnHoldLibrary(_clock, new AudioClipCache(TimeSpan.FromMinutes(10)));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ListenersJoiningAtDifferentTicks_HearTheSameCurrentSamples()
    {
        var music = new MusicOnHold(Ramp(8000));
        _clock.Register(music, MediaClockPhase.Mix);
        var early = music.CreateListener();
        var a = new short[160];
        var b = new short[160];

        for (int t = 0; t < 5; t++)
        {
            _clock.Advance();
            early.Read(a, 8000);
        }

        var late = music.CreateListener();
        _clock.Advance();
        Assert.True(early.Read(a, 8000));
        Assert.True(late.Read(b, 8000));

        Assert.Equal(a, b);
        Assert.Equal(5 * 160, b[0]);
    }

    [Fact]
    public void Music_AdvancesOncePerTick_WhateverTheNumberOfListeners()
    {
        var music = new MusicOnHold(Ramp(8000));
        _clock.Register(music, MediaClockPhase.Mix);
        var listeners = Enumerable.Range(0, 3).Select(_ => music.CreateListener()).ToArray();
        var frame = new short[160];

        for (int t = 0; t < 10; t++)
        {
            _clock.Advance();
            foreach (var listener in listeners)
            {
                listener.Read(frame, 8000);
            }
        }

        Assert.Equal(10, music.FramesProduced);
        Assert.Equal(9 * 160, frame[0]);
    }

    [Fact]
    public void Clip_LoopsWithoutAGap()
    {
        var music = new MusicOnHold(Ramp(500));
        var listener = music.CreateListener();
        var heard = new List<short>();
        var frame = new short[160];
        for (int t = 0; t < 10; t++)
        {
            music.OnTick(t);
            listener.Read(frame, 8000);
            heard.AddRange(frame);
        }

        Assert.Equal(Enumerable.Range(0, 1600).Select(i => (short)(i % 500)), heard);
    }

    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(16000, 8000)]
    public void Listener_AtAnotherRate_HearsTheSamePitch(int musicRate, int readRate)
    {
        var music = new MusicOnHold(new AudioClip("tone", SignalMath.Sine(500, 8000, musicRate, musicRate), musicRate));
        var listener = music.CreateListener();
        var heard = new List<short>();
        var frame = new short[MediaFrame.Samples(readRate)];
        for (int t = 0; t < 25; t++)
        {
            music.OnTick(t);
            listener.Read(frame, readRate);
            heard.AddRange(frame);
        }

        var steady = heard.ToArray().AsSpan(readRate / 10);
        Assert.InRange(SignalMath.ToneAmplitude(steady, 500, readRate), 7000, 9000);
    }

    [Fact]
    public async Task Library_SharesOneInstancePerFile_AndTakesItOffTheClockWithTheLastListener()
    {
        string queueA = WriteMusic("a.wav", 300);
        string queueB = WriteMusic("b.wav", 600);

        var first = await _library.JoinAsync(queueA);
        var second = await _library.JoinAsync(queueA);
        var other = await _library.JoinAsync(queueB);

        Assert.Same(first.Music, second.Music);
        Assert.NotSame(first.Music, other.Music);
        Assert.Equal(2, _library.PlayingCount);

        // Each instance is on the clock once: one frame per tick.
        _clock.Advance();
        Assert.Equal((1L, 1L), (first.Music.FramesProduced, other.Music.FramesProduced));
        var frame = new short[160];
        other.Read(frame, 8000);
        Assert.InRange(SignalMath.ToneAmplitude(frame, 600, 8000), 7000, 9000);

        first.Dispose();
        first.Dispose();
        _clock.Advance();
        Assert.Equal(2, first.Music.FramesProduced);
        second.Dispose();
        _clock.Advance();
        Assert.Equal((2L, 3L), (first.Music.FramesProduced, other.Music.FramesProduced));
        Assert.False(first.Read(frame, 8000));

        var again = await _library.JoinAsync(queueA);
        Assert.NotSame(first.Music, again.Music);
        Assert.Equal(0, again.Music.FramesProduced);
    }

    [Fact]
    public async Task NoFileOrAnUnplayableFile_PlaysTheDefaultMusic()
    {
        string stereo = _dir.File("stereo.wav");
        ExternalTool.Run("sox", "-n", "-r", "8000", "-c", "2", stereo, "synth", "1", "sine", "440");

        var byDefault = await _library.JoinAsync(null);
        var broken = await _library.JoinAsync(stereo);
        var missing = await _library.JoinAsync(_dir.File("none.wav"));

        Assert.Same(byDefault.Music, broken.Music);
        Assert.Same(byDefault.Music, missing.Music);
        _clock.Advance();
        Assert.Equal(1, byDefault.Music.FramesProduced);

        // The default music is audible but quiet, and never clips.
        var samples = byDefault.Music.Clip.Samples;
        Assert.InRange(SignalMath.Rms(samples), 1000, 4000);
        Assert.True(samples.ToArray().Max(s => Math.Abs((int)s)) < 8000);
    }

    [Fact]
    public void TickAndRead_DoNotAllocate()
    {
        var music = new MusicOnHold(Ramp(8000));
        var narrow = music.CreateListener();
        var wide = music.CreateListener();
        var frame = new short[320];
        Play(music, narrow, wide, frame, 0, 200);

        // Measured after a warm-up, so the JIT's own work on this thread is not counted.
        long before = GC.GetAllocatedBytesForCurrentThread();
        Play(music, narrow, wide, frame, 200, 700);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Play(MusicOnHold music, MusicOnHoldListener narrow, MusicOnHoldListener wide, short[] frame, int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            music.OnTick(t);
            narrow.Read(frame.AsSpan(0, 160), 8000);
            wide.Read(frame, 16000);
        }
    }

    private static AudioClip Ramp(int length) => new("ramp", [.. Enumerable.Range(0, length).Select(i => (short)i)], 8000);

    private string WriteMusic(string name, double frequency)
    {
        string path = _dir.File(name);
        using var writer = WavWriter.Create(path, 8000);
        writer.Write(SignalMath.Sine(frequency, 8000, 8000, 8000));
        return path;
    }
}
