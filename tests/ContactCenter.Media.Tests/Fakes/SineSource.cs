using ContactCenter.Media.Endpoints;

namespace ContactCenter.Media.Tests.Fakes;

/// <summary>An endless sine at whatever rate is read, phase-continuous across frames.</summary>
internal sealed class SineSource(double frequency, double amplitude = 8000) : IAudioSource
{
    private long _sample;

    public bool Read(Span<short> frame, int sampleRate)
    {
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * _sample++ / sampleRate));
        }

        return true;
    }
}
