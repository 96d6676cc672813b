using ContactCenter.Media.Clock;

namespace ContactCenter.Media.Tests.Clock;

/// <summary>Records each tick (frame number and an optional time stamp) into a shared log, for order assertions.</summary>
internal sealed class RecordingTickable(string name, List<string>? log = null, Func<long>? stamp = null) : IMediaTickable
{
    private readonly Lock _gate = new();

    public List<long> Frames { get; } = [];

    public List<long> Stamps { get; } = [];

    public Action<long>? OnTickAction { get; set; }

    public void OnTick(long frame)
    {
        lock (_gate)
        {
            Frames.Add(frame);
            Stamps.Add(stamp?.Invoke() ?? 0);
            log?.Add($"{name}:{frame}");
        }

        OnTickAction?.Invoke(frame);
    }
}
