namespace ContactCenter.Sip.Transactions;

/// <summary>Timer durations derived from T1, T2 and T4 (RFC 3261 Table 4, RFC 6026).</summary>
internal sealed class SipTimerSettings(TimeSpan t1, TimeSpan t2, TimeSpan t4)
{
    public TimeSpan T1 { get; } = t1;

    public TimeSpan T2 { get; } = t2;

    public TimeSpan T4 { get; } = t4;

    /// <summary>64*T1: Timers B, F, H, J (UDP), L and M.</summary>
    public TimeSpan Transaction { get; } = t1 * 64;

    /// <summary>Timer D: at least 32 s over UDP, 0 over reliable transports.</summary>
    public TimeSpan D(bool reliable) => reliable ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Max(32, T1.TotalSeconds * 64));

    /// <summary>Timers I and K: T4 over UDP, 0 over reliable transports.</summary>
    public TimeSpan IorK(bool reliable) => reliable ? TimeSpan.Zero : T4;

    /// <summary>Timer J: 64*T1 over UDP, 0 over reliable transports.</summary>
    public TimeSpan J(bool reliable) => reliable ? TimeSpan.Zero : Transaction;

    /// <summary>The next retransmit interval: doubled, capped at T2 (§17.1.2.2, §17.2.1).</summary>
    public TimeSpan Backoff(TimeSpan current) => current * 2 < T2 ? current * 2 : T2;
}
