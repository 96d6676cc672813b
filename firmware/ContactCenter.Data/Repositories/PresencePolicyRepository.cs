using Microsoft.Data.Sqlite;

namespace ContactCenter.Data.Repositories;

/// <summary>
/// Who may watch whom (SUBSCRIBE to dialog and presence, BLF keys): the setting <c>presence_all_may_watch</c> (on by
/// default, as a small office expects) and, per watched extension, an optional list of the only extensions allowed to
/// watch it. Every change is one transaction; a refused change changes nothing.
/// </summary>
public sealed class PresencePolicyRepository(ContactCenterDatabase database)
{
    /// <summary>The setting: whether any extension may watch any other that has no watcher list (<c>on</c>/<c>off</c>).</summary>
    public const string AllMayWatchKey = "presence_all_may_watch";

    /// <summary>The policy as stored.</summary>
    public PresencePolicy Load() => database.Read(static connection =>
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var all = SettingsRepository.Get(connection, transaction, AllMayWatchKey) is not { } value || Codes.ToSwitch(value);
        var watchers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                SELECT watched.number, watcher.number
                FROM presence_watch_lists l
                JOIN extensions watched ON watched.id = l.extension_id
                LEFT JOIN presence_watchers w ON w.watched_id = l.extension_id
                LEFT JOIN extensions watcher ON watcher.id = w.watcher_id
                ORDER BY length(watched.number), watched.number, length(watcher.number), watcher.number
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var watched = reader.GetString(0);
                if (!watchers.TryGetValue(watched, out var list))
                {
                    list = new List<string>();
                    watchers.Add(watched, list);
                }

                if (!reader.IsDBNull(1))
                {
                    ((List<string>)list).Add(reader.GetString(1));
                }
            }
        }

        transaction.Commit();
        return new PresencePolicy(all, watchers);
    });

    /// <summary>Sets whether any extension may watch any other that has no watcher list.</summary>
    public void SetAllMayWatch(bool allowed) => new SettingsRepository(database).Set(AllMayWatchKey, Codes.Of(allowed));

    /// <summary>
    /// Restricts who may watch <paramref name="watched"/> to <paramref name="watchers"/> (empty: nobody but itself), or
    /// lifts the restriction (null). Every extension named must exist and differ from <paramref name="watched"/>.
    /// </summary>
    public SettingChange SetWatchers(string watched, IReadOnlyList<string>? watchers) => database.InTransaction((connection, transaction) =>
    {
        if (PanelRepository.ExtensionId(connection, transaction, watched) is not { } watchedId)
        {
            return SettingChange.Refused($"extension {watched} does not exist");
        }

        var watcherIds = new List<long>();
        foreach (var watcher in watchers ?? [])
        {
            if (string.Equals(watcher, watched, StringComparison.Ordinal))
            {
                return SettingChange.Refused($"extension {watched} always watches itself: do not list it as its own watcher");
            }

            if (PanelRepository.ExtensionId(connection, transaction, watcher) is not { } id)
            {
                return SettingChange.Refused($"watcher {watcher} of extension {watched} does not exist");
            }

            watcherIds.Add(id);
        }

        // Deleting the list cascades to its watchers; a restriction is written again whole.
        Execute(connection, transaction, "DELETE FROM presence_watch_lists WHERE extension_id = $watched", watchedId);
        if (watchers is not null)
        {
            Execute(connection, transaction, "INSERT INTO presence_watch_lists (extension_id) VALUES ($watched)", watchedId);
            foreach (var id in watcherIds.Distinct())
            {
                Execute(connection, transaction, "INSERT INTO presence_watchers (watched_id, watcher_id) VALUES ($watched, $watcher)", watchedId, id);
            }
        }

        return SettingChange.Done;
    });

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, long watched, long? watcher = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$watched", watched);
        if (watcher is { } id)
        {
            command.Parameters.AddWithValue("$watcher", id);
        }

        command.ExecuteNonQuery();
    }
}
