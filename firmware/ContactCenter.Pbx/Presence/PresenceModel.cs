using Microsoft.Extensions.Logging;
using ContactCenter.Sip.Events.Bodies;

namespace ContactCenter.Pbx.Presence;

/// <summary>
/// The one presence model of the appliance (issue #5): calls report their dialogs, features report do not disturb,
/// away and voicemail counts, and every change goes to the observers (the NOTIFY fan-out, the front panel binding,
/// the web UI) as a new <see cref="PresenceSnapshot"/>. Thread-safe; observers run outside the state lock, one
/// delivery at a time per extension (changes of different extensions are delivered side by side, so observers must be
/// thread-safe), each guarded; they must not block.
/// </summary>
public sealed class PresenceModel
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PresenceSnapshot> _extensions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lock> _deliveries = new(StringComparer.Ordinal);
    private readonly List<Action<PresenceSnapshot>> _observers = [];
    private readonly ILogger _logger;

    /// <summary>Creates an empty model.</summary>
    public PresenceModel(ILogger<PresenceModel> logger) => _logger = logger;

    /// <summary>Adds an observer of every change (composition time; observers are never removed).</summary>
    public void AddObserver(Action<PresenceSnapshot> observer)
    {
        lock (_gate)
        {
            _observers.Add(observer);
        }
    }

    /// <summary>The current presence of <paramref name="extension"/>.</summary>
    public PresenceSnapshot Get(string extension)
    {
        lock (_gate)
        {
            return _extensions.TryGetValue(extension, out var snapshot) ? snapshot : PresenceSnapshot.Idle(extension);
        }
    }

    /// <summary>Adds or replaces the dialog with <paramref name="dialog"/>'s id; a terminated one is removed.</summary>
    public void SetDialog(string extension, SipDialogInfoEntry dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        Change(extension, current =>
        {
            var dialogs = current.Dialogs.ToList();
            var index = dialogs.FindIndex(d => string.Equals(d.Id, dialog.Id, StringComparison.Ordinal));
            if (dialog.State == SipDialogInfoState.Terminated)
            {
                if (index >= 0)
                {
                    dialogs.RemoveAt(index);
                    return current with { Dialogs = dialogs, Ended = [dialog] };
                }
            }
            else if (index >= 0)
            {
                dialogs[index] = dialog;
            }
            else
            {
                dialogs.Add(dialog);
            }
            return current with { Dialogs = dialogs };
        });
    }

    /// <summary>Sets do not disturb and away together: moving from one to the other is one change, with no idle moment between.</summary>
    public void SetAvailability(string extension, bool doNotDisturb, bool away) =>
        Change(extension, current => current with { DoNotDisturb = doNotDisturb, Away = away });

    /// <summary>Sets the voicemail counts (from the database until voicemail exists).</summary>
    public void SetMessageCounts(string extension, int newMessages, int oldMessages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(newMessages);
        ArgumentOutOfRangeException.ThrowIfNegative(oldMessages);
        Change(extension, current => current with { NewMessages = newMessages, OldMessages = oldMessages });
    }

    /// <summary>Sets what park slot <paramref name="slot"/> holds.</summary>
    public void SetPark(string slot, ParkSlotState state) => Change(slot, current => current with { Park = state });

    private void Change(string extension, Func<PresenceSnapshot, PresenceSnapshot> change)
    {
        ArgumentNullException.ThrowIfNull(extension);
        Action<PresenceSnapshot>[] observers;
        Lock delivery;
        lock (_gate)
        {
            var current = _extensions.TryGetValue(extension, out var known) ? known : PresenceSnapshot.Idle(extension);
            // Dialogs that ended are reported with the change that ended them only.
            var next = change(current with { Ended = [] });
            // Nothing changed (a repeated report): observers hear only real changes, so no NOTIFY or LED update goes out.
            if (next.Dialogs.SequenceEqual(current.Dialogs) && next.Ended.Count == 0 && next with { Dialogs = current.Dialogs, Ended = current.Ended } == current)
            {
                return;
            }
            _extensions[extension] = next;
            observers = [.. _observers];
            if (!_deliveries.TryGetValue(extension, out delivery!))
            {
                delivery = new Lock();
                _deliveries.Add(extension, delivery);
            }
        }
        // Two changes of one extension from two threads must not reach an observer newest-first (a lamp would stay
        // wrong): its deliveries take turns, and each delivers the state current when its turn comes, never an older
        // one. Other extensions' deliveries do not wait: one lock for all made calls' threads queue behind each other's
        // NOTIFY fan-out, and blocked pool threads starved the SIP stack for hundreds of milliseconds under load.
        // The state lock is not held, so observers may read the model.
        lock (delivery)
        {
            var latest = Get(extension);
            foreach (var observer in observers)
            {
                try
                {
                    observer(latest);
                }
#pragma warning disable CA1031 // One failing observer must not keep the others (or the caller) from the change.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    PresenceLog.ObserverFailed(_logger, extension, exception);
                }
            }
        }
    }
}
