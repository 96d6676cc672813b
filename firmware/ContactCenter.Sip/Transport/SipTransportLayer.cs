using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// The SIP transport layer (RFC 3261 §18): UDP and TCP listeners on every bind address, one receive loop per socket,
/// Content-Length framing and keep-alive pongs on streams (RFC 5626), connection reuse for sends, and bounds on
/// connections, buffering and idle time. Received messages go to the <see cref="SipReceiveHandler"/> on the loop that read them.
/// </summary>
public sealed partial class SipTransportLayer : ISipTransport, IAsyncDisposable
{
    private readonly SipReceiveHandler _handler;
    private readonly SourceLogThrottle _dropThrottle;
    private readonly SourceLogThrottle _faultThrottle;
    private readonly CancellationTokenSource _stopCts = new();
    private readonly List<Task> _loops = [];
    private readonly List<Socket> _tcpListeners = [];
    private readonly List<(Socket Socket, IPEndPoint Local)> _udpSockets = [];
    private readonly Lock _gate = new();
    private SipTransportListener[] _listeners = [];
    private int _port;
    private int _state;
    private Task? _stopTask;

    /// <summary>Creates the layer; nothing is bound until <see cref="StartAsync"/>.</summary>
    /// <param name="options">What to bind and the bounds to enforce.</param>
    /// <param name="handler">Receives every framed message on the receive loop; must not block.</param>
    /// <param name="loggerFactory">Source of the transport's logger.</param>
    /// <param name="time">The clock driving idle timeouts, send/connect timeouts and log throttling.</param>
    public SipTransportLayer(SipTransportOptions options, SipReceiveHandler handler, ILoggerFactory loggerFactory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        Options = options;
        _handler = handler;
        Time = time;
        Logger = loggerFactory.CreateLogger<SipTransportLayer>();
        _dropThrottle = new SourceLogThrottle(time, options.DropLogInterval);
        _faultThrottle = new SourceLogThrottle(time, options.DropLogInterval);
    }

    /// <summary>The port bound for UDP and TCP (resolved when 0 was asked); 0 before <see cref="StartAsync"/>.</summary>
    public int Port => Volatile.Read(ref _port);

    /// <summary>Every bound listener (protocol and local endpoint); empty before <see cref="StartAsync"/>.</summary>
    public IReadOnlyList<SipTransportListener> Listeners => Volatile.Read(ref _listeners);

