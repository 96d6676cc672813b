using System.Net;

namespace ContactCenter.Media.Relay;

/// <summary>
/// An immutable remote address as the receive loops need it: the serialised form for allocation-free compare and send,
/// and the endpoint for logs and statistics. Replaced as a whole (never mutated), so a loop reads it with one volatile
/// read and never sees half an update.
/// </summary>
internal sealed class RelayTarget
{
    private RelayTarget(SocketAddress address, IPEndPoint endPoint, bool latched)
    {
        Address = address;
        EndPoint = endPoint;
        Latched = latched;
    }

    public SocketAddress Address { get; }

    public IPEndPoint EndPoint { get; }

    /// <summary>True when learnt from received packets, false when only declared by SDP.</summary>
    public bool Latched { get; }

    public static RelayTarget Declared(IPEndPoint endPoint) => new(endPoint.Serialize(), endPoint, latched: false);

    public static RelayTarget Learnt(SocketAddress source, IPEndPoint template)
    {
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
        return new RelayTarget(copy, (IPEndPoint)template.Create(copy), latched: true);
    }
}
