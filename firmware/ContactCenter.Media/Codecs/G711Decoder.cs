namespace ContactCenter.Media.Codecs;

/// <summary>A G.711 decoder; stateless.</summary>
internal sealed class G711Decoder(AudioCodec codec, G711Law law) : IAudioDecoder
{
    public AudioCodec Codec { get; } = codec;

    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        int count = Math.Min(pcm.Length, payload.Length);
        G711.Decode(payload[..count], law, pcm);
        return count;
    }
}
