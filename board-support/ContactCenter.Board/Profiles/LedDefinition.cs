namespace ContactCenter.Board.Profiles;

/// <summary>An LED of the board: one line, or two (red and green dies) for a bicolour LED.</summary>
/// <param name="Id">The LED's id.</param>
/// <param name="Role">What it shows.</param>
/// <param name="Polarity">The level that lights a die.</param>
/// <param name="Line">The line of a single-colour LED, or the red die of a bicolour one.</param>
/// <param name="Green">The green die's line of a bicolour LED; null for a single-colour LED.</param>
public sealed record LedDefinition(string Id, LedRole Role, LinePolarity Polarity, LineRef Line, LineRef? Green)
{
    /// <summary>Whether the LED has red and green dies.</summary>
    public bool IsBicolor => Green is not null;
}
