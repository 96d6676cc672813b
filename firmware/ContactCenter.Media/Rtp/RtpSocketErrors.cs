using System.Net.Sockets;

namespace ContactCenter.Media.Rtp;

/// <summary>The receive errors an RTP/RTCP socket survives, shared by the relay's and the endpoints' receive loops.</summary>
internal static class RtpSocketErrors
{
    /// <summary>
    /// ICMP errors reported for an earlier send (a phone that went away or changed address): the socket itself is fine
    /// and the loop goes on receiving.
    /// </summary>
    /// <param name="error">The error of a failed receive.</param>
    /// <returns>True when the error says nothing about our socket.</returns>
    public static bool IsTransient(SocketError error) =>
        error is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.HostUnreachable
            or SocketError.NetworkUnreachable or SocketError.TimedOut or SocketError.HostDown;
}
