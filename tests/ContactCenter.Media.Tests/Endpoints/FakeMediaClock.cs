using ContactCenter.Media.Clock;

namespace ContactCenter.Media.Tests.Endpoints;

/// <summary>A media clock that ticks only when the test calls <see cref="Tick"/>, visiting the phases in order.</summary>
internal sealed class FakeMediaClock : IMediaClock
{
    private readonly List<(IMediaTickable Subscriber, MediaClockPhase Phase)> _subscribers = [];

    public long CurrentFrame { get; private set; } = -1;

    public int RegisteredCount => _subscribers.Count;

    public IDisposable Register(IMediaTickable subscriber, MediaClockPhase phase)
    {
        var entry = (subscriber, phase);
        _subscribers.Add(entry);
        return new Registration(() => _subscribers.Remove(entry));
    }

    public void Tick()
    {
        CurrentFrame++;
        foreach (var phase in new[] { MediaClockPhase.Receive, MediaClockPhase.Mix, MediaClockPhase.Send })
        {
            foreach (var (subscriber, p) in _subscribers.ToArray())
            {
                if (p == phase)
                {
                    subscriber.OnTick(CurrentFrame);
                }
            }
        }
    }

    private sealed class Registration(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
