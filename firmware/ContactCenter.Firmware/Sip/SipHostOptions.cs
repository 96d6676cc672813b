using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Firmware.Sip;

/// <summary>The <c>Sip</c> section: where the SIP listeners bind. Bound by the configuration binding generator.</summary>
internal sealed class SipHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Sip";

    /// <summary>UDP and TCP port; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 5060;

    /// <summary>Literal addresses to bind; empty means all IPv4 and IPv6 addresses.</summary>
    public List<string> Bind { get; set; } = [];
}
