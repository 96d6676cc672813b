using ContactCenter.Board.Profiles;
using ContactCenter.Board.Simulated;
using ContactCenter.Data;
using ContactCenter.Data.Snapshots;
using ContactCenter.Pbx.Attendant;
using ContactCenter.Pbx.Commands;
using ContactCenter.Pbx.Presence;
using ContactCenter.Pbx.Registrar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Firmware.Panel;

/// <summary>The front panel's services: the board profile of <c>--board</c>, its simulated lines, the receptionist's keys and the binding.</summary>
internal static class PanelComposition
{
    /// <summary>The simulated 16-key panel, <c>--board sim</c> (DESIGN.md "The command line").</summary>
    public const string SimulatedProfile = "sim-16";

    /// <summary>The folder of the data directory whose <c>NAME.json</c> files replace the built-in profiles.</summary>
    public const string OverrideFolder = "boards";

    public static void AddFrontPanel(this IServiceCollection services, string board, string dataDirectory)
    {
        services.AddSingleton(_ => LoadProfile(board, Path.Combine(dataDirectory, OverrideFolder)));
        // Null when the profile has no simulated chip (GetService then returns null).
        services.AddSingleton(static sp => SimulatedBoard.Create(sp.GetRequiredService<BoardProfile>(), sp.GetRequiredService<TimeProvider>())!);
        services.AddSingleton(static sp => new AttendantExecutor(
            sp.GetRequiredService<PresenceModel>(),
            sp.GetRequiredService<ICallCommands>(),
            sp.GetRequiredService<ContactCenterDatabase>(),
            sp.GetRequiredService<ExtensionDirectory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AttendantExecutor>>()));
        services.AddSingleton(static sp => new FrontPanel(
            sp.GetRequiredService<BoardProfile>(),
            sp.GetService<SimulatedGpioLines>(),
            sp.GetRequiredService<AttendantExecutor>(),
            sp.GetRequiredService<PresenceModel>(),
            sp.GetRequiredService<IRegistrationView>(),
            sp.GetRequiredService<ExtensionDirectory>(),
            sp.GetRequiredService<ContactCenterDatabase>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<FrontPanelHostedService>();
    }

    private static BoardProfile LoadProfile(string board, string overrideDirectory)
    {
        var result = BoardProfileLoader.Load(board == CommandLine.ApplianceSettings.DefaultBoard ? SimulatedProfile : board, overrideDirectory);
        return result.Succeeded
            ? result.Profile
            : throw new PanelStartException($"board profile '{board}': {string.Join("; ", result.Errors)}");
    }
}
