using System.Diagnostics;
using ContactCenter.Media.Clock;

namespace ContactCenter.Media.StreamBench;

/// <summary>
/// Looks at the media clock from its own thread. Registered first in the Receive phase (<see cref="TickStart"/>) and
/// last in the Send phase (<see cref="TickEnd"/>), it times the work of each tick, and at the start of a tick it takes
/// the samples asked for by <see cref="Sample"/>: the clock thread's own CPU time and the bytes it has allocated
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/> can only be read on the thread itself). It also keeps each
/// tick's start time in the window, from which <see cref="TickLateness"/> derives how late the clock woke.
/// </summary>
internal sealed class ClockThreadProbe
{
    private readonly ManualResetEventSlim _taken = new();
    private readonly double _nanosecondsPerTick = 1e9 / Stopwatch.Frequency;
    private readonly long[] _tickStarts;
    private int _tickStartCount;
    private volatile int _request;
    private bool _recording;
    private long _tickStarted;
    private ClockThreadSample _sample;

    /// <param name="maxTicks">The most tick start times kept (the window's length in frames, with room to spare).</param>
    public ClockThreadProbe(int maxTicks)
    {
        _tickStarts = new long[maxTicks];
        TickStart = new Phase(OnTickStart);
        TickEnd = new Phase(OnTickEnd);
    }

    public IMediaTickable TickStart { get; }

    public IMediaTickable TickEnd { get; }

    /// <summary>How long each tick's Receive, Mix and Send work took, inside the window.</summary>
    public IntervalHistogram TickWork { get; } = new();

    /// <summary>
    /// How late each tick of the window started against the 20 ms grid, measured from the earliest one (whose own
    /// lateness, a fraction of a millisecond with this waiter, is not known). Meaningful when the window had no resync,
    /// which moves the grid. Call after the window has closed.
    /// </summary>
    public IntervalHistogram TickLateness()
    {
        long period = Stopwatch.Frequency * MediaFrame.DurationMilliseconds / 1000;
        long earliest = long.MaxValue;
        for (int i = 0; i < _tickStartCount; i++)
        {
            earliest = Math.Min(earliest, _tickStarts[i] - (i * period));
        }

        var lateness = new IntervalHistogram();
        for (int i = 0; i < _tickStartCount; i++)
        {
            lateness.Add((long)((_tickStarts[i] - (i * period) - earliest) * _nanosecondsPerTick));
        }

        return lateness;
    }

    /// <summary>Samples the clock thread at its next tick; <paramref name="recording"/> opens or closes the window there.</summary>
    public ClockThreadSample Sample(bool recording)
    {
        _taken.Reset();
        _request = recording ? 1 : 2;
        if (!_taken.Wait(TimeSpan.FromSeconds(5)))
        {
            throw new TimeoutException("The media clock did not tick within 5 s.");
        }

        return _sample;
    }

    private void OnTickStart(long frame)
    {
        int request = _request;
        if (request != 0)
        {
            _sample = new ClockThreadSample(frame, LinuxSystem.ThreadCpuNanoseconds(), GC.GetAllocatedBytesForCurrentThread());
            _recording = request == 1;
            _request = 0;
            _taken.Set();
        }

        _tickStarted = Stopwatch.GetTimestamp();
        if (_recording && _tickStartCount < _tickStarts.Length)
        {
            _tickStarts[_tickStartCount++] = _tickStarted;
        }
    }

    private void OnTickEnd(long frame)
    {
        if (_recording)
        {
            TickWork.Add((long)((Stopwatch.GetTimestamp() - _tickStarted) * _nanosecondsPerTick));
        }
    }

    private sealed class Phase(Action<long> onTick) : IMediaTickable
    {
        public void OnTick(long frame) => onTick(frame);
    }
}
