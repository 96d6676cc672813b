using ContactCenter.Media.Quality;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Relay;

/// <summary>
/// The quality of the media one leg's peer sent to the relay, measured from packet headers: loss and jitter of its RTP,
/// the relay↔peer round trip from the RTCP passing through, and the E-model summary.
/// </summary>
/// <param name="Reception">Reception statistics of the peer's RTP (RFC 3550 Appendix A), summed over its SSRCs.</param>
/// <param name="LastRoundTrip">The latest relay↔peer round trip; null until both peers' RTCP allowed one.</param>
/// <param name="MeanRoundTrip">The round trip averaged over every measurement; null as above.</param>
/// <param name="Quality">Loss, mean jitter, mean RTT and MOS; null before the peer's RTP stream was validated.</param>
public readonly record struct RtpRelayLegQuality(
    RtpReceiveSnapshot Reception,
    TimeSpan? LastRoundTrip,
    TimeSpan? MeanRoundTrip,
    CallQuality? Quality);
