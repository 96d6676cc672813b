namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Produces audio one frame at a time for an endpoint to send: a prompt player, music on hold, a tone, a conference mix,
/// an echo. Read on the media clock's thread, once per tick, so it must not block or allocate on its steady path.
/// </summary>
public interface IAudioSource
{
    /// <summary>Fills <paramref name="frame"/> with the next 20 ms.</summary>
    /// <param name="frame">Exactly <see cref="Clock.MediaFrame.Samples"/>(<paramref name="sampleRate"/>) samples.</param>
    /// <param name="sampleRate">The rate the reader wants (8000 or 16000); the source converts if its own differs.</param>
    /// <returns>
    /// False once the source has nothing more to play (a finished prompt queue); <paramref name="frame"/> then holds
    /// silence. Endless sources (tones, music on hold, a mix) always return true.
    /// </returns>
    bool Read(Span<short> frame, int sampleRate);
}
