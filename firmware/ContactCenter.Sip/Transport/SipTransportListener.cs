using System.Net;

namespace ContactCenter.Sip.Transport;

/// <summary>One bound listener of the transport layer.</summary>
/// <param name="Protocol">UDP or TCP.</param>
/// <param name="LocalEndPoint">The bound local address and port.</param>
public readonly record struct SipTransportListener(SipTransportProtocol Protocol, IPEndPoint LocalEndPoint);
