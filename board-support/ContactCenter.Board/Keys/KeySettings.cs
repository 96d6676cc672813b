namespace ContactCenter.Board.Keys;

/// <summary>One key as the key engine sees it.</summary>
/// <param name="Id">The key's id, carried by its presses.</param>
/// <param name="Debounce">
/// How long the line must stay at a new level before the level counts; zero when the kernel debounces the line already.
/// </param>
public readonly record struct KeySettings(string Id, TimeSpan Debounce);
