using System.Diagnostics;
using ContactCenter.Media.Clock;

namespace ContactCenter.Media.StreamBench;

/// <summary>
/// Looks at the media clock from its own thread. Registered first in the Receive phase (<see cref="TickStart"/>) and
/// last in the Send phase (<see cref="TickEnd"/>), it times the work of each tick, and at the start of a tick it takes
/// the samples asked for by <see cref="Sample"/>: the clock thread's own CPU time and the bytes it has allocated
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/> can only be read on the thread itself).
/// </summary>
internal sealed class ClockThreadProbe
{
    private readonly ManualResetEventSlim _taken = new();
    private readonly double _nanosecondsPerTick = 1e9 / Stopwatch.Frequency;
    private volatile int _request;
    private bool _recording;
    private long _tickStarted;
    private ClockThreadSample _sample;

    public ClockThreadProbe()
    {
        TickStart = new Phase(OnTickStart);
        TickEnd = new Phase(OnTickEnd);
    }

    public IMediaTickable TickStart { get; }

    public IMediaTickable TickEnd { get; }

    /// <summary>How long each tick's Receive, Mix and Send work took, inside the window.</summary>
    public IntervalHistogram TickWork { get; } = new();

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
