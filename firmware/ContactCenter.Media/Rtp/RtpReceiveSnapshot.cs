namespace ContactCenter.Media.Rtp;

/// <summary>
/// A copy of <see cref="RtpReceiveStatistics"/> at one moment, summed over every source the stream has had (a phone
/// changes SSRC on re-INVITE or transfer; the call's quality covers them all).
/// </summary>
/// <param name="Ssrc">The current source; null before one was validated.</param>
/// <param name="Sources">How many sources (or sender restarts, A.1) the stream has had.</param>
/// <param name="Packets">Packets counted (RFC 3550 A.1 "received", duplicates included).</param>
/// <param name="PayloadBytes">Payload octets of those packets.</param>
/// <param name="Expected">Packets expected from the sequence numbers (A.3).</param>
/// <param name="Lost">Expected minus counted; negative when duplicates outnumber losses (A.3).</param>
/// <param name="ExtendedHighestSequence">The current source's highest sequence number with its wrap count (A.1).</param>
/// <param name="JitterMilliseconds">The interarrival jitter estimate now (A.8), in milliseconds.</param>
/// <param name="MeanJitterMilliseconds">The estimate averaged over every packet that updated it (RFC 6035's average jitter).</param>
/// <param name="MaxJitterMilliseconds">The largest value the estimate reached (RFC 6035's maximum jitter).</param>
public readonly record struct RtpReceiveSnapshot(
    uint? Ssrc,
    int Sources,
    long Packets,
    long PayloadBytes,
    long Expected,
    long Lost,
    uint ExtendedHighestSequence,
    double JitterMilliseconds,
    double MeanJitterMilliseconds,
    double MaxJitterMilliseconds)
{
    /// <summary>The share of expected packets that never arrived, 0–100; 0 when nothing was expected.</summary>
    public double LossPercent => Expected <= 0 || Lost <= 0 ? 0 : 100.0 * Lost / Expected;
}
