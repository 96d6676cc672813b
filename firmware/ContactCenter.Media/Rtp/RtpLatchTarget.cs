using System.Net;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// Where one stream is sent, as the receive loops and the sender need it: the serialised form for allocation-free
/// compare and send, and the endpoint for logs and statistics. Replaced as a whole (never mutated), so a reader sees it
/// with one volatile read and never half an update.
/// </summary>
internal sealed class RtpLatchTarget
{
    private RtpLatchTarget(SocketAddress address, IPEndPoint endPoint, bool latched)
    {
        Address = address;
        EndPoint = endPoint;
        Latched = latched;
    }

    public SocketAddress Address { get; }

    public IPEndPoint EndPoint { get; }

    /// <summary>True when learnt from received packets, false when only declared by SDP.</summary>
    public bool Latched { get; }

    public static RtpLatchTarget Declared(IPEndPoint endPoint) => new(endPoint.Serialize(), endPoint, latched: false);

    public static RtpLatchTarget Learnt(SocketAddress source, IPEndPoint template)
    {
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
        return new RtpLatchTarget(copy, (IPEndPoint)template.Create(copy), latched: true);
    }
}
