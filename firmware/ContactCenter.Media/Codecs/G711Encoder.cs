namespace ContactCenter.Media.Codecs;

/// <summary>A G.711 encoder; stateless, so one instance could serve several streams.</summary>
internal sealed class G711Encoder(AudioCodec codec, G711Law law) : IAudioEncoder
{
    public AudioCodec Codec { get; } = codec;

    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        int count = Math.Min(pcm.Length, payload.Length);
        if (law == G711Law.MuLaw)
        {
            for (int i = 0; i < count; i++)
            {
                payload[i] = G711.EncodeMuLaw(pcm[i]);
            }
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                payload[i] = G711.EncodeALaw(pcm[i]);
            }
        }

        return count;
    }
}
