using ContactCenter.Firmware.Admin;
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
                var command = AdminCommandLine.Parse(parsed.Subcommand!, parsed.SubcommandArguments, Environment.GetEnvironmentVariable);
                if (command.Error is not null)
                {
                    await Console.Error.WriteLineAsync($"error: {command.Error}").ConfigureAwait(false);
                    return CommandLineResult.UsageExitCode;
                }

                return await AdminCommands.RunAsync(command, Console.Out, Console.Error, TimeProvider.System).ConfigureAwait(false);
            default:
                return await ApplianceHost.RunAsync(parsed.Settings, parsed.ConfigFile, Console.Out, Console.Error).ConfigureAwait(false);
        }
    }
}
