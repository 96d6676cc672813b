using System.Net.Sockets;

namespace ContactCenter.Sip.Transport;

/// <summary>Sizes a UDP socket's kernel receive buffer (see <see cref="SipTransportOptions.UdpReceiveBufferBytes"/>).</summary>
internal static class UdpReceiveBuffer
{
    // linux/asm-generic/socket.h: SOL_SOCKET 1, SO_RCVBUFFORCE 33.
    private const int SolSocket = 1;
    private const int SoRcvBufForce = 33;

    /// <summary>
    /// Asks for <paramref name="bytes"/>: on Linux with CAP_NET_ADMIN (the appliance's service) past
    /// <c>net.core.rmem_max</c> (SO_RCVBUFFORCE, socket(7)), else as much as the kernel allows.
    /// </summary>
    public static void Enlarge(Socket socket, int bytes)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                socket.SetRawSocketOption(SolSocket, SoRcvBufForce, BitConverter.GetBytes(bytes));
                return;
            }
            catch (SocketException)
            {
                // EPERM without CAP_NET_ADMIN: the capped size below.
            }
        }

        socket.ReceiveBufferSize = bytes;
    }
}
