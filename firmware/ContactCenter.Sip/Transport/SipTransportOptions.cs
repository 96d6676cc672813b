using System.Net;

namespace ContactCenter.Sip.Transport;

/// <summary>Settings of <see cref="SipTransportLayer"/>: what to bind and the bounds that protect the box from abusive peers.</summary>
public sealed class SipTransportOptions
{
    /// <summary>Addresses to bind; empty means all IPv4 and IPv6 addresses (IPv6 is skipped with a log line when the host has none).</summary>
    public IList<IPAddress> BindAddresses { get; } = [];

    /// <summary>UDP and TCP port; 0 picks one free port used by both. Default 5060.</summary>
    public int Port { get; set; } = 5060;

    /// <summary>Largest accepted message (datagram, or headers + body on a stream), in bytes. Default 65536.</summary>
    public int MaxMessageSize { get; set; } = 65536;

    /// <summary>A TCP connection with no traffic in either direction for this long is closed. Default 10 minutes.</summary>
    public TimeSpan TcpIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Most inbound TCP connections accepted from one source address; extra ones are closed at once. Default 16.</summary>
    public int MaxConnectionsPerSource { get; set; } = 16;

    /// <summary>Most TCP connections open at once, inbound and outbound. Default 1024.</summary>
    public int MaxTcpConnections { get; set; } = 1024;

    /// <summary>Most bytes buffered on one connection before a complete message is framed; beyond it the connection is closed. At least <see cref="MaxMessageSize"/>. Default 2 × 65536.</summary>
    public int MaxBufferedBytesPerConnection { get; set; } = 2 * 65536;

    /// <summary>How long an outbound TCP connect may take. Default 10 seconds.</summary>
    public TimeSpan TcpConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one TCP write may stay blocked (peer not reading) before the connection is closed. Default 10 seconds.</summary>
    public TimeSpan TcpSendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often dropped or abusive input from one source address is logged. Default 1 minute.</summary>
    public TimeSpan DropLogInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times a free port is looked for when <see cref="Port"/> is 0 and the port picked for TCP is taken for UDP. Default 8.</summary>
    public int PortPickAttempts { get; set; } = 8;

    /// <summary>
    /// The kernel receive buffer asked for each UDP socket, in bytes. A fan-out of NOTIFYs brings back a burst of 200s
    /// (50 watchers of 20 extensions answer 1000 at once): Linux's default (212 992 bytes, a few hundred small
    /// datagrams) drops the rest, and each drop costs a 500 ms retransmission. Granted in full to a process with
    /// CAP_NET_ADMIN, else capped by the kernel at <c>net.core.rmem_max</c>.
    /// </summary>
    public int UdpReceiveBufferBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a setting is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, IPEndPoint.MaxPort);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageSize, 256);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBufferedBytesPerConnection, MaxMessageSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConnectionsPerSource);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTcpConnections);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PortPickAttempts);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TcpIdleTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TcpConnectTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TcpSendTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(DropLogInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(UdpReceiveBufferBytes);
    }
}
