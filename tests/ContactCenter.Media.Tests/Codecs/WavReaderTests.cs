using System.Buffers.Binary;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Tests.Tools;
using Xunit;

namespace ContactCenter.Media.Tests.Codecs;

public sealed class WavReaderTests : IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(8000, "signed", 16, WavEncoding.Pcm16)]
    [InlineData(16000, "signed", 16, WavEncoding.Pcm16)]
    [InlineData(8000, "unsigned", 8, WavEncoding.Pcm8)]
    [InlineData(8000, "mu-law", 8, WavEncoding.MuLaw)]
    [InlineData(16000, "mu-law", 8, WavEncoding.MuLaw)]
    [InlineData(8000, "a-law", 8, WavEncoding.ALaw)]
    [InlineData(16000, "a-law", 8, WavEncoding.ALaw)]
    public void SoxFile_InASupportedFormat_DecodesToTheSamplesSoxDecodes(int rate, string encoding, int bits, WavEncoding expected)
    {
        string wav = Sox($"x-{rate}-{encoding}.wav", "-r", rate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-e", encoding, "-b", bits.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", "1");

        var status = WavReader.TryDecode(File.ReadAllBytes(wav), Minute, out short[] samples, out var info);

        Assert.Equal(WavReadStatus.Ok, status);
        Assert.Equal(expected, info.Encoding);
        Assert.Equal(rate, info.SampleRate);
        Assert.Equal(rate / 2, samples.Length);
        Assert.Equal(TimeSpan.FromMilliseconds(500), info.Duration);
        Assert.Equal(SoxDecode(wav), samples);
    }

    [Fact]
    public void FfmpegFile_WithAListChunkBeforeTheData_Decodes()
    {
        string wav = _dir.File("ffmpeg.wav");
        ExternalTool.Run("ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000:duration=0.5", "-c:a", "pcm_s16le", wav);
        Assert.Contains("LIST"u8.ToArray(), Chunks(File.ReadAllBytes(wav)));

        Assert.Equal(WavReadStatus.Ok, WavReader.TryDecode(File.ReadAllBytes(wav), Minute, out short[] samples, out _));
        Assert.Equal(SoxDecode(wav), samples);
    }

    [Theory]
    [InlineData(new[] { "-r", "8000", "-e", "signed", "-b", "16", "-c", "2" }, WavReadStatus.UnsupportedChannels)]
    [InlineData(new[] { "-r", "44100", "-e", "signed", "-b", "16", "-c", "1" }, WavReadStatus.UnsupportedSampleRate)]
    [InlineData(new[] { "-r", "8000", "-e", "signed", "-b", "24", "-c", "1" }, WavReadStatus.UnsupportedBitsPerSample)]
    [InlineData(new[] { "-r", "8000", "-e", "floating-point", "-b", "32", "-c", "1" }, WavReadStatus.UnsupportedEncoding)]
    [InlineData(new[] { "-r", "8000", "-e", "ima-adpcm", "-c", "1" }, WavReadStatus.UnsupportedEncoding)]
    [InlineData(new[] { "-r", "8000", "-e", "gsm-full-rate", "-c", "1" }, WavReadStatus.UnsupportedEncoding)]
    public void SoxFile_InAnUnsupportedFormat_IsRefusedWithTheReason(string[] format, WavReadStatus expected)
    {
        string wav = Sox("refused.wav", format);

        Assert.Equal(expected, WavReader.Validate(wav, Minute, out var info));
        Assert.Equal(expected, WavReader.TryDecode(File.ReadAllBytes(wav), Minute, out short[] samples, out _));
        Assert.Empty(samples);
        Assert.Equal(int.Parse(format[1], System.Globalization.CultureInfo.InvariantCulture), info.SampleRate);
    }

    [Fact]
    public void Extensible_WithAPcmSubFormat_Decodes()
    {
        byte[] plain = File.ReadAllBytes(Sox("plain.wav", "-r", "8000", "-e", "signed", "-b", "16", "-c", "1"));
        byte[] extensible = ToExtensible(plain);

        Assert.Equal(WavReadStatus.Ok, WavReader.TryDecode(extensible, Minute, out short[] samples, out var info));
        Assert.Equal(WavReader.FormatPcm, info.FormatTag);
        WavReader.TryDecode(plain, Minute, out short[] expected, out _);
        Assert.Equal(expected, samples);
    }

    [Fact]
    public void OddSizedChunk_IsFollowedByItsPadByte()
    {
        byte[] plain = File.ReadAllBytes(Sox("plain.wav", "-r", "8000", "-e", "mu-law", "-c", "1"));
        int data = IndexOfChunk(plain, "data"u8);
        byte[] odd = [.. "junk"u8, 3, 0, 0, 0, 1, 2, 3, 0xEE];
        byte[] padded = [.. plain.AsSpan(0, data), .. odd, .. plain.AsSpan(data)];

        Assert.Equal(WavReadStatus.Ok, WavReader.TryDecode(padded, Minute, out short[] samples, out _));
        WavReader.TryDecode(plain, Minute, out short[] expected, out _);
        Assert.Equal(expected, samples);
    }

    [Fact]
    public void CutFile_IsTruncated()
    {
        byte[] file = File.ReadAllBytes(Sox("cut.wav", "-r", "8000", "-e", "signed", "-b", "16", "-c", "1"));
        Assert.Equal(WavReadStatus.Truncated, WavReader.Validate(file.AsSpan(0, file.Length - 100), Minute, out _));
    }

    [Fact]
    public void HugeDeclaredChunkSizes_AreTruncatedAndNotAllocated()
    {
        byte[] file = File.ReadAllBytes(Sox("huge.wav", "-r", "8000", "-e", "signed", "-b", "16", "-c", "1"));
        int data = IndexOfChunk(file, "data"u8);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(data + 4), uint.MaxValue);
        Assert.Equal(WavReadStatus.Truncated, WavReader.TryDecode(file, Minute, out _, out _));

        int fmt = IndexOfChunk(file, "fmt "u8);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(fmt + 4), 0x7FFFFFF0);
        Assert.Equal(WavReadStatus.Truncated, WavReader.Validate(file, Minute, out _));
    }

    [Fact]
    public void HandCorruptedHeaders_AreRefusedWithTheReason()
    {
        byte[] good = File.ReadAllBytes(Sox("good.wav", "-r", "8000", "-e", "signed", "-b", "16", "-c", "1"));
        int fmt = IndexOfChunk(good, "fmt "u8);
        int data = IndexOfChunk(good, "data"u8);

        Assert.Equal(WavReadStatus.NotWave, WavReader.Validate([], Minute, out _));
        Assert.Equal(WavReadStatus.NotWave, WavReader.Validate("RIFX\0\0\0\0WAVE"u8, Minute, out _));
        Assert.Equal(WavReadStatus.NotWave, WavReader.Validate(Patched(good, 8, "AVI "u8), Minute, out _));
        Assert.Equal(WavReadStatus.NoFormatChunk, WavReader.Validate(Patched(good, fmt, "xxxx"u8), Minute, out _));
        Assert.Equal(WavReadStatus.NoDataChunk, WavReader.Validate(Patched(good, data, "xxxx"u8), Minute, out _));
        Assert.Equal(WavReadStatus.CorruptFormat, WavReader.Validate(Patched(good, fmt + 8 + 12, [4, 0]), Minute, out _));
        Assert.Equal(WavReadStatus.CorruptFormat, WavReader.Validate(Patched(good, fmt + 4, [8, 0, 0, 0]), Minute, out _));
        byte[] headerOnly = good.AsSpan(0, data + 8).ToArray();
        Assert.Equal(WavReadStatus.NoAudio, WavReader.Validate(Patched(headerOnly, data + 4, [0, 0, 0, 0]), Minute, out _));
    }

    [Fact]
    public void LongerThanTheLimit_IsTooLong_AndABigFileIsNotRead()
    {
        string wav = Sox("long.wav", "-r", "8000", "-e", "signed", "-b", "16", "-c", "1");
        Assert.Equal(WavReadStatus.TooLong, WavReader.Validate(wav, TimeSpan.FromMilliseconds(400), out var info));
        Assert.Equal(TimeSpan.FromMilliseconds(500), info.Duration);
        Assert.Equal(WavReadStatus.Ok, WavReader.Validate(wav, TimeSpan.FromMilliseconds(500), out _));

        // A file bigger than the limit could need is refused from its size, before it is read.
        string big = _dir.File("big.bin");
        File.WriteAllBytes(big, new byte[WavReader.MaxFileBytes(TimeSpan.FromSeconds(1)) + 1]);
        Assert.Equal(WavReadStatus.TooLong, WavReader.TryReadFile(big, TimeSpan.FromSeconds(1), out byte[] bytes));
        Assert.Empty(bytes);
    }

    [Fact]
    public void MissingFile_IsFileNotFound()
    {
        Assert.Equal(WavReadStatus.FileNotFound, WavReader.Validate(_dir.File("none.wav"), Minute, out _));
        Assert.Equal(WavReadStatus.FileNotFound, WavReader.Validate(_dir.File("no/such/dir.wav"), Minute, out _));
    }

    [Fact]
    public void RandomlyCorruptedFiles_NeverThrow()
    {
        byte[] good = File.ReadAllBytes(Sox("fuzz.wav", "-r", "8000", "-e", "a-law", "-c", "1"));
        var random = new Random(4);
        for (int i = 0; i < 2000; i++)
        {
            byte[] file = good.AsSpan(0, random.Next(good.Length + 1)).ToArray();
            for (int flips = random.Next(1, 6); flips > 0 && file.Length > 0; flips--)
            {
                file[random.Next(Math.Min(file.Length, 80))] = (byte)random.Next(256);
            }

            var status = WavReader.TryDecode(file, Minute, out short[] samples, out var info);
            Assert.Equal(status == WavReadStatus.Ok ? info.SampleCount : 0, samples.Length);
        }
    }

    internal static int IndexOfChunk(byte[] file, ReadOnlySpan<byte> id) => file.AsSpan().IndexOf(id);

    private static byte[] Patched(byte[] file, int offset, ReadOnlySpan<byte> bytes)
    {
        byte[] copy = (byte[])file.Clone();
        bytes.CopyTo(copy.AsSpan(offset));
        return copy;
    }

    private static List<byte[]> Chunks(byte[] file)
    {
        var ids = new List<byte[]>();
        for (int p = 12; p + 8 <= file.Length;)
        {
            ids.Add(file.AsSpan(p, 4).ToArray());
            int size = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(p + 4));
            p += 8 + size + (size & 1);
        }

        return ids;
    }

    // Rewrites a plain 16-byte PCM fmt chunk as a 40-byte WAVE_FORMAT_EXTENSIBLE one with the PCM sub-format GUID.
    private static byte[] ToExtensible(byte[] plain)
    {
        int fmt = IndexOfChunk(plain, "fmt "u8);
        int size = BinaryPrimitives.ReadInt32LittleEndian(plain.AsSpan(fmt + 4));
        byte[] body = new byte[40];
        plain.AsSpan(fmt + 8, 16).CopyTo(body);
        BinaryPrimitives.WriteUInt16LittleEndian(body, WavReader.FormatExtensible);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), 16);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), 4);
        byte[] guid = [1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71];
        guid.CopyTo(body, 24);
        byte[] header = [.. "fmt "u8, 40, 0, 0, 0];
        return [.. plain.AsSpan(0, fmt), .. header, .. body, .. plain.AsSpan(fmt + 8 + size)];
    }

    private string Sox(string name, params string[] format)
    {
        string path = _dir.File(name);
        ExternalTool.Run("sox", ["-n", .. format, path, "synth", "0.5", "sine", "300-3000", "vol", "0.7"]);
        return path;
    }

    private short[] SoxDecode(string wav)
    {
        string raw = _dir.File(Path.GetFileNameWithoutExtension(wav) + ".raw");
        ExternalTool.Run("sox", wav, "-t", "raw", "-e", "signed", "-b", "16", raw);
        return ExternalTool.ReadRawPcm(raw);
    }
}
