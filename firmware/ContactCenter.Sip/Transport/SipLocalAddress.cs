using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Sip.Transport;

/// <summary>The local address the kernel routes towards a remote address, for Via sent-by and Contact when the stack listens on a wildcard address. Learnt with an unsent, connected UDP socket and cached.</summary>
public static class SipLocalAddress
{
    private static readonly ConcurrentDictionary<IPAddress, string> Cache = new();

    /// <summary>The local address (IPv6 in brackets) used to reach <paramref name="remote"/>.</summary>
    public static string For(IPEndPoint remote) => Cache.GetOrAdd(remote.Address, static address =>
    {
        try
        {
            using var probe = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            probe.Connect(new IPEndPoint(address, 9));
            var local = ((IPEndPoint)probe.LocalEndPoint!).Address;
            return local.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{local}]" : local.ToString();
        }
        catch (SocketException)
        {
            return address.AddressFamily == AddressFamily.InterNetworkV6 ? "[::1]" : "127.0.0.1";
        }
    });
}
