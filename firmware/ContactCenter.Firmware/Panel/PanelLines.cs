using System.Globalization;
using ContactCenter.Board.Gpio;
using ContactCenter.Board.Profiles;
using ContactCenter.Board.Simulated;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Firmware.Panel;

/// <summary>
/// The chips of a profile, opened: the simulated board, or the GPIO character devices with every line of the panel
/// requested. Chips that cannot be opened are left out and their problems collected (each naming the chip, or the LED or
/// key and the line), so the LEDs of the chips that did open (the fault LED) still work.
/// </summary>
internal sealed class PanelLines : IDisposable
{
    /// <summary>Who holds the lines, as <c>gpioinfo</c> shows.</summary>
    public const string Consumer = "contactcenter";

    private readonly Dictionary<string, IGpioLines> _chips = new(StringComparer.Ordinal);
    private readonly List<IGpioLines> _owned = [];
    private readonly List<string> _errors = [];

    private PanelLines()
    {
    }

    /// <summary>The chips that opened, by id.</summary>
    public IReadOnlyDictionary<string, IGpioLines> Chips => _chips;

    /// <summary>Why other chips did not open.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public static PanelLines Open(BoardProfile profile, SimulatedGpioLines? simulated, ILoggerFactory loggers)
    {
        var opened = new PanelLines();
        var lines = PanelLine.Of(profile).ToList();
        foreach (var chip in profile.Chips)
        {
            switch (chip.Kind)
            {
                case ChipKind.Simulated:
                    opened._chips.Add(chip.Id, simulated!);
                    break;
                case ChipKind.Mcp23017:
                    opened._errors.Add(string.Create(CultureInfo.InvariantCulture,
                        $"chip '{chip.Id}' (mcp23017 on {chip.Device}, address 0x{chip.Address:x2}): the MCP23017 expander is not yet supported by this firmware"));
                    break;
                default:
                    // A chip no LED or key uses (one carrying only an expander's interrupt line) is not requested here.
                    if (lines.Where(l => l.Line.Chip == chip.Id).ToList() is { Count: > 0 } used)
                    {
                        opened.OpenChardev(chip, used, loggers.CreateLogger<ChardevGpioLines>());
                    }

                    break;
            }
        }

        return opened;
    }

    public void Dispose()
    {
        foreach (var lines in _owned)
        {
            lines.Dispose();
        }
    }

    private void OpenChardev(ChipDefinition chip, List<PanelLine> lines, ILogger<ChardevGpioLines> logger)
    {
        try
        {
            // Name a busy line by the LED or key that needs it (the kernel's refusal only gives the offset).
            using (var device = GpioChip.Open(chip.Device!))
            {
                var busy = lines.Select(l => (Line: l, Info: device.GetLineInfo(l.Line.Offset))).Where(static u => u.Info.Used).ToList();
                if (busy.Count > 0)
                {
                    _errors.AddRange(busy.Select(static u => ProfileErrors.LineBusy(u.Line.Element, u.Line.Line, u.Info.Consumer)));
                    return;
                }
            }

            var opened = ChardevGpioLines.Open(chip.Device!, [.. lines.Select(static l => l.Settings)], Consumer, logger);
            _owned.Add(opened);
            _chips.Add(chip.Id, opened);
        }
        catch (GpioException e)
        {
            _errors.Add($"chip '{chip.Id}' ({chip.Device}): {e.Message}");
        }
    }
}
