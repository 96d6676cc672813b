namespace ContactCenter.Board.Profiles;

/// <summary>The pull resistor a key's line needs (the SoC's or the expander's own).</summary>
public enum LineBias
{
    /// <summary>None: the board has its own resistor.</summary>
    None,

    /// <summary>Pull up, for a key that shorts the line to ground (active low).</summary>
    PullUp,

    /// <summary>Pull down, for a key that connects the line to the supply (active high).</summary>
    PullDown,
}
