using System.Buffers;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Sdp;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Relay;

/// <summary>
/// One socket of one leg (RTP or RTCP) with its receive loop, its <see cref="RtpLatch"/> and counters. The loop is the
/// only writer of the counters; <see cref="SetDeclared"/> comes from the call's actor.
/// </summary>
internal sealed class RelayStream
{
    private readonly RtpRelaySession _session;
    private readonly bool _isRtcp;
    private readonly int _maxPacketSize;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RtpLatch _latch;
    private readonly RelayLegQuality _quality;
    private RelayStream _peer = null!;
    private long _packets;
    private long _bytes;
    private long _relayed;
    private long _invalid;
    private long _foreign;
    private long _undeliverable;
    private long _latches;
    private long _lastPacketTimestamp;

    public RelayStream(RtpRelaySession session, RtpRelayLeg leg, Socket socket, bool isRtcp, RelayLegQuality quality, RtpRelayOptions options, TimeProvider time, ILogger logger)
    {
        _quality = quality;
        _session = session;
        Leg = leg;
        Socket = socket;
        _isRtcp = isRtcp;
        _maxPacketSize = options.MaxPacketSize;
        _time = time;
        _logger = logger;
        _latch = new RtpLatch(socket.AddressFamily, options.RelatchThreshold);
    }

    public RtpRelayLeg Leg { get; }

    public Socket Socket { get; }

    public Task Loop { get; private set; } = Task.CompletedTask;

    public string Name => _isRtcp ? "RTCP" : "RTP";

    /// <summary>The monotonic timestamp of the last accepted packet, 0 before the first.</summary>
    public long LastPacketTimestamp => Volatile.Read(ref _lastPacketTimestamp);

    public long Packets => Interlocked.Read(ref _packets);

    public void Start(RelayStream peer)
    {
        _peer = peer;
        Loop = ReceiveLoopAsync();
    }

    /// <summary>
    /// Sets the address the SDP declared (<see cref="RtpLatch.SetDeclared"/>); an unspecified one (hold,
    /// <c>c=0.0.0.0</c>) clears the destination until the peer sends again.
    /// </summary>
    public void SetDeclared(IPEndPoint? endPoint)
    {
        if (endPoint is null || SdpGrammar.IsHoldAddress(endPoint.Address) || endPoint.Port == 0)
        {
            _latch.SetDeclared(null);
            RelayLog.RemoteSet(_logger, _session.Id, Leg, Name, null);
            return;
        }

        if (endPoint.AddressFamily != Socket.AddressFamily)
        {
            throw new ArgumentException($"The remote {endPoint} is not of the relay's address family {Socket.AddressFamily}.", nameof(endPoint));
        }

        if (_latch.SetDeclared(endPoint))
        {
            RelayLog.RemoteSet(_logger, _session.Id, Leg, Name, endPoint);
        }
    }

    public RtpStreamStatistics GetStatistics()
    {
        long last = Volatile.Read(ref _lastPacketTimestamp);
        return new RtpStreamStatistics(
            Interlocked.Read(ref _packets),
            Interlocked.Read(ref _bytes),
            Interlocked.Read(ref _relayed),
            Interlocked.Read(ref _invalid),
            Interlocked.Read(ref _foreign),
            Interlocked.Read(ref _undeliverable),
            Interlocked.Read(ref _latches),
            _latch.Current?.EndPoint,
            last == 0 ? null : _time.GetUtcNow() - _time.GetElapsedTime(last));
    }

    private async Task ReceiveLoopAsync()
    {
        // One buffer per socket for the life of the session, one byte larger than the limit so an oversize datagram
        // is detectable. ReceiveFromAsync with a SocketAddress completes without allocating (.NET 8+), and the
        // async state machine is boxed once per loop, not per packet.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(_maxPacketSize + 1);
        var source = new SocketAddress(Socket.AddressFamily);
        try
        {
            while (!_session.IsStopping)
            {
                int received;
                try
                {
                    received = await Socket.ReceiveFromAsync(buffer.AsMemory(0, _maxPacketSize + 1), SocketFlags.None, source);
                }
                catch (Exception) when (_session.IsStopping)
                {
                    break;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
                {
                    // Larger than the buffer: truncated by the kernel, not media we relay.
                    Interlocked.Increment(ref _invalid);
                    continue;
                }
                catch (SocketException e) when (RtpSocketErrors.IsTransient(e.SocketErrorCode))
                {
                    // ICMP errors for an earlier send (a phone that went away): the socket is fine.
                    continue;
                }
                catch (Exception e)
                {
                    RelayLog.ReceiveFailed(_logger, e, _session.Id, Leg, Name);
                    await _session.PauseAfterFaultAsync();
                    continue;
                }

                try
                {
                    OnDatagram(buffer.AsSpan(0, received), source);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    RelayLog.ReceiveFailed(_logger, e, _session.Id, Leg, Name);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        if (datagram.Length > _maxPacketSize)
        {
            Interlocked.Increment(ref _invalid);
            return;
        }

        var kind = RtpHeader.Classify(datagram);
        // An RTCP socket takes RTCP only; an RTP socket also carries RTCP when both ends agreed on rtcp-mux (RFC 5761).
        if (kind == RtpPacketKind.Invalid || (_isRtcp && kind != RtpPacketKind.Rtcp))
        {
            Interlocked.Increment(ref _invalid);
            return;
        }

        if (!Latch(kind, source))
        {
            Interlocked.Increment(ref _foreign);
            return;
        }

        long arrival = _time.GetTimestamp();
        Interlocked.Increment(ref _packets);
        Interlocked.Add(ref _bytes, datagram.Length);
        Volatile.Write(ref _lastPacketTimestamp, arrival);
        if (kind == RtpPacketKind.Rtp)
        {
            _quality.OnRtp(datagram, arrival);
        }
        else
        {
            _quality.OnRtcp(datagram, arrival, _peer._quality);
        }

        var destination = _peer._latch.Current;
        if (destination is null)
        {
            Interlocked.Increment(ref _undeliverable);
            return;
        }

        // Counted before the send, so whoever receives the packet already sees it counted.
        Interlocked.Increment(ref _relayed);
        try
        {
            _peer.Socket.SendTo(datagram, SocketFlags.None, destination.Address);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Interlocked.Decrement(ref _relayed);
            Interlocked.Increment(ref _undeliverable);
        }
    }

    /// <summary>
    /// Applies the latching rule (<see cref="RtpLatch"/>) with the relay's counters and log. On an RTP socket only RTP
    /// packets move the latch, not muxed RTCP.
    /// </summary>
    private bool Latch(RtpPacketKind kind, SocketAddress source)
    {
        switch (_latch.Accept(source, mayLatch: _isRtcp || kind == RtpPacketKind.Rtp, out var latched, out var replaced))
        {
            case RtpLatchOutcome.Rejected:
                return false;
            case RtpLatchOutcome.Confirmed:
                Interlocked.Increment(ref _latches);
                return true;
            case RtpLatchOutcome.Latched:
                Interlocked.Increment(ref _latches);
                RelayLog.Latched(_logger, _session.Id, Leg, Name, latched!.EndPoint, replaced?.EndPoint);
                return true;
            default:
                return true;
        }
    }
}
