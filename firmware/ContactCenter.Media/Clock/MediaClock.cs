using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Clock;

/// <summary>
/// The appliance's one media clock (DESIGN.md "Concurrency and time", STYLE.md §5): a dedicated thread ticks every
/// 20 ms against absolute deadlines taken from the injected <see cref="TimeProvider"/>, so waiting
/// errors never accumulate. After a short stall (up to three frames) the missed frames are ticked back to back with
/// consecutive numbers, so the streams lose nothing and keep their rate; after a longer one the clock resynchronises on
/// the present instead of bursting, and counts it. Hosted by the Firmware: <see cref="Start"/> once,
/// <see cref="StopAsync"/> (or <see cref="DisposeAsync"/>) on shutdown.
/// </summary>
public sealed class MediaClock : IMediaClock, IAsyncDisposable
{
    /// <summary>Beyond this many frames behind, the clock resynchronises instead of catching up (STYLE.md §5).</summary>
    public const int MaxCatchUpFrames = 3;

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly MediaClockWaiter _waiter;
    private readonly MediaTickDispatcher _dispatcher;
    private readonly long _period;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;
    private long _lateTicks;
    private long _resyncs;
    private long _skippedFrames;

    /// <summary>Creates a stopped clock.</summary>
    /// <param name="time">The time source; its timestamps set the deadlines (the system one on the appliance).</param>
    /// <param name="logger">Receives start, stop, resyncs and subscriber faults.</param>
    public MediaClock(TimeProvider time, ILogger<MediaClock> logger)
        : this(time, logger, new PreciseMediaClockWaiter(time ?? throw new ArgumentNullException(nameof(time))))
    {
    }

    internal MediaClock(TimeProvider time, ILogger logger, MediaClockWaiter waiter)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(waiter);
        _time = time;
        _logger = logger;
        _waiter = waiter;
        _dispatcher = new MediaTickDispatcher(logger);
        _period = time.TimestampFrequency * MediaFrame.DurationMilliseconds / 1000;
    }

    /// <inheritdoc/>
    public long CurrentFrame => _dispatcher.CurrentFrame;

    /// <summary>The clock's counters so far.</summary>
    public MediaClockStatistics Statistics => new(
        _dispatcher.Ticks, Interlocked.Read(ref _lateTicks), Interlocked.Read(ref _resyncs), Interlocked.Read(ref _skippedFrames), _dispatcher.Faults);

    /// <inheritdoc/>
    public IDisposable Register(IMediaTickable subscriber, MediaClockPhase phase) => _dispatcher.Register(subscriber, phase);

    /// <summary>Starts the clock thread; the first tick falls one frame from now.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        var thread = new Thread(Run)
        {
            Name = "MediaClock",
            IsBackground = true,
            // Honoured on Windows only: .NET on Linux leaves the thread at nice 0 (docs/benchmarks.md, issue #4 §8).
            // Under load the p99 send interval needs real-time scheduling, which the appliance image is to grant.
            Priority = ThreadPriority.AboveNormal,
        };
        if (Interlocked.CompareExchange(ref _thread, thread, null) is not null)
        {
            throw new InvalidOperationException("The media clock is already started.");
        }

        thread.Start();
        MediaClockLog.Started(_logger, MediaFrame.DurationMilliseconds);
    }

    /// <summary>Stops ticking; completes once the thread has finished its last tick. Idempotent.</summary>
    /// <param name="cancellationToken">Gives up waiting (the thread still stops).</param>
    /// <returns>A task that completes when no further tick will run.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stop.IsCancellationRequested)
        {
            return _stopped.Task.WaitAsync(cancellationToken);
        }

        _stop.Cancel();
        if (Volatile.Read(ref _thread) is null)
        {
            _stopped.TrySetResult();
        }

        return _stopped.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the clock (see <see cref="StopAsync"/>).</summary>
    /// <returns>A task that completes when the thread has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private void Run()
    {
        var stop = _stop.Token;
        long next = _time.GetTimestamp();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    next = TickAfter(next + _period, stop);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Subscribers' faults are caught per subscriber; this is the clock's own bug or environment.
                    MediaClockLog.LoopFaulted(_logger, e);
                    next = _time.GetTimestamp();
                }
            }
        }
        finally
        {
            var stats = Statistics;
            MediaClockLog.Stopped(_logger, stats.Ticks, stats.LateTicks, stats.Resyncs, stats.SkippedFrames, stats.SubscriberFaults);
            _stopped.TrySetResult();
        }
    }

    /// <summary>Waits for <paramref name="deadline"/>, ticks one frame, and returns the deadline that frame stands for.</summary>
    private long TickAfter(long deadline, CancellationToken stop)
    {
        _waiter.WaitUntil(deadline, stop);
        if (stop.IsCancellationRequested)
        {
            return deadline;
        }

        long late = _time.GetTimestamp() - deadline;
        if (late > MaxCatchUpFrames * _period)
        {
            // Fell too far behind (a long GC pause, a suspended VM): bursting the missed frames would flood every
            // peer's jitter buffer, so the missed frames are dropped and the deadlines restart from now.
            long skipped = late / _period;
            Interlocked.Increment(ref _resyncs);
            Interlocked.Add(ref _skippedFrames, skipped);
            MediaClockLog.Resynchronised(_logger, _dispatcher.CurrentFrame + 1, skipped);
            deadline += skipped * _period;
        }
        else if (late >= _period)
        {
            // A short stall: this frame runs back to back with the next ones until the deadlines are in the future again.
            Interlocked.Increment(ref _lateTicks);
        }

        _dispatcher.Tick();
        return deadline;
    }
}
