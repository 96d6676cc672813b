namespace ContactCenter.Media.Rtcp;

/// <summary>
/// The RTCP transmission interval of RFC 3550 §6.3, simplified for the appliance's two-party sessions: two members,
/// both usually senders, so the sender/receiver bandwidth split of §6.3.1 never applies (senders exceed 25 %), and the
/// membership never changes, so timer reconsideration (§6.3.3, §6.3.6) is not run. A pure calculation: the endpoint
/// draws the random number and arms its timer on its injected <see cref="TimeProvider"/>.
/// </summary>
public static class RtcpInterval
{
    /// <summary>The minimum interval between reports (§6.2).</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(5);

    /// <summary>The share of the session bandwidth given to RTCP (§6.2: 5 %).</summary>
    public const double RtcpBandwidthFraction = 0.05;

    private const int Members = 2;

    /// <summary>
    /// The delay until the next report: max(<see cref="Minimum"/>, members × average RTCP size ÷ RTCP bandwidth),
    /// the minimum halved before the first report (§6.2), times a factor spread uniformly over [0.5, 1.5) so that
    /// endpoints do not report in lockstep (§6.3.1). The e − 3/2 compensation of §6.3.1 is left out: it offsets
    /// reconsideration, which this simplification does not run, and would pull the mean below the 5 s minimum.
    /// </summary>
    /// <param name="isInitial">Whether no report has been sent yet.</param>
    /// <param name="sessionBandwidthBitsPerSecond">The session bandwidth (e.g. 87 200 for G.711 at 20 ms with IPv4/UDP/RTP headers); 0 when unknown.</param>
    /// <param name="averageRtcpSize">The average compound RTCP size in bytes, lower-layer headers included (§6.3.3).</param>
    /// <param name="uniform">A random number in [0, 1).</param>
    /// <returns>The interval.</returns>
    public static TimeSpan Calculate(bool isInitial, double sessionBandwidthBitsPerSecond, double averageRtcpSize, double uniform)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sessionBandwidthBitsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegative(averageRtcpSize);
        if (uniform is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(uniform), uniform, "A uniform random number in [0, 1).");
        }

        double minimum = Minimum.TotalSeconds / (isInitial ? 2 : 1);
        double rtcpBytesPerSecond = sessionBandwidthBitsPerSecond * RtcpBandwidthFraction / 8;
        double deterministic = rtcpBytesPerSecond > 0 ? Math.Max(minimum, Members * averageRtcpSize / rtcpBytesPerSecond) : minimum;
        return TimeSpan.FromSeconds(deterministic * (0.5 + uniform));
    }
}
