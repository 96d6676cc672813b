using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Where an endpoint sends one stream (RTP or RTCP), learnt by symmetric RTP (RFC 4961) for phones behind NAT: the
/// address the SDP declared until the peer's first packet, then that packet's source. A later different source takes
/// over only after <see cref="RelatchThreshold"/> consecutive packets with none from the current one, so one stray or
/// spoofed datagram never steals the stream (the relay's rule, RtpRelayOptions.RelatchThreshold). Written by one receive
/// loop, declared by the negotiating thread, read by the clock thread: published by reference swap.
/// </summary>
internal sealed class RtpLatch(AddressFamily family)
{
    /// <summary>Consecutive packets a new source must send to take over a latched stream.</summary>
    public const int RelatchThreshold = 4;

    private readonly SocketAddress _candidate = new(family);
    private readonly IPEndPoint _template = family == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
    private Target? _current;
    private int _candidateCount;

    /// <summary>Where to send, or null when nothing is known (no SDP address, hold address, nothing received).</summary>
    public Target? Current => Volatile.Read(ref _current);

    /// <summary>Sets the SDP's address; an unchanged one keeps the latch (a re-INVITE for hold must not lose the NAT mapping).</summary>
    public void SetDeclared(IPEndPoint? declared)
    {
        var current = Volatile.Read(ref _current);
        if (declared is null)
        {
            Volatile.Write(ref _current, null);
            return;
        }

        if (current is not null && current.Declared is not null && current.Declared.Equals(declared))
        {
            return;
        }

        var address = declared.Serialize();
        Volatile.Write(ref _current, new Target(address, declared, declared, Latched: false));
    }

    /// <summary>Judges a received packet's source; false when it must be dropped (a stranger not yet trusted).</summary>
    /// <returns>Whether the packet comes from the peer.</returns>
    public bool Accept(SocketAddress source, out IPEndPoint? newlyLatched)
    {
        newlyLatched = null;
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Address.Equals(source))
        {
            _candidateCount = 0;
            if (!current.Latched)
            {
                Volatile.Write(ref _current, current with { Latched = true });
            }

            return true;
        }

        if (current is not null && current.Latched)
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

            if (_candidateCount < RelatchThreshold)
            {
                return false;
            }
        }

        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
        newlyLatched = (IPEndPoint)_template.Create(copy);
        Volatile.Write(ref _current, new Target(copy, newlyLatched, current?.Declared, Latched: true));
        _candidateCount = 0;
        return true;
    }

    /// <summary>A destination: the socket address to send to, its endpoint form, and what the SDP declared.</summary>
    public sealed record Target(SocketAddress Address, IPEndPoint EndPoint, IPEndPoint? Declared, bool Latched);
}
