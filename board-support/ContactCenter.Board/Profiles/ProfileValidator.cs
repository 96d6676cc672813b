using ContactCenter.Board.Keys;

namespace ContactCenter.Board.Profiles;

/// <summary>
/// Turns a profile file into a <see cref="BoardProfile"/>, collecting every problem (not only the first) so that one
/// start-up shows the installer everything to fix.
/// </summary>
internal sealed class ProfileValidator
{
    /// <summary>Key debounce when a key gives none: long enough for common tactile switches (5-10 ms of bounce).</summary>
    internal static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(20);

    private const int MaxDebounceMs = 1000;
    private const int MinLongPressMs = 100;
    private const int MaxLongPressMs = 10_000;
    private const int MaxSimulatedLines = 1024;
    private const int ExpanderPins = 16;
    private const int FirstMcp23017Address = 0x20;
    private const int LastMcp23017Address = 0x27;

    private static readonly (string Name, ChipKind Value)[] ChipKinds =
        [("gpiochip", ChipKind.GpioChip), ("mcp23017", ChipKind.Mcp23017), ("simulated", ChipKind.Simulated)];

    private static readonly (string Name, LinePolarity Value)[] Polarities =
        [("activeHigh", LinePolarity.ActiveHigh), ("activeLow", LinePolarity.ActiveLow)];

    private static readonly (string Name, LineBias Value)[] Biases =
        [("none", LineBias.None), ("pullUp", LineBias.PullUp), ("pullDown", LineBias.PullDown)];

    private static readonly (string Name, LedRole Value)[] Roles =
        [("blf", LedRole.Blf), ("power", LedRole.Power), ("sip", LedRole.Sip), ("network", LedRole.Network), ("fault", LedRole.Fault)];

    private readonly List<string> _errors = [];
    private readonly Dictionary<string, ChipDefinition> _chips = new(StringComparer.Ordinal);
    private readonly Dictionary<LineRef, string> _lineUsers = [];
    private readonly Dictionary<string, string> _idUsers = new(StringComparer.Ordinal);
    private readonly Dictionary<LedRole, string> _roleUsers = [];
    private readonly Dictionary<string, LineDocument> _interrupts = new(StringComparer.Ordinal);

    public static BoardProfileResult Validate(ProfileDocument document) => new ProfileValidator().Run(document);

    private BoardProfileResult Run(ProfileDocument document)
    {
        if (string.IsNullOrWhiteSpace(document.Name))
        {
            _errors.Add(ProfileErrors.Missing("profile", "name"));
        }

        var longPress = document.LongPressMs ?? (int)KeyEngine.DefaultLongPress.TotalMilliseconds;
        CheckRange("profile", "longPressMs", longPress, MinLongPressMs, MaxLongPressMs);

        if (document.Chips is not { Count: > 0 })
        {
            _errors.Add(ProfileErrors.Missing("profile", "chips"));
        }

        var chips = ReadChips(document.Chips ?? []);
        var leds = ReadItems(document.Leds, ReadLed);
        var keys = ReadItems(document.Keys, ReadKey);

        return _errors.Count > 0
            ? BoardProfileResult.Failure(_errors)
            : BoardProfileResult.Success(new BoardProfile(
                document.Name!, document.Description ?? string.Empty, chips, leds, keys, TimeSpan.FromMilliseconds(longPress)));
    }

    private static T[] ReadItems<TDocument, T>(List<TDocument?>? documents, Func<int, TDocument?, T?> read)
        where T : class
    {
        var items = new List<T>();
        for (var i = 0; i < (documents?.Count ?? 0); i++)
        {
            if (read(i, documents![i]) is { } item)
            {
                items.Add(item);
            }
        }

        return [.. items];
    }

    private ChipDefinition[] ReadChips(List<ChipDocument?> documents)
    {
        var chips = ReadItems(documents, ReadChip);

        // Interrupts once every chip is known: an expander's interrupt line may sit on a chip declared after it.
        return [.. chips.Select(chip => _interrupts.TryGetValue(chip.Id, out var line) ? chip with { Interrupt = ReadInterrupt(chip.Id, line) } : chip)];
    }

