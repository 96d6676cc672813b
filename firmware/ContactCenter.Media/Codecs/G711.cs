using System.Numerics;

namespace ContactCenter.Media.Codecs;

/// <summary>
/// ITU-T G.711 companding of 16-bit linear samples, one sample at a time. Encoding follows the segment definitions of
/// G.711 tables 1a/2a (µ-law on 14 bits with a bias of 33, A-law on 13 bits); decoding uses a 256-entry table per law,
/// built once, that returns each code's segment midpoint.
/// </summary>
public static class G711
{
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635;
    private static readonly short[] MuLawTable = BuildTable(DecodeMuLawSlow);
    private static readonly short[] ALawTable = BuildTable(DecodeALawSlow);

    /// <summary>Encodes one sample to µ-law.</summary>
    /// <param name="sample">A 16-bit linear sample.</param>
    /// <returns>The µ-law code (bits inverted as transmitted).</returns>
    public static byte EncodeMuLaw(short sample)
    {
        int s = sample;
        int sign = (s >> 8) & 0x80;
        if (sign != 0)
        {
            s = -s;
        }

        s = Math.Min(s, MuLawClip) + MuLawBias;

        // The segment is the position of the highest set bit above the 8-bit base (bias 0x84 sets bit 7).
        int exponent = BitOperations.Log2((uint)s) - 7;
        int mantissa = (s >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    /// <summary>Encodes one sample to A-law.</summary>
    /// <param name="sample">A 16-bit linear sample.</param>
    /// <returns>The A-law code (even bits inverted as transmitted).</returns>
    public static byte EncodeALaw(short sample)
    {
        int s = sample;
        int mask;
        if (s >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            s = -s - 1;
        }

        // 13-bit magnitude; segment 0 and 1 share a 16-step resolution, each further segment doubles it.
        int segment = s < 0x100 ? 0 : BitOperations.Log2((uint)s) - 7;
        int code = segment == 0 ? (s >> 4) & 0x0F : (segment << 4) | ((s >> (segment + 3)) & 0x0F);
        return (byte)(code ^ mask);
    }

    /// <summary>Decodes one µ-law code.</summary>
    /// <param name="code">A µ-law byte as transmitted.</param>
    /// <returns>The 16-bit linear sample.</returns>
    public static short DecodeMuLaw(byte code) => MuLawTable[code];

    /// <summary>Decodes one A-law code.</summary>
    /// <param name="code">An A-law byte as transmitted.</param>
    /// <returns>The 16-bit linear sample.</returns>
    public static short DecodeALaw(byte code) => ALawTable[code];

    /// <summary>Expands a run of codes into <paramref name="samples"/>, one sample per code (an RTP payload, a WAVE file's data).</summary>
    internal static void Decode(ReadOnlySpan<byte> codes, G711Law law, Span<short> samples)
    {
        var table = law == G711Law.MuLaw ? MuLawTable : ALawTable;
        for (int i = 0; i < codes.Length; i++)
        {
            samples[i] = table[codes[i]];
        }
    }

    private static short[] BuildTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = decode((byte)i);
        }

        return table;
    }

    private static short DecodeMuLawSlow(byte code)
    {
        int u = ~code & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int magnitude = ((((u & 0x0F) << 3) + MuLawBias) << exponent) - MuLawBias;
        return (short)((u & 0x80) != 0 ? -magnitude : magnitude);
    }

    private static short DecodeALawSlow(byte code)
    {
        int a = code ^ 0x55;
        int segment = (a >> 4) & 0x07;
        int magnitude = ((a & 0x0F) << 4) + 8;
        if (segment != 0)
        {
            magnitude = (magnitude + 0x100) << (segment - 1);
        }

        return (short)((a & 0x80) != 0 ? magnitude : -magnitude);
    }
}
