namespace ContactCenter.Media.Rtcp;

/// <summary>
/// A 64-bit NTP timestamp as RTCP carries it (RFC 3550 §4): seconds since 1900-01-01 UTC in the high 32 bits, the
/// fraction of a second in the low 32 bits.
/// </summary>
/// <param name="Value">The 32.32 fixed-point value.</param>
public readonly record struct NtpTimestamp(ulong Value)
{
    private static readonly DateTimeOffset Epoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The middle 32 bits (16.16 fixed point): what an RR carries as LSR and what RTT arithmetic uses (§6.4.1).</summary>
    public uint Middle32 => (uint)(Value >> 16);

    /// <summary>Converts a wall-clock time (for instance <see cref="TimeProvider.GetUtcNow"/>).</summary>
    /// <param name="time">The time, at or after 1900 (the era wraps in 2036 as the 32-bit seconds do).</param>
    /// <returns>The NTP timestamp.</returns>
    public static NtpTimestamp FromDateTimeOffset(DateTimeOffset time)
    {
        long ticks = (time - Epoch).Ticks;
        ulong seconds = (ulong)(ticks / TimeSpan.TicksPerSecond);
        ulong fraction = ((ulong)(ticks % TimeSpan.TicksPerSecond) << 32) / TimeSpan.TicksPerSecond;
        return new NtpTimestamp(unchecked((seconds << 32) | fraction));
    }

    /// <summary>Converts back to a wall-clock time in the era 1900–2036.</summary>
    /// <returns>The time, to the nearest 100 ns tick below.</returns>
    public DateTimeOffset ToDateTimeOffset()
    {
        ulong seconds = Value >> 32;
        ulong fractionTicks = ((Value & 0xFFFF_FFFF) * TimeSpan.TicksPerSecond) >> 32;
        return Epoch.AddTicks((long)((seconds * TimeSpan.TicksPerSecond) + fractionTicks));
    }

    /// <summary>A duration in the 16.16 fixed point of LSR/DLSR (units of 1/65536 s) as a <see cref="TimeSpan"/>.</summary>
    /// <param name="units">The 16.16 value.</param>
    /// <returns>The duration.</returns>
    public static TimeSpan FromShortFormat(uint units) => TimeSpan.FromTicks((long)units * TimeSpan.TicksPerSecond / 65536);

    /// <summary>A duration in units of 1/65536 s, as a DLSR field carries it (saturating at the 18-hour maximum).</summary>
    /// <param name="duration">A non-negative duration.</param>
    /// <returns>The 16.16 value.</returns>
    public static uint ToShortFormat(TimeSpan duration)
    {
        long units = duration.Ticks * 65536 / TimeSpan.TicksPerSecond;
        return units <= 0 ? 0 : units >= uint.MaxValue ? uint.MaxValue : (uint)units;
    }
}
