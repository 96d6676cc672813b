namespace ContactCenter.Board.Leds;

/// <summary>An LED given a new pattern: what a virtual panel mirrors and a latency probe times.</summary>
/// <param name="Led">The LED's index in the engine.</param>
/// <param name="Pattern">Its new pattern, already showing.</param>
/// <param name="Timestamp">When it took effect, in the engine's <see cref="TimeProvider.GetTimestamp"/> units.</param>
public readonly record struct LedChange(int Led, LedPattern Pattern, long Timestamp);
