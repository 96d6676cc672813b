using System.Net;

namespace ContactCenter.Sip.Transport;

/// <summary>What the SIP core needs of a transport: sending, and where it listens (for Via sent-by). <see cref="SipTransportLayer"/> over sockets; a fake network in tests.</summary>
public interface ISipTransport
{
    /// <summary>Sends one message; false when it could not be sent (no route, connection refused).</summary>
    ValueTask<bool> SendAsync(SipTransportProtocol protocol, IPEndPoint remote, ReadOnlyMemory<byte> data, long connectionId = 0, CancellationToken cancellationToken = default);

    /// <summary>The port listened on for UDP and TCP.</summary>
    int Port { get; }
}
