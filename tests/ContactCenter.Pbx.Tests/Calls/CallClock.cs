using ContactCenter.Sip.Tests.Fakes;

namespace ContactCenter.Pbx.Tests.Calls;

/// <summary>
/// The call router's clock: the harness's fake clock, plus a record of every timer the calls arm. A call's steps run on
/// its own actor and some leave no trace on the network (re-arming a session timer after a refresh succeeded); a test
/// waits for the timer instead of guessing when the step ran.
/// </summary>
public sealed class CallClock(FakeTimeProvider time) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly Arrivals<TimeSpan> _armed = new();
    private readonly List<TrackedTimer> _timers = [];

    public override TimeZoneInfo LocalTimeZone => time.LocalTimeZone;

    public override long TimestampFrequency => time.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public override long GetTimestamp() => time.GetTimestamp();

    /// <summary>Timers the calls armed that have neither fired nor been disposed (each would post to its call later).</summary>
    public IReadOnlyList<TimeSpan> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _timers.Where(t => !t.Fired && !t.Disposed).Select(t => t.DueTime)];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(dueTime);
        tracked.Inner = time.CreateTimer(s =>
        {
            tracked.Fired = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero;
            callback(s);
        }, state, dueTime, period);
        lock (_gate)
        {
            _timers.Add(tracked);
        }
        _armed.Add(dueTime);
        return tracked;
    }

    /// <summary>Takes the first timer armed (and not taken yet) with <paramref name="dueTime"/>; fails after <see cref="FakeUa.ExpectTimeout"/>.</summary>
    public Task ArmedAsync(TimeSpan dueTime) => _armed.TakeAsync(d => d == dueTime, () => $"no call armed a timer of {dueTime}");

    private sealed class TrackedTimer(TimeSpan dueTime) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public TimeSpan DueTime { get; private set; } = dueTime;

        public volatile bool Fired;

        public volatile bool Disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            DueTime = dueTime;
            Fired = dueTime == Timeout.InfiniteTimeSpan;
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Disposed = true;
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
