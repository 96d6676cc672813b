using System.Net;

namespace ContactCenter.Firmware.CommandLine;

/// <summary>The settings resolved from the command line, the environment, the config file and the defaults (in that order of precedence).</summary>
internal sealed class ApplianceSettings
{
    /// <summary>The default data directory of development runs (DESIGN.md "Defaults").</summary>
    public const string DefaultDataDirectory = "data";

    /// <summary>The default board profile (DESIGN.md "The command line": <c>sim</c>).</summary>
    public const string DefaultBoard = "sim";

    /// <summary>The default SIP port for UDP and TCP.</summary>
    public const int DefaultSipPort = 5060;

    /// <summary>The data directory, as a full path.</summary>
    public string DataDirectory { get; set; } = Path.GetFullPath(DefaultDataDirectory);

    /// <summary>The config file that was read, if any, as a full path.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Addresses every listener binds; empty means all IPv4 and IPv6 addresses.</summary>
    public List<IPAddress> BindAddresses { get; } = [];

    /// <summary>The SIP port for UDP and TCP; 0 picks a free one.</summary>
    public int SipPort { get; set; } = DefaultSipPort;

    /// <summary>The front panel's board profile: <c>sim</c> (the simulated 16-key panel), a built-in profile name, or a full path to a <c>.json</c> file.</summary>
    public string Board { get; set; } = DefaultBoard;

    /// <summary>The media relay's UDP port range (DESIGN.md "Defaults": 10000–20000).</summary>
    public (int Start, int End) RtpPorts { get; set; } = (10000, 20000);
}