    /// <summary>How many TCP connections (inbound and outbound) are open now.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _connectionCount;
            }
        }
    }

    internal SipTransportOptions Options { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    /// <summary>
    /// Binds UDP and TCP on every bind address and starts the receive and accept loops. With no bind address, binds
    /// <c>0.0.0.0</c> and <c>::</c> (IPv6-only sockets), falling back to IPv4 alone with a log line when the host has no IPv6.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="SipTransportBindException">A listener could not be bound; the message names protocol, address and port.</exception>
    /// <exception cref="InvalidOperationException">Started twice, or after being stopped.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The SIP transport layer can be started once.");
        }

        bool implicitAddresses = Options.BindAddresses.Count == 0;
        var addresses = implicitAddresses ? DefaultAddresses() : [.. Options.BindAddresses];
        BindWithRetries(addresses, implicitAddresses, cancellationToken);

        var token = _stopCts.Token;
        var listeners = new List<SipTransportListener>();
        foreach (var listener in _tcpListeners)
        {
            var local = (IPEndPoint)listener.LocalEndPoint!;
            listeners.Add(new SipTransportListener(SipTransportProtocol.Tcp, local));
            SipTransportLog.Listening(Logger, SipTransportProtocol.Tcp, local);
            _loops.Add(Task.Run(() => AcceptLoopAsync(listener, local, token), CancellationToken.None));
        }

        foreach (var (socket, local) in _udpSockets)
        {
            listeners.Add(new SipTransportListener(SipTransportProtocol.Udp, local));
            SipTransportLog.Listening(Logger, SipTransportProtocol.Udp, local);
            _loops.Add(Task.Run(() => UdpReceiveLoopAsync(socket, local, token), CancellationToken.None));
        }

        Volatile.Write(ref _listeners, [.. listeners]);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sends one message. UDP: from the listener of the remote's address family. TCP: over <paramref name="connectionId"/>
    /// when it is open, else over an open connection to <paramref name="remote"/> (RFC 3261 §18.2.2, §18.1.1), else over a
    /// new outbound connection, which then also receives. False (and a log line) when it could not be sent.
    /// </summary>
    /// <param name="protocol">The transport.</param>
    /// <param name="remote">The destination; IPv4-mapped IPv6 addresses are treated as IPv4.</param>
    /// <param name="data">One complete message.</param>
    /// <param name="connectionId">The TCP connection to prefer (from <see cref="SipPeer.ConnectionId"/>); 0 for none.</param>
    /// <param name="cancellationToken">Cancels the send; a TCP write cancelled midway closes its connection.</param>
    /// <returns>Whether the message was handed to the operating system.</returns>
    public ValueTask<bool> SendAsync(SipTransportProtocol protocol, IPEndPoint remote, ReadOnlyMemory<byte> data, long connectionId = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        remote = Normalize(remote);
        if (Volatile.Read(ref _state) != 1)
        {
            SipTransportLog.SendFailed(Logger, data.Length, protocol, remote, "transport not running");
            return ValueTask.FromResult(false);
        }

        if (data.Length > Options.MaxMessageSize)
        {
            SipTransportLog.SendFailed(Logger, data.Length, protocol, remote, "message larger than MaxMessageSize");
            return ValueTask.FromResult(false);
        }

        return protocol == SipTransportProtocol.Udp
            ? SendUdpAsync(remote, data, cancellationToken)
            : SendTcpAsync(remote, data, connectionId, cancellationToken);
    }

    /// <summary>
    /// Stops in order: no new input (listeners and UDP sockets closed, loops awaited), then every TCP connection closed
    /// and its read loop awaited. Idempotent.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the sockets are closed regardless).</param>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _stopTask ??= StopCoreAsync();
        }

        return _stopTask.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the layer (see <see cref="StopAsync"/>) and releases its resources.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopCts.Dispose();
    }

    internal void Deliver(ReadOnlySpan<byte> message, in SipPeer peer)
    {
        try
        {
            _handler(message, in peer);
        }
        catch (Exception e)
        {
            if (_faultThrottle.ShouldLog(peer.Remote.Address, out _))
            {
                SipTransportLog.HandlerFailed(Logger, e, peer.Protocol, peer.Remote);
            }
        }
    }

    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    private IPAddress[] DefaultAddresses()
    {
        if (!Socket.OSSupportsIPv6)
        {
            SipTransportLog.Ipv6Unavailable(Logger, "the operating system reports no IPv6 support");
            return [IPAddress.Any];
        }

        return [IPAddress.Any, IPAddress.IPv6Any];
    }

    private async Task StopCoreAsync()
    {
        Volatile.Write(ref _state, 2);
        SipTcpConnection[] connections;
        lock (_gate)
        {
            _stopping = true;
            connections = [.. _connections.Values];
        }

        await _stopCts.CancelAsync();

        // First no new input: listeners, then UDP sockets; their loops end on the cancelled token or disposed socket.
        foreach (var listener in _tcpListeners)
        {
            listener.Dispose();
        }

        foreach (var (socket, _) in _udpSockets)
        {
            socket.Dispose();
        }

        await Task.WhenAll(_loops);

        // Then the connections; Close never blocks, and each read loop unregisters itself.
        foreach (var connection in connections)
        {
            connection.Close("transport stopping");
        }

        foreach (var connection in connections)
        {
            await connection.Completion;
        }

        SipTransportLog.Stopped(Logger);
    }

    private void BindWithRetries(IPAddress[] addresses, bool implicitAddresses, CancellationToken cancellationToken)
    {
        int attempts = Options.Port == 0 ? Options.PortPickAttempts : 1;
        for (int attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                BindAll(addresses, implicitAddresses);
                return;
            }
            catch (PortTakenException taken) when (attempt < attempts)
            {
                SipTransportLog.PortPickRetry(Logger, taken.Port, taken.Address);
            }
            catch (PortTakenException taken)
            {
                throw new SipTransportBindException(taken.Message, taken.InnerException);
            }
        }
    }

    private void BindAll(IPAddress[] addresses, bool implicitAddresses)
    {
        int port = Options.Port;
        var tcp = new List<Socket>();
        var udp = new List<(Socket, IPEndPoint)>();
        try
        {
            foreach (var address in addresses)
            {
                Socket tcpSocket;
                try
                {
                    tcpSocket = Bind(SipTransportProtocol.Tcp, address, port);
                }
                catch (SocketException e) when (implicitAddresses && address.Equals(IPAddress.IPv6Any) && IsFamilyUnavailable(e.SocketErrorCode))
                {
                    SipTransportLog.Ipv6Unavailable(Logger, e.SocketErrorCode.ToString());
                    continue;
                }

                tcp.Add(tcpSocket);
                port = ((IPEndPoint)tcpSocket.LocalEndPoint!).Port;
                var udpSocket = Bind(SipTransportProtocol.Udp, address, port);
                udp.Add((udpSocket, (IPEndPoint)udpSocket.LocalEndPoint!));
            }
        }
        catch
        {
            foreach (var socket in tcp)
            {
                socket.Dispose();
            }

            foreach (var (socket, _) in udp)
            {
                socket.Dispose();
            }

            throw;
        }

        _tcpListeners.AddRange(tcp);
        _udpSockets.AddRange(udp);
        Volatile.Write(ref _port, port);
    }

    private Socket Bind(SipTransportProtocol protocol, IPAddress address, int port)
    {
        Socket? socket = null;
        try
        {
            socket = protocol == SipTransportProtocol.Udp
                ? new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
                : new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                // IPv4 has its own listener on the same port: keep this one IPv6-only so both can bind.
                socket.DualMode = false;
            }

            if (protocol == SipTransportProtocol.Udp)
            {
                UdpReceiveBuffer.Enlarge(socket, Options.UdpReceiveBufferBytes);
            }

            if (protocol == SipTransportProtocol.Udp && OperatingSystem.IsWindows())
            {
                // SIO_UDP_CONNRESET off: an ICMP port-unreachable must not fail the next receive (Linux reports none on unconnected sockets).
                socket.IOControl(unchecked((int)0x9800000C), [0, 0, 0, 0], null);
            }

            socket.Bind(new IPEndPoint(address, port));
            if (protocol == SipTransportProtocol.Tcp)
            {
                socket.Listen(512);
            }

            return socket;
        }
        catch (SocketException e)
        {
            socket?.Dispose();
            string name = protocol == SipTransportProtocol.Udp ? "udp" : "tcp";
            if (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                string message = $"SIP port {port}/{name} on {address} is already in use";
                if (Options.Port == 0 && port != 0)
                {
                    throw new PortTakenException(message, port, address, e);
                }

                throw new SipTransportBindException(message, e);
            }

            if (IsFamilyUnavailable(e.SocketErrorCode) && address.Equals(IPAddress.IPv6Any) && Options.BindAddresses.Count == 0)
            {
                throw;
            }

            string reason = e.SocketErrorCode switch
            {
                SocketError.AccessDenied => "permission denied (ports below 1024 need CAP_NET_BIND_SERVICE)",
                SocketError.AddressNotAvailable => "the address is not assigned to this host",
                _ => e.SocketErrorCode.ToString(),
            };
            throw new SipTransportBindException($"SIP port {port}/{name} on {address} cannot be bound: {reason}", e);
        }
    }

    private static bool IsFamilyUnavailable(SocketError error) =>
        error is SocketError.AddressFamilyNotSupported or SocketError.ProtocolFamilyNotSupported
            or SocketError.ProtocolNotSupported or SocketError.AddressNotAvailable;

    /// <summary>The port picked for TCP is taken for another listener; only used internally to retry a pick.</summary>
    private sealed class PortTakenException(string message, int port, IPAddress address, Exception inner) : Exception(message, inner)
    {
        public int Port { get; } = port;

        public IPAddress Address { get; } = address;
    }
}
