using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// Free ports on 127.0.0.1 for tools that cannot be told "port 0" and report what they took (sipp, baresip). The port is
/// released before the tool binds it, so another process may take it in between: callers retry a start that fails to bind.
/// </summary>
public static class LoopbackPorts
{
    /// <summary>A port free on both UDP and TCP (a SIP listener takes both).</summary>
    public static int FreeUdpAndTcp()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
            }
        }
    }

    /// <summary>A free TCP port.</summary>
    public static int FreeTcp()
    {
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)tcp.LocalEndPoint!).Port;
    }
}
