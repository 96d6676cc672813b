namespace ContactCenter.Firmware.CommandLine;

/// <summary>
/// One option of the command-line contract (DESIGN.md "The command line"): its <c>--name</c>, its
/// <c>CONTACTCENTER_NAME</c> environment variable, its key in <c>appliance.json</c>, and how a value is applied.
/// </summary>
/// <param name="Name">The long name without dashes, e.g. <c>sip-port</c>.</param>
/// <param name="ValueName">The value placeholder shown in the usage text.</param>
/// <param name="ConfigKey">The configuration key in the config file (e.g. <c>Sip:Port</c>); null when the option cannot be set there.</param>
/// <param name="Description">One line for the usage text.</param>
/// <param name="Apply">Validates one value and stores it; returns the problem, or null when the value is good.</param>
/// <param name="Repeatable">Whether the option may be given more than once and takes comma-separated lists.</param>
internal sealed record ApplianceOption(
    string Name,
    string ValueName,
    string? ConfigKey,
    string Description,
    Func<ApplianceSettings, string, string?> Apply,
    bool Repeatable = false)
{
    /// <summary>The option as typed on the command line.</summary>
    public string Flag => "--" + Name;

    /// <summary>The environment variable that also sets it.</summary>
    public string EnvironmentVariable => "CONTACTCENTER_" + Name.Replace('-', '_').ToUpperInvariant();
}
