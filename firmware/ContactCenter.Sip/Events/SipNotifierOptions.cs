namespace ContactCenter.Sip.Events;

/// <summary>Subscription durations a notifier grants (RFC 6665 §4.2.1.1).</summary>
public sealed class SipNotifierOptions
{
    /// <summary>Granted when a SUBSCRIBE carries no Expires (RFC 6665 §7.2 lets each package choose; one value serves ours). Default 3600 s.</summary>
    public TimeSpan DefaultExpires { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>Longer requests are shortened to this (§4.2.1.1). Default 3600 s.</summary>
    public TimeSpan MaximumExpires { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>Shorter non-zero requests get 423 Interval Too Brief with Min-Expires (§4.2.1.1). Default 60 s.</summary>
    public TimeSpan MinimumExpires { get; set; } = TimeSpan.FromSeconds(60);
}
