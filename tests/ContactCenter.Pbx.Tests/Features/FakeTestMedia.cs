using ContactCenter.Media.Endpoints;
using ContactCenter.Pbx.Features;
using ContactCenter.Pbx.Tests.Calls;

namespace ContactCenter.Pbx.Tests.Features;

/// <summary><see cref="ITestMedia"/> whose echo is a pair of markers and whose voices are <see cref="FakeVoice"/>s the test drives.</summary>
public sealed class FakeTestMedia : ITestMedia
{
    public Arrivals<FakeVoice> Voices { get; } = new();

    public FakeEcho? Echo { get; private set; }

    public (IAudioSource Source, IAudioSink Sink) CreateEcho()
    {
        Echo = new FakeEcho();
        return (Echo, Echo);
    }

    public ITestVoice CreateVoice()
    {
        var voice = new FakeVoice();
        Voices.Add(voice);
        return voice;
    }

    public sealed class FakeEcho : IAudioSource, IAudioSink
    {
        public bool Read(Span<short> frame, int sampleRate) => true;

        public void Write(ReadOnlySpan<short> frame, int sampleRate)
        {
        }
    }
}
