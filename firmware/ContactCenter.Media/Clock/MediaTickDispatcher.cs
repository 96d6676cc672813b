using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Clock;

/// <summary>
/// The subscribers of one clock and the running of one tick, shared by <see cref="MediaClock"/> and
/// <see cref="ManualMediaClock"/>. Each phase keeps a copy-on-write array: registering or unregistering swaps in a new
/// array under a lock, and a tick reads the current arrays without locking. <see cref="Tick"/> is called by one thread
/// at a time (the clock thread, or the test driving a manual clock).
/// </summary>
internal sealed class MediaTickDispatcher(ILogger logger)
{
    /// <summary>A failing subscriber is logged on its first fault, then once per this many faults.</summary>
    private const int FaultLogInterval = 250;

    private readonly ILogger _logger = logger;
    private readonly Lock _gate = new();
    private readonly Registration[][] _subscribers = [[], [], []];
    private long _currentFrame = -1;
    private long _tickSequence;
    private int _tickingThread;
    private long _ticks;
    private long _faults;

    public long CurrentFrame => Volatile.Read(ref _currentFrame);

    public long Ticks => Volatile.Read(ref _ticks);

    public long Faults => Volatile.Read(ref _faults);

    public IDisposable Register(IMediaTickable subscriber, MediaClockPhase phase)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (!Enum.IsDefined(phase))
        {
            throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown clock phase.");
        }

        var registration = new Registration(this, subscriber, phase);
        lock (_gate)
        {
            ref var slot = ref _subscribers[(int)phase];
            Volatile.Write(ref slot, [.. slot, registration]);
        }

        return registration;
    }

    /// <summary>Ticks the next frame: every Receive subscriber, then Mix, then Send, each in registration order.</summary>
    public void Tick()
    {
        Volatile.Write(ref _tickingThread, Environment.CurrentManagedThreadId);
        Interlocked.Increment(ref _tickSequence);
        try
        {
            long frame = _currentFrame + 1;
            Volatile.Write(ref _currentFrame, frame);
            // All three phases are read before the first call, so a subscriber registered during this tick (whatever
            // its phase) starts with the next one, as IMediaClock.Register promises.
            var receive = Volatile.Read(ref _subscribers[(int)MediaClockPhase.Receive]);
            var mix = Volatile.Read(ref _subscribers[(int)MediaClockPhase.Mix]);
            var send = Volatile.Read(ref _subscribers[(int)MediaClockPhase.Send]);
            Run(receive, frame);
            Run(mix, frame);
            Run(send, frame);

            Volatile.Write(ref _ticks, _ticks + 1);
        }
        finally
        {
            // Even again: a Dispose waiting for this tick may return.
            Interlocked.Increment(ref _tickSequence);
        }
    }

    private static void Run(Registration[] registrations, long frame)
    {
        foreach (var registration in registrations)
        {
            registration.Run(frame);
        }
    }

    private void Remove(Registration registration)
    {
        lock (_gate)
        {
            ref var slot = ref _subscribers[(int)registration.Phase];
            int index = Array.IndexOf(slot, registration);
            if (index >= 0)
            {
                Volatile.Write(ref slot, [.. slot.AsSpan(0, index), .. slot.AsSpan(index + 1)]);
            }
        }

        // The tick in progress may have read the old array: wait for it to end, so that no call follows Dispose. A
        // subscriber disposed from inside a tick (on the ticking thread) is instead skipped by its disposed flag.
        long sequence = Volatile.Read(ref _tickSequence);
        if ((sequence & 1) == 1 && Volatile.Read(ref _tickingThread) != Environment.CurrentManagedThreadId)
        {
            var spin = default(SpinWait);
            while (Volatile.Read(ref _tickSequence) == sequence)
            {
                spin.SpinOnce();
            }
        }
    }

    private sealed class Registration(MediaTickDispatcher owner, IMediaTickable subscriber, MediaClockPhase phase) : IDisposable
    {
        private int _disposed;
        private long _faults;

        public MediaClockPhase Phase { get; } = phase;

        public void Run(long frame)
        {
            if (Volatile.Read(ref _disposed) != 0)
            {
                return;
            }

            try
            {
                subscriber.OnTick(frame);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // IMediaTickable: a subscriber's fault must not stop the clock or the other streams.
                Interlocked.Increment(ref owner._faults);
                long faults = ++_faults;
                if (faults == 1 || faults % FaultLogInterval == 0)
                {
                    MediaClockLog.SubscriberFaulted(owner._logger, e, subscriber.GetType().Name, Phase, frame, faults);
                }
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }
}
