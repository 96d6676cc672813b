using ContactCenter.Media.Clock;

namespace ContactCenter.Pbx.Tests.Commands;

/// <summary>A media clock that never ticks: it only counts who is registered (the hold music joins it with its first listener).</summary>
public sealed class FakeMediaClock : IMediaClock
{
    private int _registered;

    public long CurrentFrame => 0;

    /// <summary>Subscribers registered and not yet gone.</summary>
    public int Registered => Volatile.Read(ref _registered);

    public IDisposable Register(IMediaTickable subscriber, MediaClockPhase phase)
    {
        Interlocked.Increment(ref _registered);
        return new Registration(this);
    }

    private sealed class Registration(FakeMediaClock clock) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref clock._registered);
            }
        }
    }
}
