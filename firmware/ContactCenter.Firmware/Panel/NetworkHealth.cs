using System.Net.NetworkInformation;
using ContactCenter.Board.Leds;

namespace ContactCenter.Firmware.Panel;

/// <summary>The network status LED's view: healthy when a non-loopback interface is up with an address, down otherwise.</summary>
internal static class NetworkHealth
{
    public static ServiceHealth Now()
    {
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback
                && nic.GetIPProperties().UnicastAddresses.Count > 0)
            {
                return ServiceHealth.Healthy;
            }
        }

        return ServiceHealth.Down;
    }
}
