using System.Buffers.Binary;
using System.Text;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// 8 kHz mono 16-bit PCM WAV files, the format baresip 1.0.0's <c>aufile</c> source requires for G.711 calls: the tones
/// agents send, and the analysis of what its <c>sndfile</c> filter recorded from the peer.
/// </summary>
public static class WaveFile
{
    /// <summary>The sample rate of narrow-band (G.711) calls.</summary>
    public const int SampleRate = 8000;

    /// <summary>Samples in one 20 ms frame (one RTP packet at ptime 20).</summary>
    public const int FrameSamples = SampleRate / 50;

    // Well above G.711 idle noise and dither, well below a -12 dBFS tone's RMS (about 5800).
    private const double LoudFrameRms = 1000;
    private const int HeaderBytes = 44;

    /// <summary>Writes a sine tone of <paramref name="hertz"/> at about -12 dBFS lasting <paramref name="duration"/>.</summary>
    public static void WriteTone(string path, int hertz, TimeSpan duration)
    {
        var samples = (int)(duration.TotalSeconds * SampleRate);
        var bytes = new byte[HeaderBytes + (samples * 2)];
        WriteHeader(bytes, samples);
        for (var i = 0; i < samples; i++)
        {
            var value = (short)Math.Round(8192 * Math.Sin(2 * Math.PI * hertz * i / SampleRate));
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(HeaderBytes + (i * 2)), value);
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>
    /// The size in bytes a 16-bit mono recording of <paramref name="duration"/> reaches (header included), to watch a
    /// recording grow.
    /// </summary>
    public static long BytesFor(TimeSpan duration) => HeaderBytes + ((long)(duration.TotalSeconds * SampleRate) * 2);

    /// <summary>
    /// Reads a 16-bit mono recording. The data chunk is taken to the end of the file whatever its header says, since a
    /// recording still open has not had its sizes written yet.
    /// </summary>
    public static AudioSummary Analyse(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var samples = Samples(bytes, path);
        var frames = samples.Length / FrameSamples;
        var loud = 0;
        var crossings = 0;
        for (var f = 0; f < frames; f++)
        {
            var frame = samples.AsSpan(f * FrameSamples, FrameSamples);
            if (Rms(frame) < LoudFrameRms)
            {
                continue;
            }

            loud++;
            for (var i = 1; i < frame.Length; i++)
            {
                if ((frame[i - 1] < 0) != (frame[i] < 0))
                {
                    crossings++;
                }
            }
        }

        // A sine crosses zero twice a period; counted within loud frames only (FrameSamples - 1 intervals each), so
        // silence and the joins between frames do not dilute it.
        var loudSeconds = (double)loud * (FrameSamples - 1) / SampleRate;
        var dominant = loud == 0 ? 0 : crossings / 2.0 / loudSeconds;
        return new AudioSummary(frames, loud, dominant);
    }

    /// <summary>The samples of a 16-bit mono WAV file (a recording still open included, see <see cref="Analyse"/>).</summary>
    public static short[] ReadSamples(string path) => Samples(File.ReadAllBytes(path), path);

    /// <summary>Writes 16-bit mono samples at <see cref="SampleRate"/> as a WAV file.</summary>
    public static void Write(string path, ReadOnlySpan<short> samples)
    {
        var bytes = new byte[HeaderBytes + (samples.Length * 2)];
        WriteHeader(bytes, samples.Length);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(HeaderBytes + (i * 2)), samples[i]);
        }

        File.WriteAllBytes(path, bytes);
    }

    private static short[] Samples(byte[] bytes, string path)
    {
        if (bytes.Length < 12 || Encoding.ASCII.GetString(bytes, 0, 4) != "RIFF" || Encoding.ASCII.GetString(bytes, 8, 4) != "WAVE")
        {
            throw new InvalidDataException($"{path} is not a WAV file ({bytes.Length} bytes)");
        }

        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = Encoding.ASCII.GetString(bytes, offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4));
            if (id == "data")
            {
                var data = bytes.AsSpan(offset + 8);
                var samples = new short[data.Length / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(i * 2)..]);
                }

                return samples;
            }

            offset += 8 + size + (size & 1);
        }

        return [];
    }

    private static double Rms(ReadOnlySpan<short> frame)
    {
        double sum = 0;
        foreach (var sample in frame)
        {
            sum += (double)sample * sample;
        }

        return Math.Sqrt(sum / frame.Length);
    }

    private static void WriteHeader(Span<byte> bytes, int samples)
    {
        Encoding.ASCII.GetBytes("RIFF").CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[4..], 36 + (samples * 2));
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(bytes[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(bytes[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(bytes[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[28..], SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes[34..], 16);
        Encoding.ASCII.GetBytes("data").CopyTo(bytes[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[40..], samples * 2);
    }
}
