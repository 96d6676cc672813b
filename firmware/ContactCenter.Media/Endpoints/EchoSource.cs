namespace ContactCenter.Media.Endpoints;

/// <summary>
/// The echo test (<c>*43</c>): set as both the sink and the source of one endpoint, it plays back what the caller
/// said one frame later. The endpoint writes the received frame in the Receive phase and reads it in the Send phase
/// of the next tick, so the caller hears their own voice after one frame plus both jitter paths: the delay a real echo
/// test measures. The endpoint writes and reads at its codec's rate, so nothing is resampled. Used on the media clock's
/// thread only; no allocation.
/// </summary>
public sealed class EchoSource : IAudioSink, IAudioSource
{
    private readonly short[] _pending = new short[Clock.MediaFrame.MaxSamples];
    private readonly short[] _ready = new short[Clock.MediaFrame.MaxSamples];
    private int _pendingLength;
    private int _readyLength;

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<short> frame, int sampleRate)
    {
        frame.CopyTo(_pending);
        _pendingLength = frame.Length;
    }

    /// <summary>Returns the frame written in the previous tick (silence before the first, or when the rate differs).</summary>
    /// <inheritdoc/>
    public bool Read(Span<short> frame, int sampleRate)
    {
        if (_readyLength == frame.Length)
        {
            _ready.AsSpan(0, _readyLength).CopyTo(frame);
        }
        else
        {
            frame.Clear();
        }

        // What was written during this tick's Receive phase is played next tick: one frame of delay, as promised.
        _pending.AsSpan(0, _pendingLength).CopyTo(_ready);
        _readyLength = _pendingLength;
        _pendingLength = 0;
        return true;
    }
}
