using System.Net;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip.Transport;

/// <summary>Source-generated log lines of the transport layer (event IDs 1200–1299).</summary>
internal static partial class SipTransportLog
{
    [LoggerMessage(1200, LogLevel.Information, "SIP listening on {Protocol} {LocalEndPoint}")]
    public static partial void Listening(ILogger logger, SipTransportProtocol protocol, IPEndPoint localEndPoint);

    [LoggerMessage(1201, LogLevel.Warning, "IPv6 is not available on this host ({Reason}); SIP listens on IPv4 only")]
    public static partial void Ipv6Unavailable(ILogger logger, string reason);

    [LoggerMessage(1202, LogLevel.Debug, "Port {Port} picked for TCP is taken for UDP on {Address}; picking another")]
    public static partial void PortPickRetry(ILogger logger, int port, IPAddress address);

    [LoggerMessage(1203, LogLevel.Error, "SIP receive handler failed on a message from {Protocol} {Remote}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, SipTransportProtocol protocol, IPEndPoint remote);

    [LoggerMessage(1204, LogLevel.Warning, "UDP receive on {LocalEndPoint} failed; the loop continues")]
    public static partial void UdpReceiveFailed(ILogger logger, Exception exception, IPEndPoint localEndPoint);

    [LoggerMessage(1205, LogLevel.Warning, "TCP accept on {LocalEndPoint} failed; the loop continues")]
    public static partial void AcceptFailed(ILogger logger, Exception exception, IPEndPoint localEndPoint);

    [LoggerMessage(1206, LogLevel.Warning, "Dropped a {Size}-byte UDP datagram from {Remote}: larger than {Limit} bytes ({Suppressed} more drops from this source not logged)")]
    public static partial void DatagramTooLarge(ILogger logger, IPEndPoint remote, int size, int limit, long suppressed);

    [LoggerMessage(1207, LogLevel.Warning, "Refused a TCP connection from {Remote}: {Reason} ({Suppressed} more drops from this source not logged)")]
    public static partial void ConnectionRefused(ILogger logger, IPEndPoint remote, string reason, long suppressed);

    [LoggerMessage(1208, LogLevel.Warning, "Closing TCP connection {ConnectionId} from {Remote}: {Reason} ({Suppressed} more drops from this source not logged)")]
    public static partial void StreamRejected(ILogger logger, long connectionId, IPEndPoint remote, string reason, long suppressed);

    [LoggerMessage(1209, LogLevel.Debug, "TCP connection {ConnectionId} {Direction} {Remote} via {Local} opened")]
    public static partial void ConnectionOpened(ILogger logger, long connectionId, string direction, IPEndPoint remote, IPEndPoint local);

    [LoggerMessage(1210, LogLevel.Debug, "TCP connection {ConnectionId} with {Remote} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, long connectionId, IPEndPoint remote, string reason);

    [LoggerMessage(1211, LogLevel.Error, "TCP connection {ConnectionId} with {Remote} faulted")]
    public static partial void ConnectionFaulted(ILogger logger, Exception exception, long connectionId, IPEndPoint remote);

    [LoggerMessage(1212, LogLevel.Warning, "Could not send {Length} bytes over {Protocol} to {Remote}: {Reason}")]
    public static partial void SendFailed(ILogger logger, int length, SipTransportProtocol protocol, IPEndPoint remote, string reason);

    [LoggerMessage(1213, LogLevel.Warning, "Could not send {Length} bytes over {Protocol} to {Remote}")]
    public static partial void SendFailedWithException(ILogger logger, Exception exception, int length, SipTransportProtocol protocol, IPEndPoint remote);

    [LoggerMessage(1214, LogLevel.Information, "SIP transport stopped")]
    public static partial void Stopped(ILogger logger);
}
