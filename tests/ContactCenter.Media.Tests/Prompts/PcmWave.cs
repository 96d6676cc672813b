using System.Buffers.Binary;
using System.Text;

namespace ContactCenter.Media.Tests.Prompts;

/// <summary>
/// Reads the format and samples of a canonical RIFF/WAVE file (fmt + data chunks, RIFF §3, WAVEFORMAT): enough to
/// check what generate-prompts.sh wrote, independently of the engine's own reader.
/// </summary>
internal sealed record PcmWave(int FormatTag, int Channels, int SampleRate, int BitsPerSample, short[] Samples)
{
    public static PcmWave Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        if (file.Length < 12 || Encoding.ASCII.GetString(file, 0, 4) != "RIFF" || Encoding.ASCII.GetString(file, 8, 4) != "WAVE")
        {
            throw new InvalidDataException($"{path}: not a RIFF/WAVE file");
        }

        int formatTag = 0, channels = 0, rate = 0, bits = 0;
        for (int offset = 12; offset + 8 <= file.Length;)
        {
            string id = Encoding.ASCII.GetString(file, offset, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(offset + 4));
            var body = file.AsSpan(offset + 8, Math.Min(size, file.Length - offset - 8));
            if (id == "fmt ")
            {
                formatTag = BinaryPrimitives.ReadUInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
            }
            else if (id == "data")
            {
                if (body.Length != size)
                {
                    throw new InvalidDataException($"{path}: data chunk declares {size} bytes, holds {body.Length}");
                }

                var samples = new short[body.Length / 2];
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body[(2 * i)..]);
                }

                return new PcmWave(formatTag, channels, rate, bits, samples);
            }

            offset += 8 + size + (size & 1);
        }

        throw new InvalidDataException($"{path}: no data chunk");
    }
}
