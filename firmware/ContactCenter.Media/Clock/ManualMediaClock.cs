using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Media.Clock;

/// <summary>
/// A media clock that ticks only when told to, on the caller's thread: for tests (the Media and Pbx test projects use
/// it to drive endpoints, players and mixers frame by frame, STYLE.md §11) and for rendering media faster than real
/// time. It runs ticks exactly as <see cref="MediaClock"/> does (same phases, order, fault handling and
/// unregistration guarantee); only the thread and the deadlines are missing. Public in Media for that reason.
/// </summary>
public sealed class ManualMediaClock : IMediaClock
{
    private readonly MediaTickDispatcher _dispatcher;

    /// <summary>Creates a clock at frame -1 (nothing ticked yet).</summary>
    /// <param name="logger">Receives subscriber faults; none when null.</param>
    public ManualMediaClock(ILogger? logger = null) => _dispatcher = new MediaTickDispatcher(logger ?? NullLogger.Instance);

    /// <inheritdoc/>
    public long CurrentFrame => _dispatcher.CurrentFrame;

    /// <summary>Exceptions thrown by subscribers so far (each caught and logged).</summary>
    public long SubscriberFaults => _dispatcher.Faults;

    /// <inheritdoc/>
    public IDisposable Register(IMediaTickable subscriber, MediaClockPhase phase) => _dispatcher.Register(subscriber, phase);

    /// <summary>Ticks <paramref name="frames"/> consecutive frames now, on the calling thread. Not reentrant.</summary>
    /// <param name="frames">How many frames to tick (20 ms each).</param>
    public void Advance(int frames = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        for (int i = 0; i < frames; i++)
        {
            _dispatcher.Tick();
        }
    }
}