    private LineRef? ReadInterrupt(string chipId, LineDocument document)
    {
        var element = $"chip '{chipId}'";
        var line = ResolveLine(element, "interrupt", document);
        if (line is { IsExpanderPin: true })
        {
            _errors.Add(ProfileErrors.Conflict(element, "\"interrupt\" must be a GPIO line, not an expander pin"));
        }

        return line;
    }

    private ChipDefinition? ReadChip(int index, ChipDocument? document)
    {
        var element = document?.Id is { Length: > 0 } named ? $"chip '{named}'" : $"chip #{index + 1}";
        if (document?.Id is not { Length: > 0 } id)
        {
            _errors.Add(ProfileErrors.Missing(element, "id"));
            return null;
        }

        if (_chips.ContainsKey(id))
        {
            _errors.Add(ProfileErrors.DuplicateId(element, "another chip"));
            return null;
        }

        if (Choose(element, "kind", document.Kind, ChipKinds) is not { } kind)
        {
            return null;
        }

        if (kind is ChipKind.GpioChip or ChipKind.Mcp23017 && string.IsNullOrWhiteSpace(document.Device))
        {
            _errors.Add(ProfileErrors.Missing(element, "device"));
        }

        if (document.Interrupt is { } interrupt)
        {
            if (kind == ChipKind.Mcp23017)
            {
                _interrupts.Add(id, interrupt);
            }
            else
            {
                _errors.Add(ProfileErrors.Conflict(element, "only an mcp23017 has an \"interrupt\" line"));
            }
        }

        var address = kind == ChipKind.Mcp23017
            ? RequiredInRange(element, "address", document.Address, FirstMcp23017Address, LastMcp23017Address) ?? 0
            : 0;
        var lines = kind == ChipKind.Simulated ? RequiredInRange(element, "lines", document.Lines, 1, MaxSimulatedLines) ?? 0 : 0;

        var chip = new ChipDefinition(id, kind, document.Device, address, null, lines);
        _chips.Add(id, chip);
        return chip;
    }

    private LedDefinition? ReadLed(int index, LedDocument? document)
    {
        var element = ClaimId("LED", index, document?.Id);
        if (document is null)
        {
            return null;
        }

        var polarity = Choose(element, "polarity", document.Polarity, Polarities);
        var role = document.Role is null ? LedRole.Blf : Choose(element, "role", document.Role, Roles);
        if (role is { } taken && taken != LedRole.Blf && !_roleUsers.TryAdd(taken, element))
        {
            _errors.Add(ProfileErrors.Conflict(element, $"role '{document.Role}' is already taken by {_roleUsers[taken]}"));
        }

        var single = document.Line is not null;
        var bicolor = document.Red is not null || document.Green is not null;
        if (single == bicolor)
        {
            _errors.Add(ProfileErrors.Conflict(element, single
                ? "give \"line\" (single colour) or \"red\" and \"green\" (bicolour), not both"
                : "missing \"line\" (single colour) or \"red\" and \"green\" (bicolour)"));
            return null;
        }

        var line = ResolveLine(element, single ? "line" : "red", single ? document.Line : document.Red);
        var green = bicolor ? ResolveLine(element, "green", document.Green) : null;
        return document.Id is null || line is null || (bicolor && green is null) || polarity is null || role is null
            ? null
            : new LedDefinition(document.Id, role.Value, polarity.Value, line.Value, green);
    }

