using ContactCenter.Board.Gpio;
using ContactCenter.Board.Profiles;
using ContactCenter.Board.Simulated;

namespace ContactCenter.Firmware.Panel;

/// <summary>The simulated chip of a profile as one <see cref="SimulatedGpioLines"/> (a DI singleton: tests and the web UI's virtual panel press its keys and read its LEDs).</summary>
internal static class SimulatedBoard
{
    /// <returns>The simulated lines, or null when the profile has no simulated chip.</returns>
    /// <exception cref="PanelStartException">The profile has more than one simulated chip.</exception>
    public static SimulatedGpioLines? Create(BoardProfile profile, TimeProvider time)
    {
        var chips = profile.Chips.Where(static c => c.Kind == ChipKind.Simulated).ToList();
        if (chips.Count == 0)
        {
            return null;
        }

        if (chips.Count > 1)
        {
            throw new PanelStartException($"board profile {profile.Name}: one simulated chip at most (found {string.Join(", ", chips.Select(c => $"'{c.Id}'"))})");
        }

        var lines = PanelLine.Of(profile).Where(l => l.Line.Chip == chips[0].Id).ToList();
        return new SimulatedGpioLines(
            lines.Where(static l => l.Settings.Direction == GpioDirection.Output).Select(static l => l.Line.Offset),
            lines.Where(static l => l.Settings.Direction == GpioDirection.Input).Select(static l => l.Line.Offset),
            time);
    }
}
