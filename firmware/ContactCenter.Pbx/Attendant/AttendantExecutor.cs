using ContactCenter.Data;
using ContactCenter.Data.Repositories;
using ContactCenter.Data.Snapshots;
using ContactCenter.Pbx.Commands;
using ContactCenter.Pbx.Presence;
using ContactCenter.Sip.Events.Bodies;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Attendant;

/// <summary>
/// The receptionist's keys as PBX logic (issue #5 §4), shared by the front panel and, later, the web attendant console:
/// decides what a press means from the presence model and performs it through <see cref="ICallCommands"/> or the
/// database, on behalf of the configured receptionist extension; and gives each key's lamp (<see cref="Lamp"/>). A failed
/// press shows <see cref="AttendantLamp.Attention"/> on its key for <see cref="AttentionTime"/> and logs why.
/// Thread-safe. Lamps that follow presence change with the <see cref="PresenceModel"/> (observe it); lamps that change
/// for other reasons (a switch, attention) are announced to <see cref="AddObserver"/>'s observers.
/// </summary>
public sealed class AttendantExecutor : IDisposable
{
    /// <summary>How long a key shows attention after its action failed.</summary>
    public static readonly TimeSpan AttentionTime = TimeSpan.FromSeconds(3);

    private readonly Lock _gate = new();
    private readonly PresenceModel _model;
    private readonly ICallCommands _calls;
    private readonly ContactCenterDatabase _database;
    private readonly ExtensionDirectory _directory;
    private readonly OperatingFlagsRepository _flags;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<AttendantAction, ITimer> _attention = [];
    private readonly List<Action> _observers = [];
    private AttendantSwitches _switches = new(null, false, false);

