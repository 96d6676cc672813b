using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Tests.Codecs;

namespace ContactCenter.Media.Tests.Fakes;

/// <summary>An endless sine at whatever rate is read, phase-continuous across frames.</summary>
internal sealed class SineSource(double frequency, double amplitude = 8000) : IAudioSource
{
    private long _sample;

    public bool Read(Span<short> frame, int sampleRate)
    {
        SignalMath.Sine(frequency, amplitude, sampleRate, frame, _sample);
        _sample += frame.Length;
        return true;
    }
}
