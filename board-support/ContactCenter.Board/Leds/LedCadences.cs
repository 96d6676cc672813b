namespace ContactCenter.Board.Leds;

/// <summary>
/// The timing of each <see cref="LedCadence"/>, and the engine's tick: the greatest common divisor of every lit and
/// unlit span, so that each transition of each cadence falls on a tick.
/// </summary>
internal static class LedCadences
{
    private static readonly (TimeSpan Lit, TimeSpan Period)[] Timings =
    [
        (TimeSpan.Zero, TimeSpan.Zero),
        (TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000)),
        (TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)),
        (TimeSpan.FromMilliseconds(900), TimeSpan.FromMilliseconds(1000)),
    ];

    /// <summary>The one timer's period.</summary>
    public static readonly TimeSpan Tick = ComputeTick();

    /// <summary>Whether a cadence shows its lit colour <paramref name="sinceEpoch"/> after the engine's epoch.</summary>
    public static bool IsLit(LedCadence cadence, TimeSpan sinceEpoch)
    {
        if (cadence == LedCadence.Steady)
        {
            return true;
        }

        var (lit, period) = Timings[(int)cadence];
        return sinceEpoch.Ticks % period.Ticks < lit.Ticks;
    }

    private static TimeSpan ComputeTick()
    {
        long gcd = 0;
        foreach (var (lit, period) in Timings)
        {
            if (period > TimeSpan.Zero)
            {
                gcd = Gcd(gcd, lit.Ticks);
                gcd = Gcd(gcd, period.Ticks - lit.Ticks);
            }
        }

        return TimeSpan.FromTicks(gcd);
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