    /// <summary>Creates the executor; <see cref="Load"/> reads the receptionist and the switches.</summary>
    /// <param name="model">The presence model (what rings, who is busy, what the park slots hold).</param>
    /// <param name="calls">The call operations the call keys perform.</param>
    /// <param name="database">The database (receptionist, night mode, queue login, extension status).</param>
    /// <param name="directory">The extension directory (the receptionist's status).</param>
    /// <param name="time">The clock of the attention timers.</param>
    /// <param name="logger">Where presses are logged.</param>
    public AttendantExecutor(PresenceModel model, ICallCommands calls, ContactCenterDatabase database, ExtensionDirectory directory, TimeProvider time,
        ILogger<AttendantExecutor> logger)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(time);
        _model = model;
        _calls = calls;
        _database = database;
        _directory = directory;
        _flags = new OperatingFlagsRepository(database);
        _time = time;
        _logger = logger;
    }

    /// <summary>The receptionist and the switches as they are now.</summary>
    public AttendantSwitches Switches
    {
        get
        {
            lock (_gate)
            {
                return _switches;
            }
        }
    }

    /// <summary>Reads the receptionist, night mode and the receptionist's queue login from the database.</summary>
    public void Load()
    {
        var receptionist = new PanelRepository(_database).Receptionist();
        var switches = new AttendantSwitches(receptionist, _flags.NightMode(), receptionist is not null && _flags.IsQueueLoggedIn(receptionist));
        lock (_gate)
        {
            _switches = switches;
        }

        if (receptionist is null)
        {
            AttendantLog.NoReceptionist(_logger);
        }
        else
        {
            AttendantLog.Loaded(_logger, receptionist, OnOff(switches.NightMode), OnOff(switches.QueueLoggedIn));
        }

        Notify();
    }

    /// <summary>Adds an observer of lamp changes that do not come from the presence model (composition time; never removed). Observers must not block.</summary>
    public void AddObserver(Action observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate)
        {
            _observers.Add(observer);
        }
    }

    /// <summary>What <paramref name="action"/>'s key shows now.</summary>
    public AttendantLamp Lamp(AttendantAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        AttendantSwitches switches;
        lock (_gate)
        {
            if (_attention.ContainsKey(action))
            {
                return AttendantLamp.Attention;
            }

            switches = _switches;
        }

        return AttendantLamps.For(action, _model.Get, switches);
    }

    /// <summary>Performs what a press of <paramref name="action"/>'s key means now; a failure also shows attention on the key.</summary>
    public async ValueTask<AttendantOutcome> PressAsync(AttendantAction action, AttendantPress press)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (Switches.Receptionist is not { } me)
        {
            AttendantLog.NoReceptionist(_logger);
            ShowAttention(action);
            return new AttendantOutcome(AttendantOperation.None, "no receptionist extension is configured");
        }

        var outcome = action.Kind switch
        {
            PanelKeyAction.BusyLamp when action.Target is { } extension => await BusyLampAsync(me, extension, press).ConfigureAwait(false),
            PanelKeyAction.Park when action.Target is { } slot => await ParkAsync(me, slot).ConfigureAwait(false),
            PanelKeyAction.SpeedDial when action.Target is { } number =>
                await CallAsync(AttendantOperation.ClickToCall, calls => calls.ClickToCallAsync(me, number)).ConfigureAwait(false),
            PanelKeyAction.DoNotDisturb => ToggleDoNotDisturb(me),
            PanelKeyAction.NightMode => ToggleNightMode(),
            PanelKeyAction.QueueLogin => ToggleQueueLogin(me),
            _ => new AttendantOutcome(AttendantOperation.None, $"the key's action {action.Kind} has no target"),
        };

        var target = action.Target ?? "";
        if (outcome.Failure is { } reason)
        {
            AttendantLog.Failed(_logger, me, outcome.Operation, target, reason);
            ShowAttention(action);
        }
        else
        {
            AttendantLog.Performed(_logger, me, outcome.Operation, target, press);
        }

        return outcome;
    }

    /// <summary>Stops the attention timers.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var timer in _attention.Values)
            {
                timer.Dispose();
            }

            _attention.Clear();
        }
    }

    // BLF (issue #5 §4): ringing → directed pickup; the receptionist in an answered call → transfer there; otherwise call it.
    private ValueTask<AttendantOutcome> BusyLampAsync(string me, string extension, AttendantPress press)
    {
        if (_model.Get(extension).Activity == ExtensionActivity.Ringing)
        {
            return CallAsync(AttendantOperation.PickUp, calls => calls.PickUpAsync(me, extension));
        }

        if (_model.Get(me).Dialogs.Any(static d => d.State == SipDialogInfoState.Confirmed))
        {
            return press == AttendantPress.Long
                ? ValueTask.FromResult(new AttendantOutcome(AttendantOperation.AttendedTransfer,
                    "attended transfer is not implemented yet (it comes with the transfer issue); a short press transfers blind"))
                : CallAsync(AttendantOperation.BlindTransfer, calls => calls.BlindTransferAsync(me, extension));
        }

        return CallAsync(AttendantOperation.ClickToCall, calls => calls.ClickToCallAsync(me, extension));
    }

    private ValueTask<AttendantOutcome> ParkAsync(string me, string slot) =>
        _model.Get(slot).Park is ParkSlotState.Occupied or ParkSlotState.Recalling
            ? CallAsync(AttendantOperation.Retrieve, calls => calls.RetrieveAsync(me, slot))
            : CallAsync(AttendantOperation.Park, calls => calls.ParkAsync(me, slot));

    private async ValueTask<AttendantOutcome> CallAsync(AttendantOperation operation, Func<ICallCommands, ValueTask<CallCommandResult>> command)
    {
        var result = await command(_calls).ConfigureAwait(false);
        return result == CallCommandResult.Started ? new AttendantOutcome(operation) : new AttendantOutcome(operation, Describe(result));
    }

    // The status goes to the database; the directory reloads on the commit and feeds presence, which lights the key.
    private AttendantOutcome ToggleDoNotDisturb(string me)
    {
        if (!_directory.Current.TryGet(me, out var extension))
        {
            return new AttendantOutcome(AttendantOperation.DoNotDisturb, $"extension {me} does not exist");
        }

        var on = extension.Status != ExtensionStatus.DoNotDisturb;
        if (new ExtensionRepository(_database).SetStatus(me, on ? ExtensionStatus.DoNotDisturb : ExtensionStatus.Available) != ChangeResult.Done)
        {
            return new AttendantOutcome(AttendantOperation.DoNotDisturb, $"extension {me} does not exist");
        }

        AttendantLog.DoNotDisturb(_logger, me, OnOff(on));
        return new AttendantOutcome(AttendantOperation.DoNotDisturb);
    }

    private AttendantOutcome ToggleNightMode()
    {
        bool on;
        lock (_gate)
        {
            on = !_switches.NightMode;
            _flags.SetNightMode(on);
            _switches = _switches with { NightMode = on };
        }

        AttendantLog.NightMode(_logger, OnOff(on));
        Notify();
        return new AttendantOutcome(AttendantOperation.NightMode);
    }

    private AttendantOutcome ToggleQueueLogin(string me)
    {
        bool on;
        lock (_gate)
        {
            on = !_switches.QueueLoggedIn;
            if (_flags.SetQueueLogin(me, on).Error is { } error)
            {
                return new AttendantOutcome(AttendantOperation.QueueLogin, error);
            }

            _switches = _switches with { QueueLoggedIn = on };
        }

        AttendantLog.QueueLogin(_logger, me, on ? "into" : "out of");
        Notify();
        return new AttendantOutcome(AttendantOperation.QueueLogin);
    }

    private void ShowAttention(AttendantAction action)
    {
        lock (_gate)
        {
            if (!_attention.TryGetValue(action, out var timer))
            {
                timer = _time.CreateTimer(_ => EndAttention(action), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _attention.Add(action, timer);
            }

            // A new failure while attention shows starts the time again.
            timer.Change(AttentionTime, Timeout.InfiniteTimeSpan);
        }

        Notify();
    }

    private void EndAttention(AttendantAction action)
    {
        lock (_gate)
        {
            if (!_attention.Remove(action, out var timer))
            {
                return;
            }

            timer.Dispose();
        }

        Notify();
    }

    private void Notify()
    {
        Action[] observers;
        lock (_gate)
        {
            observers = [.. _observers];
        }

        foreach (var observer in observers)
        {
            try
            {
                observer();
            }
#pragma warning disable CA1031 // One failing observer must not keep the others (or the press) from the change.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                AttendantLog.ObserverFailed(_logger, exception);
            }
        }
    }

    private static string Describe(CallCommandResult result) => result switch
    {
        CallCommandResult.UnknownNumber => "no such extension or park slot",
        CallCommandResult.NotRegistered => "the phone that must ring is not registered",
        CallCommandResult.NothingRinging => "nothing rings there any more",
        CallCommandResult.NotInCall => "the receptionist is in no answered call",
        CallCommandResult.SlotOccupied => "the park slot already holds a call",
        CallCommandResult.SlotEmpty => "the park slot holds no call",
        CallCommandResult.Unavailable => "the appliance cannot take the call now",
        _ => result.ToString(),
    };

    private static string OnOff(bool on) => on ? "on" : "off";
}
