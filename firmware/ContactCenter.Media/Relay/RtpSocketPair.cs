using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Relay;

/// <summary>
/// Two bound UDP sockets, RTP on an even port and RTCP on the next (RFC 3550 §11), handed out by
/// <see cref="RtpPortAllocator"/>. Disposing closes both sockets and returns the ports to the pool.
/// </summary>
public sealed class RtpSocketPair : IDisposable
{
    private readonly RtpPortAllocator _owner;
    private int _disposed;

    internal RtpSocketPair(RtpPortAllocator owner, Socket rtp, Socket rtcp, IPAddress address, int rtpPort)
    {
        _owner = owner;
        Rtp = rtp;
        Rtcp = rtcp;
        Address = address;
        RtpPort = rtpPort;
    }

    /// <summary>The socket bound to <see cref="RtpPort"/>.</summary>
    public Socket Rtp { get; }

    /// <summary>The socket bound to <see cref="RtcpPort"/>.</summary>
    public Socket Rtcp { get; }

    /// <summary>The address both sockets are bound to.</summary>
    public IPAddress Address { get; }

    /// <summary>The even RTP port.</summary>
    public int RtpPort { get; }

    /// <summary>The RTCP port, always <see cref="RtpPort"/> + 1.</summary>
    public int RtcpPort => RtpPort + 1;

    /// <summary>Closes both sockets and returns the pair to its allocator. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Rtp.Dispose();
        Rtcp.Dispose();
        _owner.Return(RtpPort);
    }
}
