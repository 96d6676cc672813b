namespace ContactCenter.Media.Clock;

/// <summary>
/// Something the media clock drives once per 20 ms frame. Called on the clock's thread: it must not block, await, take
/// a lock held across I/O, or allocate on its steady path, and it must not throw (an exception is caught, logged and
/// counted by the clock, and the subscriber is ticked again next frame).
/// </summary>
public interface IMediaTickable
{
    /// <summary>Processes frame number <paramref name="frame"/>.</summary>
    /// <param name="frame">The clock's frame counter: consecutive ticks get consecutive numbers, even after a catch-up.</param>
    void OnTick(long frame);
}
