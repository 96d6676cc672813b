namespace ContactCenter.Media.Codecs;

/// <summary>
/// A G.722 encoder at 64 kbit/s (ITU-T G.722 mode 1): the transmit QMF splits each pair of 16 kHz samples into two
/// sub-band samples, the lower one is coded on 6 bits and the higher one on 2 bits by ADPCM, and the octet carries
/// the higher band's code in its two most significant bits, as G.722's multiplexer forms it (RFC 3551 §4.5.2 puts
/// the octets in the payload in order). 320 samples make 160 octets. Keeps its state from frame to frame: one encoder
/// per sending stream.
/// </summary>
internal sealed class G722Encoder(AudioCodec codec) : IAudioEncoder
{
    private readonly G722QmfAnalysis _qmf = new();
    private readonly G722Band _lower = new(G722LowerBand.MaxLogScale, G722LowerBand.ScaleExponentOffset);
    private readonly G722Band _higher = new(G722HigherBand.MaxLogScale, G722HigherBand.ScaleExponentOffset);

    public AudioCodec Codec { get; } = codec;

    /// <summary>Encodes sample pairs; a trailing odd sample is not encoded (frames are always even).</summary>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        int count = Math.Min(pcm.Length / 2, payload.Length);
        for (int i = 0; i < count; i++)
        {
            (int lower, int higher) = _qmf.Split(pcm[2 * i], pcm[(2 * i) + 1]);
            int lowerCode = EncodeLower(lower);
            int higherCode = EncodeHigher(higher);
            payload[i] = (byte)((higherCode << 6) | lowerCode);
        }

        return count;
    }

    private int EncodeLower(int sample)
    {
        int error = G722Fixed.Add(sample, -_lower.Prediction);
        int code = G722LowerBand.Quantise(error, _lower.Scale);
        _lower.Adapt(G722LowerBand.Difference4(code, _lower.Scale), G722LowerBand.LogScaleStep(code));
        return code;
    }

    private int EncodeHigher(int sample)
    {
        int error = G722Fixed.Add(sample, -_higher.Prediction);
        int code = G722HigherBand.Quantise(error, _higher.Scale);
        _higher.Adapt(G722HigherBand.Difference(code, _higher.Scale), G722HigherBand.LogScaleStep(code));
        return code;
    }
}
