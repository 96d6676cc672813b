using System.Net;

namespace ContactCenter.Sip.Transport;

/// <summary>Where a message is sent: transport, address, and for TCP the connection to prefer (0: any open one, or a new one).</summary>
/// <param name="Protocol">The transport.</param>
/// <param name="EndPoint">The remote address and port.</param>
/// <param name="ConnectionId">The TCP connection to reuse, 0 for none.</param>
public readonly record struct SipDestination(SipTransportProtocol Protocol, IPEndPoint EndPoint, long ConnectionId = 0)
{
    /// <summary>True for connection-oriented transports, where no retransmission timers run (RFC 3261 §17.1.1.2).</summary>
    public bool IsReliable => Protocol != SipTransportProtocol.Udp;
}
