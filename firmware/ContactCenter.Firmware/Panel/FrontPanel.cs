using ContactCenter.Board.Gpio;
using ContactCenter.Board.Keys;
using ContactCenter.Board.Leds;
using ContactCenter.Board.Profiles;
using ContactCenter.Board.Simulated;
using ContactCenter.Data;
using ContactCenter.Data.Repositories;
using ContactCenter.Data.Seeding;
using ContactCenter.Data.Snapshots;
using ContactCenter.Pbx.Attendant;
using ContactCenter.Pbx.Presence;
using ContactCenter.Pbx.Registrar;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Firmware.Panel;

/// <summary>
/// The front panel bound to the PBX (issue #5 §2-§4): opens the profile's chips, drives the LED engine (the key lamps
/// from the <see cref="AttendantExecutor"/>, which derives them from presence and the switches; the status LEDs from the
/// appliance's state) and runs debounced key presses through the executor. The i-th key's lamp is the i-th LED of role
/// <c>blf</c> in the profile; keys without one still act.
/// </summary>
internal sealed class FrontPanel : IAsyncDisposable
{
    /// <summary>How often the SIP and network LEDs are re-evaluated once the appliance is ready.</summary>
    public static readonly TimeSpan HealthInterval = TimeSpan.FromSeconds(2);

    private readonly BoardProfile _profile;
    private readonly SimulatedGpioLines? _simulated;
    private readonly AttendantExecutor _executor;
    private readonly PresenceModel _model;
    private readonly IRegistrationView _registrations;
    private readonly ExtensionDirectory _directory;
    private readonly ContactCenterDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly Lock _refresh = new();
    private readonly Dictionary<string, int> _keyIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ledIndex = new(StringComparer.Ordinal);
    private readonly int[] _keyLamp;
    private readonly AttendantAction?[] _actions;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private PanelLines? _lines;
    private LedEngine? _leds;
    private StatusLeds? _status;
    private KeyEngine? _keys;
    private ITimer? _health;
    private bool _disposed;

    public FrontPanel(BoardProfile profile, SimulatedGpioLines? simulated, AttendantExecutor executor, PresenceModel model, IRegistrationView registrations,
        ExtensionDirectory directory, ContactCenterDatabase database, TimeProvider time, ILoggerFactory loggers)
    {
        _profile = profile;
        _simulated = simulated;
        _executor = executor;
        _model = model;
        _registrations = registrations;
        _directory = directory;
        _database = database;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<FrontPanel>();
        _actions = new AttendantAction?[profile.Keys.Count];
        _keyLamp = new int[profile.Keys.Count];
        Array.Fill(_keyLamp, -1);
        var lamps = 0;
        for (var i = 0; i < profile.Leds.Count; i++)
        {
            _ledIndex.Add(profile.Leds[i].Id, i);
            if (profile.Leds[i].Role == LedRole.Blf && lamps < _keyLamp.Length)
            {
                _keyLamp[lamps++] = i;
            }
        }

        for (var i = 0; i < profile.Keys.Count; i++)
        {
            _keyIndex.Add(profile.Keys[i].Id, i);
        }
    }

    /// <summary>The board profile.</summary>
    public BoardProfile Profile => _profile;

    /// <summary>What an LED of the profile shows (the web UI's virtual panel, tests).</summary>
    public LedPattern Pattern(string ledId) => _leds?.Get(_ledIndex[ledId]) ?? LedPattern.Off;

    /// <summary>
    /// Every new pattern of an LED once the board is open, in order (what the web UI's virtual panel mirrors and the
    /// latency benchmark times). Raised under the LED engine's lock: handlers must be quick.
    /// </summary>
    public event EventHandler<PanelLedChange>? LedChanged;

    /// <summary>Every debounced key press, as the panel takes it up and before its action starts (the virtual panel, the latency benchmark).</summary>
    public event EventHandler<PanelKeyPress>? KeyPressed;

    /// <summary>Opens the board, binds the keys and starts reading them; the power LED shows "starting".</summary>
    /// <exception cref="PanelStartException">A chip or line cannot be had (the fault LED shows it when it can be driven).</exception>
    public void Start()
    {
        _lines = PanelLines.Open(_profile, _simulated, _time, _loggers);
        _leds = new LedEngine(_time, [.. _profile.Leds.Select(Driver)]);
        _leds.Changed += (_, change) => LedChanged?.Invoke(this, new PanelLedChange(_profile.Leds[change.Led].Id, change.Pattern, change.Timestamp));
        _status = new StatusLeds(_leds, _profile);
        if (_lines.Errors.Count > 0)
        {
            var reason = $"board profile {_profile.Name}: {string.Join("; ", _lines.Errors)}";
            PanelLog.Fault(_logger, reason);
            _status.ShowFault(true);
            throw new PanelStartException(reason);
        }

        _status.ShowPower(ready: false);
        _status.ShowSip(ServiceHealth.Down);
        _status.ShowNetwork(NetworkHealth.Now());
        _status.ShowFault(false);
        _keys = new KeyEngine(_time, [.. _profile.Keys.Select(KeySettingsOf)], _profile.LongPress);
        Bind();
        PanelLog.Opened(_logger, _profile.Name, _profile.Keys.Count, _profile.Leds.Count,
            string.Join(", ", _profile.Chips.Select(c => $"{c.Id} ({c.Device ?? "simulated"})")));

        var token = _stop.Token;
        foreach (var (chip, lines) in _lines.Chips)
        {
            var keys = _profile.Keys.Where(k => k.Line.Chip == chip).ToDictionary(k => k.Line.Offset, k => _keyIndex[k.Id]);
            if (keys.Count > 0)
            {
                _loops.Add(ReadEdgesAsync(chip, lines, keys, token));
            }
        }

        _loops.Add(ReadPressesAsync(_keys, token));
    }

