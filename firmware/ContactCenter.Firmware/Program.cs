using ContactCenter.Firmware.CommandLine;
using ContactCenter.Firmware.Hosting;

namespace ContactCenter.Firmware;

/// <summary>The <c>contactcenter</c> executable: parses the command line and runs the appliance or a subcommand.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var parsed = ApplianceCommandLine.Parse(args, Environment.GetEnvironmentVariable);
        switch (parsed.Action)
        {
            case CommandLineAction.Help:
                await Console.Out.WriteAsync(ApplianceCommandLine.Usage()).ConfigureAwait(false);
                return 0;
            case CommandLineAction.Error:
                await Console.Error.WriteLineAsync($"error: {parsed.Error}").ConfigureAwait(false);
                return CommandLineResult.UsageExitCode;
            case CommandLineAction.Subcommand:
                // Subcommands (users, status, backup, restore) dispatch here once they exist.
                await Console.Error.WriteLineAsync($"error: command '{parsed.Subcommand}' is not available").ConfigureAwait(false);
                return CommandLineResult.UsageExitCode;
            default:
                return await ApplianceHost.RunAsync(parsed.Settings, parsed.ConfigFile, Console.Out, Console.Error).ConfigureAwait(false);
        }
    }
}
