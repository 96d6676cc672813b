namespace ContactCenter.Board.Leds;

/// <summary>The health a status LED reports.</summary>
public enum ServiceHealth
{
    /// <summary>Everything works (every trunk and extension registered; the link up with an address).</summary>
    Healthy,

    /// <summary>Some of it works (some trunks or extensions unregistered).</summary>
    Degraded,

    /// <summary>Nothing works (no listener, no link).</summary>
    Down,
}
