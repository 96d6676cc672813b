using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace ContactCenter.Firmware.Media;

/// <summary>The address the appliance's own endpoints write into SDP: one that phones can send to, never a wildcard.</summary>
internal static class MediaAddress
{
    /// <summary>
    /// The relay's bind address when it is a specific one (<c>--bind</c> with one address); otherwise the IPv4 address of
    /// the first interface that is up and not loopback (the box's LAN address), and loopback on a box without one.
    /// </summary>
    public static IPAddress Advertised(IPAddress bound)
    {
        if (!bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any))
        {
            return bound;
        }

        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(static n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(static n => n.GetIPProperties().UnicastAddresses)
            .Select(static a => a.Address)
            .FirstOrDefault(static a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
