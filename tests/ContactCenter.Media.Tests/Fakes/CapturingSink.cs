using ContactCenter.Media.Endpoints;

namespace ContactCenter.Media.Tests.Fakes;

/// <summary>Keeps every frame written to it, with its rate.</summary>
internal sealed class CapturingSink : IAudioSink
{
    private readonly Lock _gate = new();
    private readonly List<short> _samples = [];

    public int SampleRate { get; private set; }

    public int Frames { get; private set; }

    public short[] Samples
    {
        get
        {
            lock (_gate)
            {
                return [.. _samples];
            }
        }
    }

    public void Write(ReadOnlySpan<short> frame, int sampleRate)
    {
        lock (_gate)
        {
            _samples.AddRange(frame);
            SampleRate = sampleRate;
            Frames++;
        }
    }
}
