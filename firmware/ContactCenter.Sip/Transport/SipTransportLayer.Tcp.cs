using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Sip.Transport;

public sealed partial class SipTransportLayer
{
    private readonly Dictionary<long, SipTcpConnection> _connections = [];
    private readonly Dictionary<IPAddress, int> _connectionsPerSource = [];
    private readonly Dictionary<IPEndPoint, Task<SipTcpConnection?>> _pendingConnects = [];
    private int _connectionCount;
    private bool _stopping;
    private long _lastConnectionId;

    internal void ReportStreamRejected(SipTcpConnection connection, string reason)
    {
        if (_dropThrottle.ShouldLog(connection.Remote.Address, out long suppressed))
        {
            SipTransportLog.StreamRejected(Logger, connection.Id, connection.Remote, reason, suppressed);
        }
    }

    internal void Unregister(SipTcpConnection connection)
    {
        lock (_gate)
        {
            if (!_connections.Remove(connection.Id))
            {
                return;
            }

            _connectionCount--;
            if (connection.Inbound && _connectionsPerSource.TryGetValue(connection.Remote.Address, out int count))
            {
                if (count <= 1)
                {
                    _connectionsPerSource.Remove(connection.Remote.Address);
                }
                else
                {
                    _connectionsPerSource[connection.Remote.Address] = count - 1;
                }
            }
        }
    }

    private async Task AcceptLoopAsync(Socket listener, IPEndPoint local, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await listener.AcceptAsync(cancellationToken);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionAborted or SocketError.ConnectionReset)
            {
                continue;
            }
            catch (Exception e)
            {
                // E.g. out of file descriptors: log, pause, and try the next accept.
                SipTransportLog.AcceptFailed(Logger, e, local);
                await PauseAfterFaultAsync(cancellationToken);
                continue;
            }

