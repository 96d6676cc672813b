using ContactCenter.Media.Clock;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// One piece of hold music, looping, shared by every caller who hears it. Ticked once per frame in the
/// <see cref="MediaClockPhase.Mix"/> phase, it copies the next 20 ms of its clip once, whatever the number of
/// listeners; each <see cref="MusicOnHoldListener"/> reads that frame in the Send phase, so a caller put on hold hears
/// the music where it is now, not from its start. Usually obtained through <see cref="MusicOnHoldLibrary"/>, which
/// shares one instance per file and takes it off the clock when its last listener leaves.
/// </summary>
public sealed class MusicOnHold : IMediaTickable
{
    private readonly short[] _frame;
    private int _position;
    private long _framesProduced;

    /// <summary>Loops <paramref name="clip"/>; register the instance with the clock in the Mix phase.</summary>
    /// <param name="clip">The music.</param>
    public MusicOnHold(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        if (clip.Length == 0)
        {
            throw new ArgumentException("Hold music needs at least one sample.", nameof(clip));
        }

        Clip = clip;
        _frame = new short[MediaFrame.Samples(clip.SampleRate)];
    }

    /// <summary>The music.</summary>
    public AudioClip Clip { get; }

    /// <summary>How many frames the music has advanced: one per tick, whatever the number of listeners.</summary>
    public long FramesProduced => Volatile.Read(ref _framesProduced);

    /// <summary>The frame of this tick, at <see cref="AudioClip.SampleRate"/> of <see cref="Clip"/>; clock thread only.</summary>
    internal ReadOnlySpan<short> CurrentFrame => _frame;

    /// <summary>Creates a listener hearing this music from its current position, for an endpoint's source.</summary>
    /// <returns>The listener; disposing it only stops it (use <see cref="MusicOnHoldLibrary"/> for shared instances).</returns>
    public MusicOnHoldListener CreateListener() => new(this, release: null);

    /// <inheritdoc/>
    public void OnTick(long frame)
    {
        var samples = Clip.Samples;
        int written = 0;
        while (written < _frame.Length)
        {
            int count = Math.Min(_frame.Length - written, samples.Length - _position);
            samples.Slice(_position, count).CopyTo(_frame.AsSpan(written));
            written += count;
            _position = (_position + count) % samples.Length;
        }

        Volatile.Write(ref _framesProduced, _framesProduced + 1);
    }
}
