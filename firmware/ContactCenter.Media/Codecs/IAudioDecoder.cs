namespace ContactCenter.Media.Codecs;

/// <summary>
/// Decodes RTP payloads to linear PCM at <see cref="AudioCodec.SampleRate"/>. Stateful codecs keep their state per
/// stream: one decoder per receiving endpoint. Called on the media clock's thread; no allocation.
/// </summary>
public interface IAudioDecoder
{
    /// <summary>The codec this decoder reads.</summary>
    AudioCodec Codec { get; }

    /// <summary>Decodes <paramref name="payload"/>.</summary>
    /// <param name="payload">An RTP payload of this codec; any length (a peer may packetise at another ptime).</param>
    /// <param name="pcm">Room for the decoded samples.</param>
    /// <returns>The number of samples written; never more than <paramref name="pcm"/> holds.</returns>
    int Decode(ReadOnlySpan<byte> payload, Span<short> pcm);
}
