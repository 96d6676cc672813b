namespace ContactCenter.Firmware.CommandLine;

/// <summary>What the command line asks for.</summary>
internal enum CommandLineAction
{
    /// <summary>Run the appliance.</summary>
    Run,
    /// <summary>Print the usage text and exit 0.</summary>
    Help,
    /// <summary>Run an admin subcommand on the data directory.</summary>
    Subcommand,
    /// <summary>Print <see cref="CommandLineResult.Error"/> and exit with <see cref="CommandLineResult.UsageExitCode"/>.</summary>
    Error,
}