            try
            {
                Admit(accepted);
            }
            catch (Exception e)
            {
                accepted.Dispose();
                if (e is not SocketException and not ObjectDisposedException)
                {
                    SipTransportLog.AcceptFailed(Logger, e, local);
                }
            }
        }
    }

    private void Admit(Socket socket)
    {
        var remote = Normalize((IPEndPoint)socket.RemoteEndPoint!);
        var local = Normalize((IPEndPoint)socket.LocalEndPoint!);
        socket.NoDelay = true;
        string? refusal = null;
        SipTcpConnection? connection = null;
        lock (_gate)
        {
            _connectionsPerSource.TryGetValue(remote.Address, out int fromSource);
            if (_stopping)
            {
                refusal = "transport stopping";
            }
            else if (_connectionCount >= Options.MaxTcpConnections)
            {
                refusal = "too many TCP connections";
            }
            else if (fromSource >= Options.MaxConnectionsPerSource)
            {
                refusal = "too many TCP connections from this source";
            }
            else
            {
                _connectionsPerSource[remote.Address] = fromSource + 1;
                connection = Register(socket, remote, local, inbound: true);
            }
        }

        if (connection is null)
        {
            if (_dropThrottle.ShouldLog(remote.Address, out long suppressed))
            {
                SipTransportLog.ConnectionRefused(Logger, remote, refusal!, suppressed);
            }

            // Reset rather than a graceful close: no TIME_WAIT kept for an abusive source.
            socket.LingerState = new LingerOption(true, 0);
            socket.Dispose();
            return;
        }

        SipTransportLog.ConnectionOpened(Logger, connection.Id, "from", remote, local);
    }

    /// <summary>
    /// Creates, records and starts a connection; the caller holds <see cref="_gate"/> and has checked the bounds.
    /// Starting under the lock means a concurrent stop always sees the real read loop to await.
    /// </summary>
    private SipTcpConnection Register(Socket socket, IPEndPoint remote, IPEndPoint local, bool inbound)
    {
        long id = Interlocked.Increment(ref _lastConnectionId);
        var connection = new SipTcpConnection(this, socket, id, remote, local, inbound);
        _connections.Add(id, connection);
        _connectionCount++;
        connection.Start();
        return connection;
    }

    private async ValueTask<bool> SendTcpAsync(IPEndPoint remote, ReadOnlyMemory<byte> data, long connectionId, CancellationToken cancellationToken)
    {
        // RFC 3261 §18.2.2: a response goes back over the connection the request came on, while it is open.
        var preferred = connectionId != 0 ? FindConnection(connectionId) : null;
        if (preferred is not null && await preferred.SendAsync(data, cancellationToken))
        {
            return true;
        }

        // RFC 3261 §18.1.1 / §18.2.2: else reuse an open connection to the destination, else open one.
        var existing = FindConnection(remote);
        if (existing is not null && existing != preferred && await existing.SendAsync(data, cancellationToken))
        {
            return true;
        }

        var opened = await ConnectAsync(remote).WaitAsync(cancellationToken);
        if (opened is null)
        {
            return false;
        }

        if (await opened.SendAsync(data, cancellationToken))
        {
            return true;
        }

        SipTransportLog.SendFailed(Logger, data.Length, SipTransportProtocol.Tcp, remote, "connection closed while sending");
        return false;
    }

    private SipTcpConnection? FindConnection(long connectionId)
    {
        lock (_gate)
        {
            return _connections.TryGetValue(connectionId, out var connection) && connection.IsOpen ? connection : null;
        }
    }

    private SipTcpConnection? FindConnection(IPEndPoint remote)
    {
        lock (_gate)
        {
            // Newest first: an older one is more likely to be half-dead.
            SipTcpConnection? best = null;
            foreach (var connection in _connections.Values)
            {
                if (connection.IsOpen && connection.Remote.Equals(remote) && (best is null || connection.Id > best.Id))
                {
                    best = connection;
                }
            }

            return best;
        }
    }

    private Task<SipTcpConnection?> ConnectAsync(IPEndPoint remote)
    {
        lock (_gate)
        {
            // One connect per destination at a time; concurrent senders share it.
            if (!_pendingConnects.TryGetValue(remote, out var pending))
            {
                pending = ConnectCoreAsync(remote);
                _pendingConnects[remote] = pending;
            }

            return pending;
        }
    }

    private async Task<SipTcpConnection?> ConnectCoreAsync(IPEndPoint remote)
    {
        // Leave the caller's lock before doing anything; the removal in finally then always follows the insertion.
        await Task.Yield();
        try
        {
            lock (_gate)
            {
                if (_stopping || _connectionCount >= Options.MaxTcpConnections)
                {
                    SipTransportLog.SendFailed(Logger, 0, SipTransportProtocol.Tcp, remote, _stopping ? "transport stopping" : "too many TCP connections");
                    return null;
                }
            }

            var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var timeout = new CancellationTokenSource(Options.TcpConnectTimeout, Time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopCts.Token);
                await socket.ConnectAsync(remote, linked.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                socket.Dispose();
                string reason = e is OperationCanceledException ? "connect timed out" : "connect failed: " + ((e as SocketException)?.SocketErrorCode.ToString() ?? "closed");
                SipTransportLog.SendFailed(Logger, 0, SipTransportProtocol.Tcp, remote, reason);
                return null;
            }

            var local = Normalize((IPEndPoint)socket.LocalEndPoint!);
            SipTcpConnection? connection = null;
            lock (_gate)
            {
                if (!_stopping && _connectionCount < Options.MaxTcpConnections)
                {
                    connection = Register(socket, remote, local, inbound: false);
                }
            }

            if (connection is null)
            {
                socket.Dispose();
                SipTransportLog.SendFailed(Logger, 0, SipTransportProtocol.Tcp, remote, "connection limit reached or transport stopping");
                return null;
            }

            SipTransportLog.ConnectionOpened(Logger, connection.Id, "to", remote, local);
            return connection;
        }
        finally
        {
            lock (_gate)
            {
                _pendingConnects.Remove(remote);
            }
        }
    }
}
