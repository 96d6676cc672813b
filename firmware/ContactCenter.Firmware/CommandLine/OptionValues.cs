using System.Globalization;
using System.Net;

namespace ContactCenter.Firmware.CommandLine;

/// <summary>Parsers for option values. Each returns the problem in words, or null when the value is good.</summary>
internal static class OptionValues
{
    /// <summary>A TCP/UDP port number, 0 meaning "pick a free port".</summary>
    public static string? Port(string value, Action<int> store)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            return $"'{value}' is not a port number (0-65535)";
        }

        store(port);
        return null;
    }

    /// <summary>A literal IPv4 or IPv6 address.</summary>
    public static string? Address(string value, Action<IPAddress> store)
    {
        if (!IPAddress.TryParse(value, out var address) || value.Contains('/', StringComparison.Ordinal))
        {
            return $"'{value}' is not an IP address";
        }

        store(address);
        return null;
    }

    /// <summary>A file-system path, stored as a full path.</summary>
    public static string? FilePath(string value, Action<string> store)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Contains('\0', StringComparison.Ordinal))
        {
            return $"'{value}' is not a path";
        }

        store(Path.GetFullPath(value));
        return null;
    }
}
