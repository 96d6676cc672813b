using System.Net;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip.Transport;

/// <summary>CONTRACT STUB: replaced by the transport work.</summary>
public sealed class SipTransportLayer : IAsyncDisposable
{
    /// <summary>Creates the layer; nothing is bound until <see cref="StartAsync"/>.</summary>
    public SipTransportLayer(SipTransportOptions options, SipReceiveHandler handler, ILoggerFactory loggerFactory, TimeProvider time)
    {
    }

    /// <summary>The port bound for UDP and TCP (resolved when 0 was asked).</summary>
    public int Port => throw new NotImplementedException();

    /// <summary>Binds every listener; throws <see cref="SipTransportBindException"/> naming the address and port when one cannot be bound.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Sends one message. UDP: from the listener of the remote's address family. TCP: over <paramref name="connectionId"/> when it is open, else over an open connection to <paramref name="remote"/>, else over a new one. False when it could not be sent.</summary>
    public ValueTask<bool> SendAsync(SipTransportProtocol protocol, IPEndPoint remote, ReadOnlyMemory<byte> data, long connectionId = 0, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Closes listeners and connections.</summary>
    public ValueTask DisposeAsync() => throw new NotImplementedException();
}
