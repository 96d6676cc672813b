namespace ContactCenter.Media.Codecs;

/// <summary>
/// A G.722 decoder at 64 kbit/s (ITU-T G.722 mode 1): each octet gives a 6-bit lower and a 2-bit higher sub-band code;
/// the lower band outputs the 6-bit reconstruction while its predictor adapts on the 4-bit one, exactly as the encoder
/// did, and the receive QMF turns the two sub-band samples into two 16 kHz samples. Keeps its state from packet to
/// packet: one decoder per receiving stream.
/// </summary>
internal sealed class G722Decoder(AudioCodec codec) : IAudioDecoder
{
    // G.722 block LIMIT: the reconstructed sub-band signals stay within 15 bits.
    private const int ReconstructedMin = -16384;
    private const int ReconstructedMax = 16383;

    private readonly G722QmfSynthesis _qmf = new();
    private readonly G722Band _lower = new(G722LowerBand.MaxLogScale, G722LowerBand.ScaleExponentOffset);
    private readonly G722Band _higher = new(G722HigherBand.MaxLogScale, G722HigherBand.ScaleExponentOffset);

    public AudioCodec Codec { get; } = codec;

    /// <summary>Decodes whole octets, two samples each, as many as <paramref name="pcm"/> has room for.</summary>
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        int count = Math.Min(payload.Length, pcm.Length / 2);
        for (int i = 0; i < count; i++)
        {
            int lower = DecodeLower(payload[i] & 0x3F);
            int higher = DecodeHigher(payload[i] >> 6);
            (pcm[2 * i], pcm[(2 * i) + 1]) = _qmf.Merge(lower, higher);
        }

        return 2 * count;
    }

    private static int Limit(int value) => Math.Clamp(value, ReconstructedMin, ReconstructedMax);

    private int DecodeLower(int code)
    {
        int output = Limit(G722Fixed.Add(_lower.Prediction, G722LowerBand.Difference6(code, _lower.Scale)));
        _lower.Adapt(G722LowerBand.Difference4(code, _lower.Scale), G722LowerBand.LogScaleStep(code));
        return output;
    }

    private int DecodeHigher(int code)
    {
        int difference = G722HigherBand.Difference(code, _higher.Scale);
        int output = Limit(G722Fixed.Add(_higher.Prediction, difference));
        _higher.Adapt(difference, G722HigherBand.LogScaleStep(code));
        return output;
    }
}
