using System.Globalization;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Tests.Tools;
using Xunit;

namespace ContactCenter.Media.Tests.Codecs;

public sealed class WavWriterTests : IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void WrittenFile_ReadsBackIdentically_HereAndInSox(int rate)
    {
        string path = _dir.File($"out-{rate}.wav");
        short[] samples = SignalMath.Sine(440, 20000, rate, rate + 7);
        using (var writer = WavWriter.Create(path, rate))
        {
            // Frame-sized writes, as the recorder does, plus a longer one that crosses the writer's scratch buffer.
            writer.Write(samples.AsSpan(0, 160));
            writer.Write(samples.AsSpan(160, 1000));
            writer.Write(samples.AsSpan(1160));
        }

        Assert.Equal(WavReadStatus.Ok, WavReader.TryDecode(File.ReadAllBytes(path), Minute, out short[] back, out var info));
        Assert.Equal(samples, back);
        Assert.Equal(rate, info.SampleRate);

        Assert.Equal(rate.ToString(CultureInfo.InvariantCulture), ExternalTool.Run("sox", "--i", "-r", path).Trim());
        Assert.Equal(samples.Length.ToString(CultureInfo.InvariantCulture), ExternalTool.Run("sox", "--i", "-s", path).Trim());
        Assert.Equal("1", ExternalTool.Run("sox", "--i", "-c", path).Trim());
        string raw = _dir.File("sox.raw");
        ExternalTool.Run("sox", path, "-t", "raw", "-e", "signed", "-b", "16", raw);
        Assert.Equal(samples, ExternalTool.ReadRawPcm(raw));
    }

    [Fact]
    public void AfterACrash_TheFileHoldsWhatWasFlushed()
    {
        string path = _dir.File("crash.wav");
        short[] samples = SignalMath.Sine(440, 20000, 8000, 8000);
        var writer = WavWriter.Create(path, 8000);
        try
        {
            Assert.Equal(WavReadStatus.NoAudio, ReadWhileOpen(path, out _));

            writer.Write(samples.AsSpan(0, 4000));
            writer.Flush(toDisk: false);
            writer.Write(samples.AsSpan(4000));

            // The process "dies" here: the file is read as it is on disk while the writer is still open.
            Assert.Equal(WavReadStatus.Ok, ReadWhileOpen(path, out short[] back));
            Assert.Equal(samples.AsSpan(0, 4000).ToArray(), back);
            string copy = _dir.File("copy.wav");
            File.Copy(path, copy);
            Assert.Equal("4000", ExternalTool.Run("sox", "--i", "-s", copy).Trim());
        }
        finally
        {
            writer.Dispose();
        }

        Assert.Equal(WavReadStatus.Ok, WavReader.TryDecode(File.ReadAllBytes(path), Minute, out short[] all, out _));
        Assert.Equal(samples, all);
    }

    [Fact]
    public void Truncate_DropsTheTail()
    {
        string path = _dir.File("trim.wav");
        short[] samples = SignalMath.Sine(440, 20000, 8000, 1600);
        using (var writer = WavWriter.Create(path, 8000))
        {
            writer.Write(samples);
            writer.Truncate(1000);
            writer.Write(samples.AsSpan(0, 10));
            Assert.Equal(1010, writer.SampleCount);
        }

        Assert.Equal(WavReadStatus.Ok, WavReader.TryDecode(File.ReadAllBytes(path), Minute, out short[] back, out _));
        Assert.Equal([.. samples.AsSpan(0, 1000), .. samples.AsSpan(0, 10)], back);
        Assert.Equal(WavWriter.HeaderBytes + (2 * 1010), new FileInfo(path).Length);
    }

    [Fact]
    public void UnsupportedRateOrStream_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WavWriter(new MemoryStream(), 44100));
        Assert.Throws<ArgumentException>(() => new WavWriter(new MemoryStream([], writable: false), 8000));
    }

    private static WavReadStatus ReadWhileOpen(string path, out short[] samples)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        byte[] bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return WavReader.TryDecode(bytes, Minute, out samples, out _);
    }
}
