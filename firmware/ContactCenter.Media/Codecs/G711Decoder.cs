namespace ContactCenter.Media.Codecs;

/// <summary>A G.711 decoder; stateless.</summary>
internal sealed class G711Decoder(AudioCodec codec, G711Law law) : IAudioDecoder
{
    public AudioCodec Codec { get; } = codec;

    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        int count = Math.Min(pcm.Length, payload.Length);
        if (law == G711Law.MuLaw)
        {
            for (int i = 0; i < count; i++)
            {
                pcm[i] = G711.DecodeMuLaw(payload[i]);
            }
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                pcm[i] = G711.DecodeALaw(payload[i]);
            }
        }

        return count;
    }
}
