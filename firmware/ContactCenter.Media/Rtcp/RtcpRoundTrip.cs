namespace ContactCenter.Media.Rtcp;

/// <summary>
/// Round-trip time from a reception report (RFC 3550 §6.4.1): the time between sending an SR and receiving the report
/// block that echoes it (its LSR), minus the time the reporter held it (its DLSR).
/// </summary>
public static class RtcpRoundTrip
{
    /// <summary>The RTT as an endpoint computes it, from the NTP time at which the report block arrived.</summary>
    /// <param name="arrival">When the RR (or SR) carrying the block arrived, on the same NTP clock that stamped our SRs.</param>
    /// <param name="block">The block about our stream.</param>
    /// <returns>The RTT; null when the reporter has had no SR from us yet (LSR 0) or the figures are inconsistent.</returns>
    public static TimeSpan? Calculate(NtpTimestamp arrival, RtcpReportBlock block)
    {
        if (block.LastSenderReport == 0)
        {
            return null;
        }

        // 16.16 arithmetic modulo 2^32, as §6.4.1 describes; a "negative" elapsed time is a reordered or forged report.
        uint elapsed = unchecked(arrival.Middle32 - block.LastSenderReport);
        return elapsed > int.MaxValue ? null : Calculate(NtpTimestamp.FromShortFormat(elapsed), block.DelaySinceLastSenderReport);
    }

    /// <summary>
    /// The RTT from the time elapsed since the echoed SR was seen. A relay in the path uses this: the SR passed it on
    /// its way to the reporter and the report block on its way back, so the result is the relay↔reporter round trip.
    /// </summary>
    /// <param name="sinceSenderReport">Time from seeing the SR to seeing the report block.</param>
    /// <param name="delaySinceLastSenderReport">The block's DLSR, in 1/65536 s.</param>
    /// <returns>The RTT; null when the DLSR exceeds the elapsed time (clock or report inconsistent).</returns>
    public static TimeSpan? Calculate(TimeSpan sinceSenderReport, uint delaySinceLastSenderReport)
    {
        var rtt = sinceSenderReport - NtpTimestamp.FromShortFormat(delaySinceLastSenderReport);
        return rtt < TimeSpan.Zero ? null : rtt;
    }
}
