using ContactCenter.Board.Leds;

namespace ContactCenter.Board.Tests.Fakes;

/// <summary>An output line that records every write.</summary>
internal sealed class RecordingLine : IOutputLine
{
    public List<bool> Writes { get; } = [];

    public bool Level => Writes[^1];

    public void Write(bool active) => Writes.Add(active);
}
