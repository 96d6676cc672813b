using System.Net;

namespace ContactCenter.Sip.Transport;

/// <summary>CONTRACT STUB: completed by the transport work.</summary>
public sealed class SipTransportOptions
{
    /// <summary>Addresses to bind; empty means all IPv4 and IPv6 addresses.</summary>
    public IList<IPAddress> BindAddresses { get; } = [];
    /// <summary>UDP and TCP port; 0 picks one free port used by both.</summary>
    public int Port { get; set; } = 5060;
}
