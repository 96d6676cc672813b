using ContactCenter.Media.Clock;
using ContactCenter.Media.Tests.Fakes;
using ContactCenter.Sip.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace ContactCenter.Media.Tests.Clock;

public class MediaClockTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private static readonly long Period = TimeSpan.FromMilliseconds(MediaFrame.DurationMilliseconds).Ticks;

    [Fact]
    public async Task OnTime_EveryTickRunsAtItsAbsoluteDeadline()
    {
        var (ticks, stats, start) = await RunAsync(waits: 10, _ => TimeSpan.Zero);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), ticks.Frames);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => start + (i * Period)), ticks.Stamps);
        Assert.Equal(new MediaClockStatistics(10, 0, 0, 0, 0), stats);
    }

    [Fact]
    public async Task StallOfTwoFrames_IsCaughtUp_BackToBack_WithoutLosingFramesOrDrifting()
    {
        // The 6th wait (frame 5) returns two frames late: frames 5, 6 and 7 then run at that same instant.
        var (ticks, stats, start) = await RunAsync(waits: 12, i => i == 5 ? TimeSpan.FromTicks(2 * Period) : TimeSpan.Zero);

        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), ticks.Frames);
        long stalledAt = start + (8 * Period);
        Assert.Equal([stalledAt, stalledAt, stalledAt], ticks.Stamps[5..8]);
        // From frame 8 on, the ticks are back on the original grid: no drift.
        Assert.Equal(Enumerable.Range(8, 4).Select(i => start + ((i + 1) * Period)), ticks.Stamps[8..]);
        Assert.Equal(0, stats.Resyncs);
        Assert.Equal(0, stats.SkippedFrames);
        Assert.Equal(2, stats.LateTicks);
        Assert.Equal(12, stats.Ticks);
    }

    [Fact]
    public async Task StallOfTenFrames_Resynchronises_CountsTheSkippedFrames_AndNeverBursts()
    {
        var (ticks, stats, start) = await RunAsync(waits: 12, i => i == 5 ? TimeSpan.FromTicks(10 * Period) : TimeSpan.Zero);

        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), ticks.Frames);
        long resumedAt = start + (16 * Period);
        Assert.Equal(resumedAt, ticks.Stamps[5]);
        // One frame per period after the resync: a new grid starting from where the clock resumed.
        Assert.Equal(Enumerable.Range(1, 6).Select(i => resumedAt + (i * Period)), ticks.Stamps[6..]);
        Assert.Equal(1, stats.Resyncs);
        Assert.Equal(10, stats.SkippedFrames);
        Assert.Equal(0, stats.LateTicks);
    }

    [Fact]
    public async Task SystemClock_TicksOnAnAboveNormalThread_UntilStopped()
    {
        await using var clock = new MediaClock(TimeProvider.System, NullLogger<MediaClock>.Instance);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var priorities = new List<ThreadPriority>();
        var subscriber = new RecordingTickable("a")
        {
            OnTickAction = frame =>
            {
                priorities.Add(Thread.CurrentThread.Priority);
                if (frame == 4)
                {
                    done.TrySetResult();
                }
            },
        };
        clock.Register(subscriber, MediaClockPhase.Send);

        clock.Start();
        await done.Task.WaitAsync(Guard);
        await clock.StopAsync().WaitAsync(Guard);
        int ticked = subscriber.Frames.Count;

        Assert.Equal(Enumerable.Range(0, ticked).Select(i => (long)i), subscriber.Frames);
        Assert.All(priorities, p => Assert.Equal(ThreadPriority.AboveNormal, p));
        Assert.Equal(ticked, clock.Statistics.Ticks);
        Assert.Throws<InvalidOperationException>(clock.Start);
    }

    [Fact]
    public async Task Dispose_FromAnotherThread_GuaranteesNoFurtherCall()
    {
        await using var clock = new MediaClock(TimeProvider.System, NullLogger<MediaClock>.Instance);
        int disposed = 0;
        int callsAfterDispose = 0;
        var firstTick = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var victim = new RecordingTickable("victim")
        {
            OnTickAction = _ =>
            {
                if (Volatile.Read(ref disposed) != 0)
                {
                    Interlocked.Increment(ref callsAfterDispose);
                }

                firstTick.TrySetResult();
            },
        };
        var laterTicks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long disposedAtFrame = long.MaxValue;
        var witness = new RecordingTickable("witness") { OnTickAction = f => { if (f > Volatile.Read(ref disposedAtFrame) + 3) { laterTicks.TrySetResult(); } } };
        var registration = clock.Register(victim, MediaClockPhase.Receive);
        clock.Register(witness, MediaClockPhase.Send);

        clock.Start();
        await firstTick.Task.WaitAsync(Guard);
        registration.Dispose();
        Volatile.Write(ref disposed, 1);
        Volatile.Write(ref disposedAtFrame, clock.CurrentFrame);
        await laterTicks.Task.WaitAsync(Guard);

        Assert.Equal(0, Volatile.Read(ref callsAfterDispose));
    }

    [Fact]
    public async Task StopAsync_BeforeStart_CompletesAndIsIdempotent()
    {
        var clock = new MediaClock(TimeProvider.System, NullLogger<MediaClock>.Instance);
        await clock.StopAsync().WaitAsync(Guard);
        await clock.DisposeAsync();
        Assert.Equal(-1, clock.CurrentFrame);
    }

    private static async Task<(RecordingTickable Ticks, MediaClockStatistics Stats, long Start)> RunAsync(int waits, Func<int, TimeSpan> stall)
    {
        var time = new FakeTimeProvider();
        long start = time.GetTimestamp();
        var waiter = new SteppingClockWaiter(time, waits, stall);
        var clock = new MediaClock(time, NullLogger.Instance, waiter);
        var ticks = new RecordingTickable("a", stamp: time.GetTimestamp);
        clock.Register(ticks, MediaClockPhase.Receive);

        clock.Start();
        await waiter.Finished.WaitAsync(Guard);
        await clock.DisposeAsync();
        return (ticks, clock.Statistics, start);
    }
}
