using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// Where one stream (RTP or RTCP) is sent, learnt by symmetric RTP (RFC 4961, as deployed for phones behind NAT). The
/// one latching rule of the relay and of the appliance's own endpoints:
/// <list type="number">
/// <item>Nothing latched yet (only the SDP address, or nothing): the first packet that may latch takes its source.</item>
/// <item>A packet from exactly the SDP-declared address re-latches at once: signalling is authenticated, so the declared
/// address wins over whatever stray packet arrived first.</item>
/// <item>Otherwise a new source must send the relatch threshold of consecutive packets with none from the current
/// source in between; a single stray packet (or a stream interleaved with the real phone's) never takes the stream
/// over. Until then its packets are rejected.</item>
/// </list>
/// SSRC is never looked at: phones change it on re-INVITE, transfer and codec switch.
/// </summary>
/// <remarks>
/// Threads: <see cref="Accept"/> comes from the stream's one receive loop, the only owner of the candidate state;
/// <see cref="SetDeclared"/> from the negotiating thread; <see cref="Current"/> from any sender. Targets are published by
/// reference swap, and a latch loses to a concurrent declaration (the next packet is judged against the new one). No
/// allocation unless the target changes.
/// </remarks>
internal sealed class RtpLatch
{
    private readonly int _relatchThreshold;
    private readonly IPEndPoint _template;
    private readonly SocketAddress _candidate;
    private RtpLatchTarget? _current;
    private RtpLatchTarget? _declared;
    private int _candidateCount;

    /// <param name="family">The address family of the stream's socket.</param>
    /// <param name="relatchThreshold">Consecutive packets a new source must send to take over a latched stream.</param>
    public RtpLatch(AddressFamily family, int relatchThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(relatchThreshold, 1);
        _relatchThreshold = relatchThreshold;
        _template = family == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        _candidate = new SocketAddress(family);
    }

    /// <summary>Where to send, or null when nothing is known (no SDP address, hold address, nothing received).</summary>
    public RtpLatchTarget? Current => Volatile.Read(ref _current);

    /// <summary>
    /// Sets the address the SDP declared. An unchanged declaration keeps the latch (a re-INVITE that only changes
    /// direction must not forget the NAT mapping); a new address starts over; null (hold) clears the destination until
    /// the peer sends again.
    /// </summary>
    /// <returns>False when the declaration was unchanged and the latch kept.</returns>
    public bool SetDeclared(IPEndPoint? endPoint)
    {
        if (endPoint is null)
        {
            Volatile.Write(ref _declared, null);
            Volatile.Write(ref _current, null);
            return true;
        }

        var previous = Volatile.Read(ref _declared);
        if (previous is not null && previous.EndPoint.Equals(endPoint) && Volatile.Read(ref _current) is not null)
        {
            return false;
        }

        var declared = RtpLatchTarget.Declared(endPoint);
        Volatile.Write(ref _declared, declared);
        Volatile.Write(ref _current, declared);
        return true;
    }

    /// <summary>Judges a received packet's source.</summary>
    /// <param name="source">Where the packet came from.</param>
    /// <param name="mayLatch">False for packets that are relayed from the current source but never move the latch (muxed
    /// RTCP on an RTP socket).</param>
    /// <param name="latched">With <see cref="RtpLatchOutcome.Latched"/>, the new target.</param>
    /// <param name="replaced">With <see cref="RtpLatchOutcome.Latched"/>, the target it replaced, if any.</param>
    /// <returns>What became of the packet and the latch.</returns>
    public RtpLatchOutcome Accept(SocketAddress source, bool mayLatch, out RtpLatchTarget? latched, out RtpLatchTarget? replaced)
    {
        latched = null;
        replaced = null;
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Address.Equals(source))
        {
            _candidateCount = 0;
            if (current.Latched)
            {
                return RtpLatchOutcome.Accepted;
            }

            // The peer sends from where its SDP said: confirm, so that a stray source now needs the full threshold.
            return Swap(current, source) is null ? RtpLatchOutcome.Accepted : RtpLatchOutcome.Confirmed;
        }

        if (!mayLatch || (current is not null && current.Latched && !IsDeclared(source) && !IsPersistentCandidate(source)))
        {
            return RtpLatchOutcome.Rejected;
        }

        latched = Swap(current, source);
        if (latched is null)
        {
            return RtpLatchOutcome.Rejected;
        }

        replaced = current;
        return RtpLatchOutcome.Latched;
    }

    private bool IsDeclared(SocketAddress source) => Volatile.Read(ref _declared) is { } declared && declared.Address.Equals(source);

    /// <summary>Counts one more packet from a source that is not the current one; true once it reached the threshold.</summary>
    private bool IsPersistentCandidate(SocketAddress source)
    {
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

    private RtpLatchTarget? Swap(RtpLatchTarget? current, SocketAddress source)
    {
        var learnt = RtpLatchTarget.Learnt(source, _template);
        if (Interlocked.CompareExchange(ref _current, learnt, current) != current)
        {
            return null;
        }

        _candidateCount = 0;
        return learnt;
    }
}
