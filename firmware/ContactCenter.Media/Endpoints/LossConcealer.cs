namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Fills the frames a jitter buffer reports missing, so a sink never sees a gap (IAudioSink): the last good frame is
/// repeated at half, then a quarter of its level, then silence. Repeating a 20 ms frame once or twice hides a single
/// loss far better than a click of silence, and fading out keeps a longer outage from buzzing (the simplest form of
/// the repetition schemes in ITU-T G.711 Appendix I). Not thread-safe: the media clock's thread. No allocation.
/// </summary>
internal sealed class LossConcealer
{
    private const int RepeatedFrames = 2;
    private readonly short[] _last = new short[Clock.MediaFrame.MaxSamples];
    private int _lastLength;
    private int _missing;

    /// <summary>Remembers a good frame.</summary>
    public void Good(ReadOnlySpan<short> frame)
    {
        frame.CopyTo(_last);
        _lastLength = frame.Length;
        _missing = 0;
    }

    /// <summary>Writes the concealment for one missing frame into <paramref name="frame"/>.</summary>
    public void Conceal(Span<short> frame)
    {
        _missing++;
        if (_missing > RepeatedFrames || _lastLength != frame.Length)
        {
            frame.Clear();
            return;
        }

        int shift = _missing;
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)(_last[i] >> shift);
        }
    }
}
