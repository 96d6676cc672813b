using System.Buffers.Binary;
using ContactCenter.Media.Clock;

namespace ContactCenter.Media.Codecs;

/// <summary>
/// Writes a mono 16-bit PCM WAVE file as a stream: a 44-byte header first, samples appended, the two size fields
/// patched by <see cref="Flush"/> and on <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// After a crash the file is a valid WAVE file holding the audio up to the last <see cref="Flush"/>: the header then
/// declares exactly the samples flushed, and any bytes appended later lie after the data chunk, where readers
/// (<see cref="WavReader"/>, sox, ffmpeg) do not look. Before the first flush the header declares no samples.
/// Not thread-safe: one writer (the recorder's background loop) owns it.
/// </remarks>
public sealed class WavWriter : IDisposable
{
    /// <summary>The size of the header this writer produces.</summary>
    public const int HeaderBytes = 44;

    // The RIFF size field is 32 bits and counts everything after itself (RIFF §3).
    private const long MaxDataBytes = uint.MaxValue - (HeaderBytes - 8) - 1;
    private const int ScratchSamples = MediaFrame.MaxSamples;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _scratch = new byte[ScratchSamples * 2];
    private bool _disposed;

    /// <summary>Starts a file on <paramref name="stream"/> (seekable, writable, positioned at the file's start).</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="sampleRate">The rate to declare (8000 or 16000).</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="stream"/> open.</param>
    public WavWriter(Stream stream, int sampleRate, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanWrite)
        {
            throw new ArgumentException("A WAVE writer needs a seekable, writable stream to patch its header.", nameof(stream));
        }

        if (!MediaFrame.IsSupportedRate(sampleRate))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The engine works at 8000 or 16000 Hz.");
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        SampleRate = sampleRate;
        Span<byte> header = stackalloc byte[HeaderBytes];
        WriteHeader(header, sampleRate, 0);
        _stream.Write(header);

        // The header reaches the file at once, so even a crash before the first flush leaves a readable (empty) file.
        _stream.Flush();
    }

    /// <summary>The declared rate.</summary>
    public int SampleRate { get; }

    /// <summary>Samples written so far (flushed or not).</summary>
    public long SampleCount { get; private set; }

    /// <summary>The length of the audio written so far.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)SampleCount / SampleRate);

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="sampleRate">The rate to declare (8000 or 16000).</param>
    /// <returns>The writer, which owns the file.</returns>
    public static WavWriter Create(string path, int sampleRate)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        try
        {
            return new WavWriter(stream, sampleRate);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Appends samples.</summary>
    /// <param name="samples">Mono samples at <see cref="SampleRate"/>.</param>
    public void Write(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if ((SampleCount + samples.Length) * 2 > MaxDataBytes)
        {
            throw new InvalidOperationException("A WAVE file holds at most 4 GiB of samples.");
        }

        while (!samples.IsEmpty)
        {
            int count = Math.Min(samples.Length, ScratchSamples);
            for (int i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(_scratch.AsSpan(2 * i), samples[i]);
            }

            _stream.Write(_scratch, 0, 2 * count);
            SampleCount += count;
            samples = samples[count..];
        }
    }

    /// <summary>Drops every sample after the first <paramref name="sampleCount"/> (trailing silence of a recording).</summary>
    /// <param name="sampleCount">How many samples to keep; at most <see cref="SampleCount"/>.</param>
    public void Truncate(long sampleCount)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleCount, SampleCount);
        SampleCount = sampleCount;
        _stream.SetLength(HeaderBytes + (2 * sampleCount));
        _stream.Seek(0, SeekOrigin.End);
    }

    /// <summary>
    /// Makes the samples written so far part of the file: patches the header's sizes, then flushes to the operating
    /// system, and to the storage device when <paramref name="toDisk"/> (so a power cut keeps them too).
    /// </summary>
    /// <param name="toDisk">Whether to wait for the device (fsync).</param>
    public void Flush(bool toDisk)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Data first, header second: if the process dies in between, the header still declares only samples that exist.
        _stream.Flush();
        PatchSizes();
        if (_stream is FileStream file)
        {
            file.Flush(toDisk);
        }
        else
        {
            _stream.Flush();
        }
    }

    /// <summary>Patches the header and closes the stream (unless left open).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            Flush(toDisk: true);
        }
        finally
        {
            _disposed = true;
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }

    private void PatchSizes()
    {
        long end = _stream.Position;
        Span<byte> size = stackalloc byte[4];
        long dataBytes = 2 * SampleCount;
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(HeaderBytes - 8 + dataBytes));
        _stream.Seek(4, SeekOrigin.Begin);
        _stream.Write(size);
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)dataBytes);
        _stream.Seek(HeaderBytes - 4, SeekOrigin.Begin);
        _stream.Write(size);
        _stream.Seek(end, SeekOrigin.Begin);
    }

    // The canonical 44-byte header: RIFF, a 16-byte WAVEFORMATEX without cbSize (PCM needs none), data.
    private static void WriteHeader(Span<byte> header, int sampleRate, uint dataBytes)
    {
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], HeaderBytes - 8 + dataBytes);
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], WavReader.FormatPcm);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(sampleRate * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], dataBytes);
    }
}
