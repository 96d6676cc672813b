using ContactCenter.Sip.Events;

namespace ContactCenter.Pbx.Presence;

/// <summary>Who may watch whom, the subscription durations, and the notes PIDF carries.</summary>
public sealed class PresenceOptions
{
    /// <summary>When true (the default, as a small office expects), any extension may watch any other unless <see cref="Watchers"/> restricts it.</summary>
    public bool AllExtensionsMayWatch { get; set; } = true;

    /// <summary>Watched extension → the only extensions that may watch it (the extension itself always may).</summary>
    public IDictionary<string, IList<string>> Watchers { get; } = new Dictionary<string, IList<string>>(StringComparer.Ordinal);

    /// <summary>
    /// The park slot numbers (composition copies them from <c>CallOptions.ParkSlotNumbers()</c>): watchable by every
    /// extension, like a shared line, so a BLF key on a slot shows whether a call waits there.
    /// </summary>
    public ISet<string> ParkSlots { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Subscription durations.</summary>
    public SipNotifierOptions Subscriptions { get; } = new();

    /// <summary>PIDF note while do not disturb is on.</summary>
    public string DoNotDisturbNote { get; set; } = "Ne pas déranger";

    /// <summary>PIDF note while away.</summary>
    public string AwayNote { get; set; } = "Absent";

    /// <summary>PIDF note while in a call.</summary>
    public string InUseNote { get; set; } = "En ligne";

    /// <summary>Whether <paramref name="watcher"/> may watch <paramref name="watched"/>'s calls and presence.</summary>
    public bool MayWatch(string watcher, string watched)
    {
        if (string.Equals(watcher, watched, StringComparison.Ordinal) || ParkSlots.Contains(watched))
        {
            return true;
        }
        return Watchers.TryGetValue(watched, out var allowed)
            ? allowed.Contains(watcher, StringComparer.Ordinal)
            : AllExtensionsMayWatch;
    }
}
