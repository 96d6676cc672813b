using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Endpoints;

/// <summary>Counters of one <see cref="MediaEndpoint"/>, for per-call quality records and status pages.</summary>
/// <param name="PacketsSent">RTP packets sent (audio and telephone-event).</param>
/// <param name="PacketsReceived">RTP packets received from the peer with a negotiated payload type.</param>
/// <param name="Foreign">Datagrams dropped: not RTP/RTCP, an unknown payload type, or from a source that is not the latched one.</param>
/// <param name="RtcpSent">RTCP compound packets sent.</param>
/// <param name="RtcpReceived">Valid RTCP compound packets received.</param>
/// <param name="RoundTrip">The last round-trip time measured from the peer's reports (RFC 3550 §6.4.1); null before one.</param>
/// <param name="Reception">Loss and jitter of the received stream (RFC 3550 A.1, A.8).</param>
/// <param name="JitterBuffer">The jitter buffer's counters.</param>
public readonly record struct MediaEndpointStatistics(
    long PacketsSent,
    long PacketsReceived,
    long Foreign,
    long RtcpSent,
    long RtcpReceived,
    TimeSpan? RoundTrip,
    RtpReceiveSnapshot Reception,
    JitterBufferStatistics JitterBuffer);
