namespace ContactCenter.Board.Gpio;

/// <summary>
/// One edge on an input line, raw: no debounce beyond what the line was requested with.
/// </summary>
/// <param name="Line">The line's number on its chip (its offset).</param>
/// <param name="Kind">Rising or falling, logical.</param>
/// <param name="Timestamp">
/// When it happened, in <see cref="TimeProvider.GetTimestamp"/> units of the board's <see cref="TimeProvider"/>
/// (so <c>timeProvider.GetElapsedTime(edge.Timestamp)</c> is the edge's age). The kernel stamps CLOCK_MONOTONIC, the
/// clock behind <see cref="TimeProvider.System"/> on Linux.
/// </param>
public readonly record struct GpioEdge(int Line, GpioEdgeKind Kind, long Timestamp);
