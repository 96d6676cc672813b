namespace ContactCenter.Board.Profiles;

/// <summary>Which electrical level means "LED lit" or "key pressed".</summary>
public enum LinePolarity
{
    /// <summary>High is active.</summary>
    ActiveHigh,

    /// <summary>Low is active (an LED sunk by the pin, a key pulling a pulled-up line to ground).</summary>
    ActiveLow,
}
