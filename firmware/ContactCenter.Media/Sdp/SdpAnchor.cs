using System.Net;

namespace ContactCenter.Media.Sdp;

/// <summary>Where the appliance receives one leg's media: what <see cref="SdpRewriter"/> writes into the SDP for that leg.</summary>
/// <param name="Address">The advertised address (the LAN address phones reach, not a wildcard).</param>
/// <param name="RtpPort">The leg's local RTP port.</param>
/// <param name="RtcpPort">The leg's local RTCP port.</param>
public readonly record struct SdpAnchor(IPAddress Address, int RtpPort, int RtcpPort);
