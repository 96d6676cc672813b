namespace ContactCenter.Media.Relay;

/// <summary>A snapshot of one leg's counters.</summary>
/// <param name="Leg">The leg.</param>
/// <param name="Rtp">The RTP stream received from this leg's peer.</param>
/// <param name="Rtcp">The RTCP stream received from this leg's peer.</param>
/// <param name="Quality">Loss, jitter, round trip and MOS of what this leg's peer sent.</param>
public readonly record struct RtpRelayLegStatistics(RtpRelayLeg Leg, RtpStreamStatistics Rtp, RtpStreamStatistics Rtcp, RtpRelayLegQuality Quality);
