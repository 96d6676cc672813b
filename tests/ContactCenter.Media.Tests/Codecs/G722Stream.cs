using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>Runs whole signals through one G.722 encoder or decoder frame by frame, as a stream would, and measures them.</summary>
internal static class G722Stream
{
    /// <summary>The delay of the transmit and receive QMFs together, in 16 kHz samples.</summary>
    public const int QmfDelay = 22;

    private const int FrameSamples = 320;
    private const int FrameBytes = 160;

    // Start-up of the adaptive quantisers and the QMF is left out of the measurement, and the lag search spans the
    // QMF's 22-sample delay with room to spare.
    private const int Skip = 1600;
    private const int MaxLag = 64;

    public static byte[] Encode(ReadOnlySpan<short> pcm)
    {
        var encoder = AudioCodec.G722.CreateEncoder();
        var payload = new byte[pcm.Length / 2];
        for (int start = 0; start < pcm.Length; start += FrameSamples)
        {
            int length = Math.Min(FrameSamples, pcm.Length - start);
            encoder.Encode(pcm.Slice(start, length), payload.AsSpan(start / 2));
        }

        return payload;
    }

    public static short[] Decode(ReadOnlySpan<byte> payload)
    {
        var decoder = AudioCodec.G722.CreateDecoder();
        var pcm = new short[payload.Length * 2];
        for (int start = 0; start < payload.Length; start += FrameBytes)
        {
            int length = Math.Min(FrameBytes, payload.Length - start);
            decoder.Decode(payload.Slice(start, length), pcm.AsSpan(2 * start));
        }

        return pcm;
    }

    /// <summary>The SNR of <paramref name="decoded"/> against <paramref name="input"/> once the codec's delay is found.</summary>
    public static double AlignedSnr(short[] input, short[] decoded, out int lag)
    {
        int length = Math.Min(input.Length, decoded.Length) - Skip - MaxLag;
        lag = SignalMath.BestLag(input.AsSpan(Skip, length), decoded.AsSpan(Skip, length + MaxLag), MaxLag);
        return SignalMath.SnrDecibels(input.AsSpan(Skip, length), decoded.AsSpan(Skip + lag, length));
    }
}
