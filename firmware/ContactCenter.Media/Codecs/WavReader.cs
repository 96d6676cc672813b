using System.Buffers.Binary;
using ContactCenter.Media.Clock;

namespace ContactCenter.Media.Codecs;

/// <summary>
/// Reads RIFF/WAVE files (Microsoft/IBM "Multimedia Programming Interface and Data Specifications 1.0", §3 RIFF and
/// the WAVE form) into 16-bit linear samples: mono, 8 or 16 kHz, 16-bit or 8-bit PCM, µ-law or A-law (also inside
/// WAVE_FORMAT_EXTENSIBLE). Every problem with the file is a <see cref="WavReadStatus"/>, never an exception.
/// </summary>
/// <remarks>
/// <para>
/// This is also the validator for uploaded recordings: call <see cref="Validate(ReadOnlySpan{byte}, TimeSpan, out WavInfo)"/>
/// on the upload (or <see cref="Validate(string, TimeSpan, out WavInfo)"/> on a stored file) and accept it only on
/// <see cref="WavReadStatus.Ok"/>; <see cref="WavInfo"/> then gives its duration, and after a refusal what was wrong.
/// A file that validates decodes with <see cref="TryDecode"/>.
/// </para>
/// <para>
/// Tolerated: unknown chunks (LIST, fact, cue, bext …) are skipped, odd-sized chunks are followed by their pad byte
/// (RIFF §3), the RIFF size field is not trusted (writers that stream or crash leave it stale) and nothing after the
/// data chunk is read, so a file whose header was last patched before a crash plays up to that point.
/// Refused: a data or other chunk that declares more bytes than the file holds (including the 0xFFFFFFFF "unknown
/// length" some streaming writers leave), so a cut upload is reported rather than played short.
/// </para>
/// </remarks>
public static class WavReader
{
    /// <summary>WAVE_FORMAT_PCM.</summary>
    public const int FormatPcm = 1;

    /// <summary>WAVE_FORMAT_ALAW.</summary>
    public const int FormatALaw = 6;

    /// <summary>WAVE_FORMAT_MULAW.</summary>
    public const int FormatMuLaw = 7;

    /// <summary>WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.</summary>
    public const int FormatExtensible = 0xFFFE;

    private const int RiffHeaderBytes = 12;
    private const int ChunkHeaderBytes = 8;
    private const int FormatBytes = 16;
    private const int ExtensibleBytes = 40;

    // Room for header and metadata chunks (LIST, bext, cue) in a file that is allowed to be read at all.
    private const long MetadataAllowanceBytes = 1 << 20;