    /// <summary>The appliance is ready: the power LED steadies, and the SIP and network LEDs follow their health from now on.</summary>
    public void ShowReady()
    {
        if (_status is null)
        {
            return;
        }

        _status.ShowPower(ready: true);
        UpdateHealth();
        _health = _time.CreateTimer(static state => ((FrontPanel)state!).UpdateHealth(), this, HealthInterval, HealthInterval);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_refresh)
        {
            _disposed = true;
        }

        _health?.Dispose();
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _keys?.Dispose();
        _leds?.Dispose();
        _lines?.Dispose();
        _stop.Dispose();
    }

    private ILedDriver Driver(LedDefinition led)
    {
        IOutputLine? Line(LineRef? line) =>
            line is { } l && _lines!.Chips.TryGetValue(l.Chip, out var chip) ? new GpioOutputLine(chip, l.Offset) : null;

        var first = Line(led.Line);
        if (led.Green is null)
        {
            return first is null ? UnavailableLed.Instance : new SingleColorLed(first);
        }

        return first is not null && Line(led.Green) is { } green ? new BicolorLed(first, green) : UnavailableLed.Instance;
    }

    // The kernel debounces GPIO chardev keys; the key engine debounces those of the simulated board and the expanders.
    private KeySettings KeySettingsOf(KeyDefinition key) =>
        new(key.Id, _profile.Chips.First(c => c.Id == key.Line.Chip).Kind == ChipKind.GpioChip ? TimeSpan.Zero : key.Debounce);

    // First start binds the profile's keys to the defaults; then every stored binding whose key the board has.
    private void Bind()
    {
        var seeded = PanelDefaults.SeedIfNew(_database, [.. _profile.Keys.Select(static k => k.Id)]);
        if (seeded.Count > 0)
        {
            PanelLog.Seeded(_logger, string.Join(", ", seeded.Select(static b => $"{b.KeyId}={b.Action}{(b.Argument is null ? "" : " " + b.Argument)}")));
        }

        foreach (var binding in new PanelRepository(_database).ListKeys())
        {
            if (_keyIndex.TryGetValue(binding.KeyId, out var index))
            {
                _actions[index] = AttendantAction.From(binding);
            }
            else
            {
                PanelLog.UnknownKey(_logger, binding.KeyId, _profile.Name);
            }
        }

        _executor.Load();
        _model.AddObserver(_ => Refresh());
        _executor.AddObserver(Refresh);
        Refresh();
    }

    // Serialized, and each pass reads the state current when it runs: the last pass always leaves the newest lamps.
    private void Refresh()
    {
        lock (_refresh)
        {
            if (_disposed || _leds is null)
            {
                return;
            }

            for (var i = 0; i < _actions.Length; i++)
            {
                if (_actions[i] is { } action && _keyLamp[i] >= 0)
                {
                    var pattern = LampPatterns.For(_executor.Lamp(action));
                    if (_leds.Get(_keyLamp[i]) != pattern)
                    {
                        _leds.Set(_keyLamp[i], pattern);
                    }
                }
            }
        }
    }

    private async Task ReadEdgesAsync(string chip, IGpioLines lines, Dictionary<int, int> keys, CancellationToken token)
    {
        try
        {
            await foreach (var edge in lines.Edges.ReadAllAsync(token).ConfigureAwait(false))
            {
                if (keys.TryGetValue(edge.Line, out var key))
                {
                    _keys!.OnEdge(key, edge.Kind == GpioEdgeKind.Rising, edge.Timestamp);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Shutdown.
        }
#pragma warning disable CA1031 // A failed edge stream is a panel fault, shown and logged; it must not take the host down.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            PanelLog.EdgesFailed(_logger, chip, exception);
            _status?.ShowFault(true);
        }
    }

    private async Task ReadPressesAsync(KeyEngine keys, CancellationToken token)
    {
        try
        {
            await foreach (var press in keys.Presses.ReadAllAsync(token).ConfigureAwait(false))
            {
                await PressAsync(press).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    private async Task PressAsync(KeyPress press)
    {
        KeyPressed?.Invoke(this, new PanelKeyPress(press.KeyId, press.Kind, _time.GetTimestamp()));
        var kind = press.Kind == KeyPressKind.Long ? AttendantPress.Long : AttendantPress.Short;
        if (_actions[_keyIndex[press.KeyId]] is not { } action)
        {
            PanelLog.Unbound(_logger, press.KeyId, kind.ToString());
            return;
        }

        try
        {
            await _executor.PressAsync(action, kind).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One key's failure is logged; the next press must still work.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            PanelLog.PressFailed(_logger, press.KeyId, exception);
        }
    }

    private void UpdateHealth()
    {
        try
        {
            _status!.ShowSip(SipHealth.Of(_directory.Current.Extensions.Select(static e => e.Number), _registrations.ListAll()));
            _status.ShowNetwork(NetworkHealth.Now());
        }
#pragma warning disable CA1031 // A status LED must never take a timer thread down.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            PanelLog.StatusFailed(_logger, exception);
        }
    }
}
