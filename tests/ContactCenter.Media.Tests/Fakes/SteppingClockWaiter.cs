using ContactCenter.Media.Clock;
using ContactCenter.Sip.Tests.Fakes;

namespace ContactCenter.Media.Tests.Fakes;

/// <summary>
/// Lets the real <see cref="MediaClock"/> thread run on a <see cref="FakeTimeProvider"/>: each wait moves fake time to
/// the deadline (plus a scripted stall), so the thread ticks as fast as it can while its deadline logic sees exact
/// times. After <paramref name="waits"/> waits it completes <see cref="Finished"/> and blocks until the clock stops.
/// </summary>
internal sealed class SteppingClockWaiter(FakeTimeProvider time, int waits, Func<int, TimeSpan> stallAtWait) : MediaClockWaiter
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public Task Finished => _finished.Task;

    public override void WaitUntil(long deadline, CancellationToken stop)
    {
        int index = _count++;
        if (index >= waits)
        {
            _finished.TrySetResult();
            stop.WaitHandle.WaitOne();
            return;
        }

        long target = deadline + stallAtWait(index).Ticks;
        long now = time.GetTimestamp();
        if (target > now)
        {
            time.Advance(TimeSpan.FromTicks(target - now));
        }
    }
}
