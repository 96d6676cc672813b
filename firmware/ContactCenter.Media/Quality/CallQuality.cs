using ContactCenter.Media.Clock;

namespace ContactCenter.Media.Quality;

/// <summary>
/// The quality of what one party sent, as the call quality report shows it: loss, jitter, round trip when it was
/// measured, and the E-model's R and MOS (<see cref="EModel"/>).
/// </summary>
/// <param name="LossPercent">Packets lost, in percent of those expected.</param>
/// <param name="JitterMilliseconds">The mean interarrival jitter (RFC 3550 A.8, averaged over the call).</param>
/// <param name="RoundTripMilliseconds">The round-trip time to the party; null when RTCP gave none.</param>
/// <param name="RatingFactor">The E-model R.</param>
/// <param name="Mos">The MOS estimated from R.</param>
public readonly record struct CallQuality(
    double LossPercent,
    double JitterMilliseconds,
    double? RoundTripMilliseconds,
    double RatingFactor,
    double Mos)
{
    /// <summary>
    /// Rates a stream. The one-way delay is estimated the usual simplified way: half the round trip (the network; 0
    /// when unknown), plus a jitter buffer sized at twice the jitter, plus one 20 ms frame of packetisation. Losses are
    /// taken as random (BurstR = 1).
    /// </summary>
    /// <param name="lossPercent">Packet loss in percent.</param>
    /// <param name="jitterMilliseconds">Interarrival jitter in ms.</param>
    /// <param name="roundTripMilliseconds">The RTT in ms, or null.</param>
    /// <param name="codec">The codec's impairment figures.</param>
    /// <returns>The quality summary.</returns>
    public static CallQuality Estimate(double lossPercent, double jitterMilliseconds, double? roundTripMilliseconds, CodecImpairment codec)
    {
        double oneWayDelay = ((roundTripMilliseconds ?? 0) / 2) + (2 * jitterMilliseconds) + MediaFrame.DurationMilliseconds;
        double r = EModel.RatingFactor(codec, lossPercent, oneWayDelay);
        return new CallQuality(lossPercent, jitterMilliseconds, roundTripMilliseconds, r, EModel.MeanOpinionScore(r));
    }
}