    // KSDATAFORMAT_SUBTYPE_* GUIDs are the format tag followed by these 14 bytes (mmreg.h, WAVEFORMATEXTENSIBLE).
    private static ReadOnlySpan<byte> SubFormatSuffix => [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Checks that <paramref name="file"/> is a WAVE file the engine can play, without decoding it.</summary>
    /// <param name="file">The whole file.</param>
    /// <param name="maxDuration">The longest audio accepted.</param>
    /// <param name="info">What the file declares; complete on success.</param>
    /// <returns><see cref="WavReadStatus.Ok"/> or the first problem found.</returns>
    public static WavReadStatus Validate(ReadOnlySpan<byte> file, TimeSpan maxDuration, out WavInfo info) =>
        Parse(file, maxDuration, out info, out _);

    /// <summary>
    /// Checks the file at <paramref name="path"/> like <see cref="Validate(ReadOnlySpan{byte}, TimeSpan, out WavInfo)"/>,
    /// refusing a file larger than <paramref name="maxDuration"/> could need before reading it. Reads on the calling
    /// thread; I/O failures other than a missing file are exceptions.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="maxDuration">The longest audio accepted.</param>
    /// <param name="info">What the file declares.</param>
    /// <returns><see cref="WavReadStatus.Ok"/> or the first problem found.</returns>
    public static WavReadStatus Validate(string path, TimeSpan maxDuration, out WavInfo info)
    {
        var status = TryReadFile(path, maxDuration, out byte[] file);
        if (status != WavReadStatus.Ok)
        {
            info = default;
            return status;
        }

        return Validate(file, maxDuration, out info);
    }

    /// <summary>Decodes <paramref name="file"/> into 16-bit linear samples at the file's own rate.</summary>
    /// <param name="file">The whole file.</param>
    /// <param name="maxDuration">The longest audio accepted.</param>
    /// <param name="samples">The mono samples; empty unless the result is <see cref="WavReadStatus.Ok"/>.</param>
    /// <param name="info">What the file declares.</param>
    /// <returns><see cref="WavReadStatus.Ok"/> or the first problem found.</returns>
    public static WavReadStatus TryDecode(ReadOnlySpan<byte> file, TimeSpan maxDuration, out short[] samples, out WavInfo info)
    {
        var status = Parse(file, maxDuration, out info, out int dataOffset);
        if (status != WavReadStatus.Ok)
        {
            samples = [];
            return status;
        }

        samples = new short[info.SampleCount];
        Expand(file.Slice(dataOffset, (int)(info.SampleCount * (info.BitsPerSample / 8))), info.Encoding, samples);
        return WavReadStatus.Ok;
    }

    /// <summary>
    /// Reads <paramref name="path"/> whole on the calling thread, refusing a file larger than <paramref name="maxDuration"/>
    /// of 16-bit audio plus 1 MiB of metadata could be.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="maxDuration">The longest audio the caller accepts.</param>
    /// <param name="file">The bytes; empty unless <see cref="WavReadStatus.Ok"/>.</param>
    /// <returns><see cref="WavReadStatus.Ok"/>, <see cref="WavReadStatus.FileNotFound"/> or <see cref="WavReadStatus.TooLong"/>.</returns>
    public static WavReadStatus TryReadFile(string path, TimeSpan maxDuration, out byte[] file)
    {
        file = [];
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (stream.Length > MaxFileBytes(maxDuration))
            {
                return WavReadStatus.TooLong;
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            file = bytes;
            return WavReadStatus.Ok;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return WavReadStatus.FileNotFound;
        }
    }

    /// <summary>The largest file that can hold <paramref name="maxDuration"/> of audio in an accepted format.</summary>
    /// <param name="maxDuration">The longest audio accepted.</param>
    /// <returns>Bytes: 16-bit samples at 16 kHz for the duration, plus 1 MiB of header and metadata.</returns>
    public static long MaxFileBytes(TimeSpan maxDuration) =>
        (long)(Math.Max(0, maxDuration.TotalSeconds) * MediaFrame.WidebandRate * 2) + MetadataAllowanceBytes;

    private static WavReadStatus Parse(ReadOnlySpan<byte> file, TimeSpan maxDuration, out WavInfo info, out int dataOffset)
    {
        info = default;
        dataOffset = 0;
        if (file.Length < RiffHeaderBytes || !file[..4].SequenceEqual("RIFF"u8) || !file.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return WavReadStatus.NotWave;
        }

        bool haveFormat = false;
        int dataLength = -1;
        long position = RiffHeaderBytes;
        while (position + ChunkHeaderBytes <= file.Length)
        {
            var id = file.Slice((int)position, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice((int)position + 4, 4));
            long body = position + ChunkHeaderBytes;
            if (body + size > file.Length)
            {
                return WavReadStatus.Truncated;
            }

            if (id.SequenceEqual("fmt "u8))
            {
                var status = ParseFormat(file.Slice((int)body, (int)size), out info);
                if (status != WavReadStatus.Ok)
                {
                    return status;
                }

                haveFormat = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                dataOffset = (int)body;
                dataLength = (int)size;
            }

            if (haveFormat && dataLength >= 0)
            {
                break;
            }

            // RIFF §3: a chunk with an odd size is followed by one pad byte that its size does not count.
            position = body + size + (size & 1);
        }

        if (!haveFormat)
        {
            return WavReadStatus.NoFormatChunk;
        }

        if (dataLength < 0)
        {
            return WavReadStatus.NoDataChunk;
        }

        info = info with { SampleCount = dataLength / (info.BitsPerSample / 8) };
        if (info.SampleCount == 0)
        {
            return WavReadStatus.NoAudio;
        }

        return info.Duration > maxDuration ? WavReadStatus.TooLong : WavReadStatus.Ok;
    }

    // WAVEFORMATEX: tag, channels, rate, byte rate, block align, bits; then cbSize and, for EXTENSIBLE, valid bits,
    // channel mask and the sub-format GUID.
    private static WavReadStatus ParseFormat(ReadOnlySpan<byte> chunk, out WavInfo info)
    {
        info = default;
        if (chunk.Length < FormatBytes)
        {
            return WavReadStatus.CorruptFormat;
        }

        int tag = BinaryPrimitives.ReadUInt16LittleEndian(chunk);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(chunk[2..]);
        long rate = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(chunk[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[14..]);
        if (tag == FormatExtensible)
        {
            if (chunk.Length < ExtensibleBytes || !chunk.Slice(26, 14).SequenceEqual(SubFormatSuffix))
            {
                return WavReadStatus.CorruptFormat;
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(chunk[24..]);
        }

        info = new WavInfo(tag, WavEncoding.Unsupported, channels, (int)Math.Min(rate, int.MaxValue), bits, 0);
        var encoding = (tag, bits) switch
        {
            (FormatPcm, 16) => WavEncoding.Pcm16,
            (FormatPcm, 8) => WavEncoding.Pcm8,
            (FormatMuLaw, 8) => WavEncoding.MuLaw,
            (FormatALaw, 8) => WavEncoding.ALaw,
            _ => WavEncoding.Unsupported,
        };
        if (encoding == WavEncoding.Unsupported)
        {
            return tag is FormatPcm or FormatMuLaw or FormatALaw ? WavReadStatus.UnsupportedBitsPerSample : WavReadStatus.UnsupportedEncoding;
        }

        // Compressed formats have block sizes of their own; only for these uncompressed ones is a block one sample
        // per channel.
        if (channels == 0 || blockAlign != channels * (bits / 8))
        {
            return WavReadStatus.CorruptFormat;
        }

        info = info with { Encoding = encoding };
        if (channels != 1)
        {
            return WavReadStatus.UnsupportedChannels;
        }

        return MediaFrame.IsSupportedRate(info.SampleRate) ? WavReadStatus.Ok : WavReadStatus.UnsupportedSampleRate;
    }

    private static void Expand(ReadOnlySpan<byte> data, WavEncoding encoding, Span<short> samples)
    {
        switch (encoding)
        {
            case WavEncoding.Pcm16:
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]);
                }

                break;
            case WavEncoding.Pcm8:
                // 8-bit WAVE PCM is unsigned with 128 as the zero line.
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = (short)((data[i] - 128) << 8);
                }

                break;
            case WavEncoding.MuLaw:
                G711.Decode(data, G711Law.MuLaw, samples);
                break;
            default:
                G711.Decode(data, G711Law.ALaw, samples);
                break;
        }
    }
}
