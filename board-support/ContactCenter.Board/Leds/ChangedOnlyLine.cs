namespace ContactCenter.Board.Leds;

/// <summary>An output line that is written only when its level changes (the first write always goes out).</summary>
internal sealed class ChangedOnlyLine(IOutputLine line)
{
    private bool? _level;

    public void Write(bool active)
    {
        if (_level != active)
        {
            _level = active;
            line.Write(active);
        }
    }
}