    private KeyDefinition? ReadKey(int index, KeyDocument? document)
    {
        var element = ClaimId("key", index, document?.Id);
        if (document is null)
        {
            return null;
        }

        var polarity = Choose(element, "polarity", document.Polarity, Polarities);
        var bias = document.Bias is null ? LineBias.None : Choose(element, "bias", document.Bias, Biases);
        var line = ResolveLine(element, "line", document.Line);
        var debounceMs = document.DebounceMs ?? (int)DefaultDebounce.TotalMilliseconds;
        var debounceValid = CheckRange(element, "debounceMs", debounceMs, 0, MaxDebounceMs);
        // The MCP23017 has pull-ups only (GPPU, datasheet §3.5.7): a pull-down there would fail only once the chip opens.
        if (line is { IsExpanderPin: true } && bias == LineBias.PullDown)
        {
            _errors.Add(ProfileErrors.Conflict(element, $"{line.Value} is an MCP23017 pin, which has a pull-up only: use \"bias\": \"pullUp\" or \"none\""));
            bias = null;
        }

        return document.Id is null || line is null || polarity is null || bias is null || !debounceValid
            ? null
            : new KeyDefinition(document.Id, line.Value, polarity.Value, bias.Value, TimeSpan.FromMilliseconds(debounceMs));
    }

    private string ClaimId(string kind, int index, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            var unnamed = $"{kind} #{index + 1}";
            _errors.Add(ProfileErrors.Missing(unnamed, "id"));
            return unnamed;
        }

        var element = $"{kind} '{id}'";
        if (!_idUsers.TryAdd(id, element))
        {
            _errors.Add(ProfileErrors.DuplicateId(element, _idUsers[id]));
        }

        return element;
    }

    private LineRef? ResolveLine(string element, string field, LineDocument? document)
    {
        if (document is null)
        {
            _errors.Add(ProfileErrors.Missing(element, field));
            return null;
        }

        if (string.IsNullOrEmpty(document.Chip))
        {
            _errors.Add(ProfileErrors.Missing(element, $"{field}.chip"));
            return null;
        }

        if (!_chips.TryGetValue(document.Chip, out var chip))
        {
            _errors.Add(ProfileErrors.UnknownChip(element, document.Chip));
            return null;
        }

        LineRef line;
        if (chip.Kind == ChipKind.Mcp23017)
        {
            if (document.Line is not null)
            {
                _errors.Add(ProfileErrors.Conflict(element, $"'{chip.Id}' is an expander: give \"{field}.pin\", not \"{field}.line\""));
                return null;
            }

            if (RequiredInRange(element, $"{field}.pin", document.Pin, 0, ExpanderPins - 1) is not { } pin)
            {
                return null;
            }

            line = new LineRef(chip.Id, pin, IsExpanderPin: true);
        }
        else
        {
            if (document.Pin is not null)
            {
                _errors.Add(ProfileErrors.Conflict(element, $"'{chip.Id}' is not an expander: give \"{field}.line\", not \"{field}.pin\""));
                return null;
            }

            // A GPIO chip's size is only known from the kernel when the line is requested.
            var max = chip.Kind == ChipKind.Simulated ? chip.LineCount - 1 : int.MaxValue;
            if (RequiredInRange(element, $"{field}.line", document.Line, 0, max) is not { } offset)
            {
                return null;
            }

            line = new LineRef(chip.Id, offset, IsExpanderPin: false);
        }

        var user = field == "line" ? element : $"{element} {field}";
        if (!_lineUsers.TryAdd(line, user))
        {
            _errors.Add(ProfileErrors.LineUsedTwice(user, line, _lineUsers[line]));
            return null;
        }

        return line;
    }

    private T? Choose<T>(string element, string field, string? value, (string Name, T Value)[] choices)
        where T : struct
    {
        if (string.IsNullOrEmpty(value))
        {
            _errors.Add(ProfileErrors.Missing(element, field));
            return null;
        }

        foreach (var (name, choice) in choices)
        {
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        _errors.Add(ProfileErrors.Invalid(element, field, value, string.Join(" or ", choices.Select(c => c.Name))));
        return null;
    }

    private int? RequiredInRange(string element, string field, int? value, int min, int max)
    {
        if (value is null)
        {
            _errors.Add(ProfileErrors.Missing(element, field));
            return null;
        }

        return CheckRange(element, field, value.Value, min, max) ? value : null;
    }

    private bool CheckRange(string element, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            _errors.Add(ProfileErrors.OutOfRange(element, field, value, min, max));
            return false;
        }

        return true;
    }
}
