using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Sip.Transport;

public sealed partial class SipTransportLayer
{
    private static readonly IPEndPoint Ipv4Template = new(IPAddress.Any, 0);
    private static readonly IPEndPoint Ipv6Template = new(IPAddress.IPv6Any, 0);

    private async Task UdpReceiveLoopAsync(Socket socket, IPEndPoint local, CancellationToken cancellationToken)
    {
        int limit = Options.MaxMessageSize;
        // One pooled buffer per socket, one byte larger than the limit so that an oversize datagram is detectable.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(limit + 1);
        var address = new SocketAddress(socket.AddressFamily);
        var cachedAddress = new SocketAddress(socket.AddressFamily);
        IPEndPoint? cachedRemote = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                int received;
                try
                {
                    received = await socket.ReceiveFromAsync(buffer.AsMemory(0, limit + 1), SocketFlags.None, address, cancellationToken);
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (SocketException e) when (IsTransientUdpError(e.SocketErrorCode))
                {
                    // ICMP errors reported by the kernel for an earlier send: the socket is fine, keep receiving.
                    continue;
                }
                catch (Exception e)
                {
                    SipTransportLog.UdpReceiveFailed(Logger, e, local);
                    await PauseAfterFaultAsync(cancellationToken);
                    continue;
                }

                try
                {
                    // Per-datagram allocation only when the source changes (a busy phone sends many in a row).
                    if (cachedRemote is null || !address.Equals(cachedAddress))
                    {
                        cachedRemote = Normalize((IPEndPoint)(socket.AddressFamily == AddressFamily.InterNetworkV6 ? Ipv6Template : Ipv4Template).Create(address));
                        cachedAddress.Size = address.Size;
                        address.Buffer.Span[..address.Size].CopyTo(cachedAddress.Buffer.Span);
                    }

                    OnDatagram(buffer.AsSpan(0, received), cachedRemote, local, limit);
                }
                catch (Exception e)
                {
                    SipTransportLog.UdpReceiveFailed(Logger, e, local);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void OnDatagram(ReadOnlySpan<byte> datagram, IPEndPoint remote, IPEndPoint local, int limit)
    {
        if (datagram.Length > limit)
        {
            if (_dropThrottle.ShouldLog(remote.Address, out long suppressed))
            {
                SipTransportLog.DatagramTooLarge(Logger, remote, datagram.Length, limit, suppressed);
            }

            return;
        }

        // Empty or CRLF-only datagrams are keep-alives some phones send over UDP: nothing to parse.
        if (!datagram.ContainsAnyExcept("\r\n"u8))
        {
            return;
        }

        var peer = new SipPeer(SipTransportProtocol.Udp, remote, local, 0);
        Deliver(datagram, in peer);
    }

    private async ValueTask<bool> SendUdpAsync(IPEndPoint remote, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        Socket? socket = null;
        foreach (var (candidate, local) in _udpSockets)
        {
            if (local.AddressFamily == remote.AddressFamily)
            {
                socket = candidate;
                break;
            }
        }

        if (socket is null)
        {
            SipTransportLog.SendFailed(Logger, data.Length, SipTransportProtocol.Udp, remote, "no UDP listener of that address family");
            return false;
        }

        try
        {
            await socket.SendToAsync(data, SocketFlags.None, remote, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            SipTransportLog.SendFailedWithException(Logger, e, data.Length, SipTransportProtocol.Udp, remote);
            return false;
        }
    }

    private static bool IsTransientUdpError(SocketError error) =>
        error is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.HostUnreachable
            or SocketError.NetworkUnreachable or SocketError.MessageSize or SocketError.TimedOut or SocketError.HostDown;

    private async Task PauseAfterFaultAsync(CancellationToken cancellationToken)
    {
        // A persistent fault must not spin a core; the pause ends early on stop.
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), Time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
