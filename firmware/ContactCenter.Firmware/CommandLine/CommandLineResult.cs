using Microsoft.Extensions.Configuration;

namespace ContactCenter.Firmware.CommandLine;

/// <summary>The outcome of <see cref="ApplianceCommandLine.Parse"/>.</summary>
internal sealed class CommandLineResult
{
    /// <summary>Exit code for a wrong option, a bad value or an unreadable config file.</summary>
    public const int UsageExitCode = 2;

    private CommandLineResult(CommandLineAction action, ApplianceSettings settings)
    {
        Action = action;
        Settings = settings;
    }

    /// <summary>What to do.</summary>
    public CommandLineAction Action { get; }

    /// <summary>The resolved settings (defaults when <see cref="Action"/> is not <see cref="CommandLineAction.Run"/> or a subcommand).</summary>
    public ApplianceSettings Settings { get; }

    /// <summary>The whole config file, for the sections that options classes bind; null when none was given.</summary>
    public IConfiguration? ConfigFile { get; private init; }

    /// <summary>The problem, in one line without the <c>error: </c> prefix.</summary>
    public string? Error { get; private init; }

    /// <summary>The subcommand name.</summary>
    public string? Subcommand { get; private init; }

    /// <summary>The arguments after the subcommand name.</summary>
    public IReadOnlyList<string> SubcommandArguments { get; private init; } = [];

    /// <summary>Run the appliance with these settings.</summary>
    public static CommandLineResult Run(ApplianceSettings settings, IConfiguration? configFile) =>
        new(CommandLineAction.Run, settings) { ConfigFile = configFile };

    /// <summary>Show the usage text.</summary>
    public static CommandLineResult Help() => new(CommandLineAction.Help, new ApplianceSettings());

    /// <summary>A usage error.</summary>
    public static CommandLineResult Fail(string error) => new(CommandLineAction.Error, new ApplianceSettings()) { Error = error };

    /// <summary>Run a subcommand.</summary>
    public static CommandLineResult ForSubcommand(string name, IReadOnlyList<string> arguments) =>
        new(CommandLineAction.Subcommand, new ApplianceSettings()) { Subcommand = name, SubcommandArguments = arguments };
}
