using System.Net;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// Where a peer's SDP says it receives the anchored (first audio) stream, and how. Pass <see cref="Rtp"/> and
/// <see cref="Rtcp"/> to <c>RtpRelaySession.SetRemote</c> as they are: a hold address or a disabled stream is understood
/// there as "no destination until the peer sends".
/// </summary>
/// <param name="MediaIndex">The 0-based index of the stream among the body's <c>m=</c> lines.</param>
/// <param name="Rtp">The RTP address and port from <c>c=</c> and <c>m=</c>.</param>
/// <param name="Rtcp">The RTCP address and port: <c>a=rtcp</c> (RFC 3605) or else the RTP port + 1 (RFC 3550 §11).</param>
/// <param name="Direction">The stream's direction attribute, else the session's, else sendrecv.</param>
/// <param name="IsHoldAddress">The connection address is <c>0.0.0.0</c> (or <c>::</c>): RFC 2543-style hold.</param>
/// <param name="IsDisabled">The port is 0: the stream is rejected or removed (RFC 3264 §6).</param>
/// <param name="RtcpMux">The stream carries <c>a=rtcp-mux</c> (RFC 5761).</param>
public sealed record SdpMediaEndpoint(
    int MediaIndex,
    IPEndPoint Rtp,
    IPEndPoint Rtcp,
    SdpDirection Direction,
    bool IsHoldAddress,
    bool IsDisabled,
    bool RtcpMux)
{
    /// <summary>
    /// Whether the peer is putting the call on hold: a hold address, or a direction in which it will not receive.
    /// </summary>
    public bool IsHold => IsHoldAddress || Direction is SdpDirection.SendOnly or SdpDirection.Inactive;
}
