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

    /// <summary>A port range <c>A-B</c> holding at least two RTP/RTCP pairs (one relayed call), within 1024-65535.</summary>
    public static string? PortRange(string value, Action<(int Start, int End)> store)
    {
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !int.TryParse(value.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(value.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || start < 1024 || end > IPEndPoint.MaxPort || end - start < 3)
        {
            return $"'{value}' is not a port range A-B within 1024-65535 holding at least two port pairs";
        }

        store((start, end));
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

    /// <summary>A board profile: a name (letters, digits, <c>-</c>, <c>_</c>), or a path to a <c>.json</c> file, stored as a full path.</summary>
    public static string? BoardProfile(string value, Action<string> store)
    {
        if (value.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return FilePath(value, store);
        }

        if (value.Length == 0 || !value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return $"'{value}' is not a board profile name (such as sim or pi-hat-8) nor a path to a .json file";
        }

        store(value);
        return null;
    }
}
