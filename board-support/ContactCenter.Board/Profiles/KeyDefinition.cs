namespace ContactCenter.Board.Profiles;

/// <summary>A key of the board.</summary>
/// <param name="Id">The key's id, which key bindings refer to.</param>
/// <param name="Line">Its line.</param>
/// <param name="Polarity">The level that means pressed.</param>
/// <param name="Bias">The pull resistor to enable.</param>
/// <param name="Debounce">How long a level must hold before it counts (the kernel's when it supports it).</param>
public sealed record KeyDefinition(string Id, LineRef Line, LinePolarity Polarity, LineBias Bias, TimeSpan Debounce);
