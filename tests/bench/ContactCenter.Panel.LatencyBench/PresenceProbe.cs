using System.Collections.Concurrent;
using System.Diagnostics;
using ContactCenter.Pbx.Presence;

namespace ContactCenter.Panel.LatencyBench;

/// <summary>
/// The moment of each change of the presence model ("a call state change" of issue #5 §6), per extension, with the
/// dialog states it left: the first observer of the model, so it runs before the NOTIFY fan-out and the panel.
/// </summary>
internal sealed class PresenceProbe
{
    private readonly ConcurrentDictionary<string, List<(long At, string States, ExtensionActivity Activity)>> _changes = new(StringComparer.Ordinal);

    public void OnChanged(PresenceSnapshot snapshot)
    {
        var at = Stopwatch.GetTimestamp();
        var list = _changes.GetOrAdd(snapshot.Extension, _ => []);
        lock (list)
        {
            list.Add((at, StatesOf(snapshot), snapshot.Activity));
        }
    }

    /// <summary>The dialog states of a snapshot as a NOTIFY lists them, e.g. <c>early</c> or <c>confirmed,early</c>.</summary>
    public static string StatesOf(PresenceSnapshot snapshot) =>
        string.Join(',', snapshot.Dialogs.Concat(snapshot.Ended).Select(d => d.State.ToString().ToLowerInvariant()));

    /// <summary>The latest change of <paramref name="extension"/> to <paramref name="states"/> at or before <paramref name="at"/>.</summary>
    public long? ChangeBefore(string extension, string states, long at) => Latest(extension, at, c => c.States == states);

    /// <summary>The latest change of <paramref name="extension"/> that left it <paramref name="activity"/>, at or before <paramref name="at"/>.</summary>
    public long? ChangeBefore(string extension, ExtensionActivity activity, long at) => Latest(extension, at, c => c.Activity == activity);

    private long? Latest(string extension, long at, Func<(long At, string States, ExtensionActivity Activity), bool> match)
    {
        if (!_changes.TryGetValue(extension, out var list))
        {
            return null;
        }
        lock (list)
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (list[i].At <= at && match(list[i]))
                {
                    return list[i].At;
                }
            }
        }
        return null;
    }

    public void Clear() => _changes.Clear();
}
