using ContactCenter.Media.Clock;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// One caller's view of a shared <see cref="MusicOnHold"/>: an endpoint's <see cref="IAudioSource"/> that returns the
/// music's current frame, converted to the rate the endpoint reads. Dispose it when the caller leaves hold (after
/// swapping the endpoint's source); it then reads silence.
/// </summary>
public sealed class MusicOnHoldListener : IAudioSource, IDisposable
{
    private readonly MusicOnHold _music;
    private readonly Resampler _converter;
    private Action? _release;
    private volatile bool _disposed;

    internal MusicOnHoldListener(MusicOnHold music, Action? release)
    {
        _music = music;
        _release = release;

        // The music's rate is fixed, so one converter (to the other engine rate) covers every reader.
        int rate = music.Clip.SampleRate;
        _converter = new Resampler(rate, rate == MediaFrame.NarrowbandRate ? MediaFrame.WidebandRate : MediaFrame.NarrowbandRate);
    }

    /// <summary>The music heard.</summary>
    public MusicOnHold Music => _music;

    /// <inheritdoc/>
    public bool Read(Span<short> frame, int sampleRate)
    {
        if (_disposed)
        {
            frame.Clear();
            return false;
        }

        var current = _music.CurrentFrame;
        if (sampleRate == _music.Clip.SampleRate)
        {
            current.CopyTo(frame);
        }
        else
        {
            _converter.Process(current, frame);
        }

        return true;
    }

    /// <summary>Leaves the music; the last listener to leave a shared instance takes it off the clock.</summary>
    public void Dispose()
    {
        _disposed = true;
        Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
