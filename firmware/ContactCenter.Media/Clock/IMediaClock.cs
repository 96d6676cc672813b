namespace ContactCenter.Media.Clock;

/// <summary>
/// The one clock that drives every generated stream in 20 ms frames (DESIGN.md, "Concurrency and time"). Implemented
/// by a dedicated high-priority thread on the appliance and by a manually advanced clock in tests.
/// </summary>
public interface IMediaClock
{
    /// <summary>The number of the frame most recently ticked; -1 before the first tick.</summary>
    long CurrentFrame { get; }

    /// <summary>
    /// Adds <paramref name="subscriber"/> to every following tick, in <paramref name="phase"/>. Thread-safe; takes effect
    /// from the next tick.
    /// </summary>
    /// <param name="subscriber">What to tick.</param>
    /// <param name="phase">When in the tick to call it.</param>
    /// <returns>Dispose it to stop ticking the subscriber; after Dispose returns, it is no longer called.</returns>
    IDisposable Register(IMediaTickable subscriber, MediaClockPhase phase);
}
