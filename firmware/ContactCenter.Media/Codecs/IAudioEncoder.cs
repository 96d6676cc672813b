namespace ContactCenter.Media.Codecs;

/// <summary>
/// Encodes one 20 ms frame of linear PCM into an RTP payload. Stateful codecs (G.722) keep their state per stream: one
/// encoder per sending endpoint. Called on the media clock's thread; no allocation.
/// </summary>
public interface IAudioEncoder
{
    /// <summary>The codec this encoder produces.</summary>
    AudioCodec Codec { get; }

    /// <summary>Encodes <paramref name="pcm"/> at <see cref="AudioCodec.SampleRate"/>.</summary>
    /// <param name="pcm">One frame at the codec's sample rate.</param>
    /// <param name="payload">Room for at least <see cref="AudioCodec.PayloadBytesPerFrame"/> bytes.</param>
    /// <returns>The number of payload bytes written.</returns>
    int Encode(ReadOnlySpan<short> pcm, Span<byte> payload);
}
