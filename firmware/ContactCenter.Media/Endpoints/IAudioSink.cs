namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Consumes the decoded audio an endpoint receives, one frame per tick: a recorder, a mixer input, an echo. Called on
/// the media clock's thread; must not block or allocate on its steady path.
/// </summary>
public interface IAudioSink
{
    /// <summary>Takes the next 20 ms; after a lost packet the endpoint passes its concealment frame, never a gap.</summary>
    /// <param name="frame">Exactly <see cref="Clock.MediaFrame.Samples"/>(<paramref name="sampleRate"/>) samples, valid only during the call.</param>
    /// <param name="sampleRate">The rate of <paramref name="frame"/> (8000 or 16000).</param>
    void Write(ReadOnlySpan<short> frame, int sampleRate);
}
