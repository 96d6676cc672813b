namespace ContactCenter.Board.Profiles;

/// <summary>One line of a chip: a GPIO line offset, or an expander pin.</summary>
/// <param name="Chip">The chip's id in the profile.</param>
/// <param name="Offset">The line offset on a GPIO or simulated chip, the pin (0..15) on an expander.</param>
/// <param name="IsExpanderPin">Whether <paramref name="Offset"/> is an expander pin.</param>
public readonly record struct LineRef(string Chip, int Offset, bool IsExpanderPin)
{
    /// <summary>The line as messages name it: <c>gpio line 17</c>, <c>keys pin 3</c>.</summary>
    /// <returns>The chip id, "line" or "pin", and the offset.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Chip} {(IsExpanderPin ? "pin" : "line")} {Offset}");
}
