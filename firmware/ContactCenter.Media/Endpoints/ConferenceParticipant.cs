using ContactCenter.Media.Clock;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// One party of a <see cref="ConferenceMixer"/>: the sink its endpoint writes received audio to (Receive phase) and the
/// source its endpoint reads the mix from (Send phase), at the endpoint's rate, 8 or 16 kHz. Created by
/// <see cref="ConferenceMixer.TryJoin"/>; disposing it leaves the conference.
/// </summary>
public sealed class ConferenceParticipant : IAudioSink, IAudioSource, IDisposable
{
    private const int MixRate = MediaFrame.WidebandRate;

    private readonly ConferenceMixer _mixer;
    private readonly short[] _input = new short[MediaFrame.MaxSamples];
    private readonly short[] _output = new short[MediaFrame.MaxSamples];
    private readonly Resampler _up = new(MediaFrame.NarrowbandRate, MixRate);
    private readonly Resampler _down = new(MixRate, MediaFrame.NarrowbandRate);
    private volatile bool _muted;
    private volatile bool _left;

    // Clock thread only: a frame arrived this tick, and whether this tick's sum includes it.
    private bool _received;
    private bool _contributing;

    internal ConferenceParticipant(ConferenceMixer mixer) => _mixer = mixer;

    /// <summary>
    /// Whether the others stop hearing this participant (they still hear the others). Takes effect at the next tick;
    /// settable from any thread.
    /// </summary>
    public bool Muted
    {
        get => _muted;
        set => _muted = value;
    }

    /// <summary>Takes the frame the endpoint received this tick; called in the Receive phase.</summary>
    /// <param name="frame">The decoded frame.</param>
    /// <param name="sampleRate">Its rate, 8000 or 16000.</param>
    public void Write(ReadOnlySpan<short> frame, int sampleRate)
    {
        if (sampleRate == MixRate)
        {
            frame.CopyTo(_input);
        }
        else
        {
            _up.Process(frame, _input);
        }

        _received = true;
    }

    /// <summary>Gives the mix of everyone else for this tick; called in the Send phase.</summary>
    /// <param name="frame">Filled with the mix.</param>
    /// <param name="sampleRate">The endpoint's rate, 8000 or 16000.</param>
    /// <returns>True while in the conference; false (with silence) after leaving.</returns>
    public bool Read(Span<short> frame, int sampleRate)
    {
        if (_left)
        {
            frame.Clear();
            return false;
        }

        if (sampleRate == MixRate)
        {
            _output.CopyTo(frame);
        }
        else
        {
            _down.Process(_output, frame);
        }

        return true;
    }

    /// <summary>Leaves the conference; the others stop hearing this participant from the next tick.</summary>
    public void Dispose()
    {
        _left = true;
        _mixer.Leave(this);
    }

    // Mix phase: decides once per tick whether this participant is heard, so a mute from another thread cannot make
    // the subtraction below differ from the sum.
    internal void AddContribution(Span<int> sum)
    {
        _contributing = _received && !_muted;
        _received = false;
        if (_contributing)
        {
            for (int i = 0; i < sum.Length; i++)
            {
                sum[i] += _input[i];
            }
        }
    }

    internal void TakeMixMinus(ReadOnlySpan<int> sum)
    {
        if (_contributing)
        {
            for (int i = 0; i < sum.Length; i++)
            {
                _output[i] = (short)Math.Clamp(sum[i] - _input[i], short.MinValue, short.MaxValue);
            }
        }
        else
        {
            for (int i = 0; i < sum.Length; i++)
            {
                _output[i] = (short)Math.Clamp(sum[i], short.MinValue, short.MaxValue);
            }
        }
    }
}
