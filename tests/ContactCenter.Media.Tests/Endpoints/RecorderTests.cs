using System.Globalization;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Tests.Codecs;
using ContactCenter.Media.Tests.Tools;
using Xunit;

namespace ContactCenter.Media.Tests.Endpoints;

public sealed class RecorderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task MaxDuration_EndsTheRecording_AndSoxReadsTheFile()
    {
        string path = _dir.File("max.wav");
        var recorder = Recorder.Start(path, Options() with { MaxDuration = TimeSpan.FromSeconds(2) });
        short[] tone = SignalMath.Sine(440, 10000, 8000, 3 * 8000);

        Feed(recorder, tone, 8000);
        var result = await recorder.Completion;

        Assert.Equal(new RecordingResult(RecordingEndReason.MaxDuration, TimeSpan.FromSeconds(2), 0, null), result);
        Assert.Equal("8000", ExternalTool.Run("sox", "--i", "-r", path).Trim());
        Assert.Equal("16000", ExternalTool.Run("sox", "--i", "-s", path).Trim());
        string raw = _dir.File("max.raw");
        ExternalTool.Run("sox", path, "-t", "raw", "-e", "signed", "-b", "16", raw);
        Assert.Equal(tone.AsSpan(0, 16000).ToArray(), ExternalTool.ReadRawPcm(raw));
    }

    [Fact]
    public async Task ToneThenSilence_EndsOnSilence_WithTheTrailingSilenceTrimmed()
    {
        string path = _dir.File("silence.wav");
        var recorder = Recorder.Start(path, Options() with { SilenceTimeout = TimeSpan.FromSeconds(2), TrailingSilenceKept = TimeSpan.FromMilliseconds(300) });
        short[] tone = SignalMath.Sine(440, 3000, 16000, 16000);

        // Line noise at about −66 dBFS is silence; a 3000-amplitude tone (−24 dBFS) is voice.
        short[] hiss = [.. Enumerable.Range(0, 10 * 16000).Select(i => (short)(i % 3 == 0 ? 15 : -15))];
        Feed(recorder, [.. tone, .. hiss], 16000);
        var result = await recorder.Completion;

        Assert.Equal(RecordingEndReason.Silence, result.Reason);
        Assert.Equal(TimeSpan.FromMilliseconds(1300), result.Duration);
        Assert.Equal("20800", ExternalTool.Run("sox", "--i", "-s", path).Trim());
        Assert.Equal(WavReadStatus.Ok, WavReader.TryDecode(File.ReadAllBytes(path), TimeSpan.FromMinutes(1), out short[] back, out _));
        Assert.Equal(tone, back.AsSpan(0, 16000).ToArray());
    }

    [Fact]
    public async Task SilentFromTheStart_EndsWithAnEmptyFile()
    {
        string path = _dir.File("nothing.wav");
        var recorder = Recorder.Start(path, Options() with { SilenceTimeout = TimeSpan.FromSeconds(1), TrailingSilenceKept = TimeSpan.Zero });

        Feed(recorder, new short[2 * 8000], 8000);

        Assert.Equal(new RecordingResult(RecordingEndReason.Silence, TimeSpan.Zero, 0, null), await recorder.Completion);
        Assert.Equal("0", ExternalTool.Run("sox", "--i", "-s", path).Trim());
    }

    [Fact]
    public async Task Stop_KeepsEverything_AndLaterFramesAreIgnored()
    {
        string path = _dir.File("stop.wav");
        var recorder = Recorder.Start(path, Options());
        Feed(recorder, SignalMath.Sine(440, 10000, 8000, 4000), 8000);

        recorder.Stop();
        Feed(recorder, SignalMath.Sine(440, 10000, 8000, 4000), 8000);
        await recorder.DisposeAsync();

        Assert.Equal(new RecordingResult(RecordingEndReason.Stopped, TimeSpan.FromMilliseconds(500), 0, null), await recorder.Completion);
        Assert.Equal("4000", ExternalTool.Run("sox", "--i", "-s", path).Trim());
    }

    [Fact]
    public async Task FramesAtAnotherRate_AreConvertedToTheFirstFramesRate()
    {
        string path = _dir.File("mixed.wav");
        var recorder = Recorder.Start(path, Options());
        Feed(recorder, SignalMath.Sine(1000, 10000, 16000, 16000), 16000);
        Feed(recorder, SignalMath.Sine(1000, 10000, 8000, 8000), 8000);
        recorder.Stop();

        Assert.Equal(TimeSpan.FromSeconds(2), (await recorder.Completion).Duration);
        Assert.Equal("16000", ExternalTool.Run("sox", "--i", "-r", path).Trim());
        WavReader.TryDecode(File.ReadAllBytes(path), TimeSpan.FromMinutes(1), out short[] back, out _);
        Assert.InRange(SignalMath.ToneAmplitude(back.AsSpan(20000, 8000), 1000, 16000), 9000, 11000);
    }

    [Fact]
    public async Task UnwritableFile_EndsAsFailed_WithTheError()
    {
        // /dev/full refuses every write with ENOSPC, as a full disk would.
        var recorder = Recorder.Start("/dev/full", Options());
        Feed(recorder, SignalMath.Sine(440, 10000, 8000, 8000), 8000);
        recorder.Stop();

        var result = await recorder.Completion;
        Assert.Equal(RecordingEndReason.Failed, result.Reason);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task Write_DoesNotAllocate()
    {
        var recorder = Recorder.Start(_dir.File("alloc.wav"), Options() with { MaxDuration = TimeSpan.FromMinutes(10) });
        short[] frame = SignalMath.Sine(440, 10000, 8000, 160);
        for (int i = 0; i < 200; i++)
        {
            recorder.Write(frame, 8000);
        }

        // Measured after a warm-up, so the JIT's own work on this thread is not counted.
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 500; i++)
        {
            recorder.Write(frame, 8000);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        await recorder.DisposeAsync();
        Assert.Equal(0, allocated);
    }

    // Enough buffers that a test feeding faster than real time never outruns the writer.
    private static RecorderOptions Options() => new() { SilenceTimeout = null, BufferedFrames = 2000 };

    private static void Feed(Recorder recorder, short[] samples, int rate)
    {
        int frame = rate / 50;
        for (int i = 0; i + frame <= samples.Length; i += frame)
        {
            recorder.Write(samples.AsSpan(i, frame), rate);
        }
    }
}
