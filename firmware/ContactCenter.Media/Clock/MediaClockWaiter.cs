namespace ContactCenter.Media.Clock;

/// <summary>
/// How the clock thread waits for a deadline given in <see cref="TimeProvider.GetTimestamp"/> units. Separated from the
/// loop so that tests can run the real deadline logic on a fake time source without sleeping.
/// </summary>
internal abstract class MediaClockWaiter
{
    /// <summary>Returns once the time source has reached <paramref name="deadline"/> or <paramref name="stop"/> is cancelled.</summary>
    public abstract void WaitUntil(long deadline, CancellationToken stop);
}
