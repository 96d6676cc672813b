namespace ContactCenter.Sip.Transport;

/// <summary>The transports of RFC 3261 §18 this stack runs.</summary>
public enum SipTransportProtocol
{
    /// <summary>UDP datagrams.</summary>
    Udp,
    /// <summary>TCP streams framed by Content-Length.</summary>
    Tcp,
}
