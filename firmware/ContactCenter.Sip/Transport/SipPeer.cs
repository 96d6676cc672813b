using System.Net;

namespace ContactCenter.Sip.Transport;

/// <summary>Where a message came from: transport, remote and local endpoints, and the TCP connection it arrived on (0 for UDP).</summary>
/// <param name="Protocol">The transport.</param>
/// <param name="Remote">The remote endpoint (IPv4-mapped IPv6 addresses are normalised to IPv4).</param>
/// <param name="Local">The local endpoint that received it.</param>
/// <param name="ConnectionId">The connection it arrived on, for reuse by responses (RFC 3261 §18.2.2); 0 for UDP.</param>
public readonly record struct SipPeer(SipTransportProtocol Protocol, IPEndPoint Remote, IPEndPoint Local, long ConnectionId);
