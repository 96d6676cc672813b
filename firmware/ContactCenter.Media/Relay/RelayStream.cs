using System.Buffers;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Rtp;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Relay;

/// <summary>
/// One socket of one leg (RTP or RTCP) with its receive loop, latch state and counters. The loop is the only writer of
/// the latch candidate and the counters; <see cref="SetDeclared"/> (the call's actor) and the loop publish
/// <see cref="RelayTarget"/> objects by reference swap.
/// </summary>
internal sealed class RelayStream
{
    private readonly RtpRelaySession _session;
    private readonly bool _isRtcp;
    private readonly int _maxPacketSize;
    private readonly int _relatchThreshold;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IPEndPoint _template;
    private readonly SocketAddress _candidate;
    private readonly RelayLegQuality _quality;
    private RelayStream _peer = null!;
    private RelayTarget? _target;
    private RelayTarget? _declared;
    private int _candidateCount;
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
        _relatchThreshold = options.RelatchThreshold;
        _time = time;
        _logger = logger;
        _template = socket.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        _candidate = new SocketAddress(socket.AddressFamily);
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
    /// Sets the address the SDP declared. The latch survives when the declaration is unchanged (a re-INVITE that only
    /// changes direction must not forget the NAT mapping); a new address starts over; an unspecified one (hold,
    /// <c>c=0.0.0.0</c>) clears the destination until the peer sends again.
    /// </summary>
    public void SetDeclared(IPEndPoint? endPoint)
    {
        if (endPoint is null || endPoint.Address.Equals(IPAddress.Any) || endPoint.Address.Equals(IPAddress.IPv6Any) || endPoint.Port == 0)
        {
            Volatile.Write(ref _declared, null);
            Volatile.Write(ref _target, null);
            RelayLog.RemoteSet(_logger, _session.Id, Leg, Name, null);
            return;
        }

        if (endPoint.AddressFamily != Socket.AddressFamily)
        {
            throw new ArgumentException($"The remote {endPoint} is not of the relay's address family {Socket.AddressFamily}.", nameof(endPoint));
        }

        var previous = Volatile.Read(ref _declared);
        if (previous is not null && previous.EndPoint.Equals(endPoint) && Volatile.Read(ref _target) is not null)
        {
            return;
        }

        var declared = RelayTarget.Declared(endPoint);
        Volatile.Write(ref _declared, declared);
        Volatile.Write(ref _target, declared);
        RelayLog.RemoteSet(_logger, _session.Id, Leg, Name, endPoint);
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
            Volatile.Read(ref _target)?.EndPoint,
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
                catch (SocketException e) when (IsTransient(e.SocketErrorCode))
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

        var target = Volatile.Read(ref _target);
        if (target is not null && target.Address.Equals(source))
        {
            _candidateCount = 0;
            if (!target.Latched)
            {
                // The peer sends from where its SDP said: confirm, so that a stray source now needs the full threshold.
                Latch(target, source);
            }
        }
        else if (!ShouldLatch(kind, target, source) || !Latch(target, source))
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

        var destination = Volatile.Read(ref _peer._target);
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
    /// The latching rule (RFC 4961 symmetric RTP, as deployed for phones behind NAT):
    /// <list type="number">
    /// <item>Nothing latched yet (only the SDP address, or nothing): the first valid packet latches its source.</item>
    /// <item>A packet from exactly the SDP-declared address re-latches at once: signalling is authenticated, so the
    /// declared address wins over whatever stray packet arrived first.</item>
    /// <item>Otherwise a new source must send <see cref="RtpRelayOptions.RelatchThreshold"/> consecutive valid packets
    /// with none from the current source in between; a single stray packet (or a stream interleaved with the real
    /// phone's) never takes the call over. Until then its packets are dropped and counted as foreign.</item>
    /// </list>
    /// On an RTP socket only RTP packets latch (not muxed RTCP). SSRC is never looked at: phones change it on
    /// re-INVITE, transfer and codec switch.
    /// </summary>
    private bool ShouldLatch(RtpPacketKind kind, RelayTarget? target, SocketAddress source)
    {
        if (!_isRtcp && kind != RtpPacketKind.Rtp)
        {
            return false;
        }

        if (target is null || !target.Latched)
        {
            return true;
        }

        var declared = Volatile.Read(ref _declared);
        if (declared is not null && declared.Address.Equals(source))
        {
            return true;
        }

        if (_candidateCount > 0 && _candidate.Equals(source))
        {
            _candidateCount++;
        }
        else
        {
            _candidate.Size = source.Size;
            source.Buffer.Span[..source.Size].CopyTo(_candidate.Buffer.Span);
            _candidateCount = 1;
        }

        return _candidateCount >= _relatchThreshold;
    }

    private bool Latch(RelayTarget? current, SocketAddress source)
    {
        var learnt = RelayTarget.Learnt(source, _template);
        // Loses to a concurrent SetDeclared: the next packet is judged against the new declaration.
        if (Interlocked.CompareExchange(ref _target, learnt, current) != current)
        {
            return false;
        }

        _candidateCount = 0;
        Interlocked.Increment(ref _latches);
        if (current is null || !current.Address.Equals(source))
        {
            RelayLog.Latched(_logger, _session.Id, Leg, Name, learnt.EndPoint, current?.EndPoint);
        }

        return true;
    }

    private static bool IsTransient(SocketError error) =>
        error is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.HostUnreachable
            or SocketError.NetworkUnreachable or SocketError.TimedOut or SocketError.HostDown;
}
