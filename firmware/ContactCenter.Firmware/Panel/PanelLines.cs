using System.Globalization;
using ContactCenter.Board.Expander;
using ContactCenter.Board.Gpio;
using ContactCenter.Board.I2c;
using ContactCenter.Board.Profiles;
using ContactCenter.Board.Simulated;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Firmware.Panel;

/// <summary>
/// The chips of a profile, opened: the simulated board, or the GPIO character devices with every line of the panel
/// requested, and the MCP23017 expanders over i2c-dev. Chips that cannot be opened are left out and their problems collected (each naming the chip, or the LED or
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

    public static PanelLines Open(BoardProfile profile, SimulatedGpioLines? simulated, TimeProvider time, ILoggerFactory loggers)
    {
        var opened = new PanelLines();
        var lines = PanelLine.Of(profile).ToList();
        // GPIO chips first: an expander's interrupt line is on one of them.
        foreach (var chip in profile.Chips.OrderBy(static c => c.Kind == ChipKind.Mcp23017))
        {
            switch (chip.Kind)
            {
                case ChipKind.Simulated:
                    opened._chips.Add(chip.Id, simulated!);
                    break;
                case ChipKind.Mcp23017:
                    opened.OpenExpander(profile, chip, [.. lines.Where(l => l.Line.Chip == chip.Id)], time, loggers);
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

    // The expander's pins, with its interrupt output read through a line request of its own on the host's GPIO chip
    // (a chip takes several requests), so the interrupt's edges never mix with the keys' ones.
    private void OpenExpander(BoardProfile profile, ChipDefinition chip, List<PanelLine> pins, TimeProvider time, ILoggerFactory loggers)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"chip '{chip.Id}' (mcp23017 on {chip.Device}, address 0x{chip.Address:x2})");
        ChardevGpioLines? interrupt = null;
        try
        {
            if (chip.Interrupt is { } line)
            {
                var host = profile.Chips.First(c => c.Id == line.Chip);
                // INT is push-pull and active low (IOCON ODR=0, INTPOL=0): logically high while a change is pending.
                interrupt = ChardevGpioLines.Open(host.Device!, [GpioLineSettings.Input(line.Offset) with { ActiveLow = true }], Consumer,
                    loggers.CreateLogger<ChardevGpioLines>());
            }

            // The chip has no debounce of its own: the key engine debounces expander keys.
            var expander = Mcp23017Lines.Open(chip.Device!, chip.Address, [.. pins.Select(static p => p.Settings with { Debounce = TimeSpan.Zero })],
                interrupt?.Edges, time, loggers.CreateLogger<Mcp23017Lines>());
            _owned.Add(expander);
            _chips.Add(chip.Id, expander);
            if (interrupt is not null)
            {
                _owned.Add(interrupt);
            }
        }
        catch (Exception e) when (e is GpioException or I2cException or ArgumentException)
        {
            interrupt?.Dispose();
            _errors.Add($"{name}: {e.Message}");
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
