using Microsoft.Data.Sqlite;

namespace ContactCenter.Data.Repositories;

/// <summary>
/// The front panel's configuration (issue #5 §4): which extension the panel acts for (the receptionist) and what each
/// key does. Every change is validated (<see cref="PanelRules"/>) and committed in one transaction, or refused with the
/// reason and nothing changed.
/// </summary>
public sealed class PanelRepository(ContactCenterDatabase database)
{
    /// <summary>The setting holding the receptionist's extension number.</summary>
    public const string ReceptionistKey = "panel_receptionist";

    /// <summary>Set once the first-start key bindings were written (never re-created after that).</summary>
    public const string SeededKey = "panel_seeded";

    /// <summary>The receptionist's extension number, or null when none is set.</summary>
    public string? Receptionist() => new SettingsRepository(database).Get(ReceptionistKey) is { Length: > 0 } number ? number : null;

    /// <summary>Makes <paramref name="number"/> the extension the panel acts for; it must exist.</summary>
    public SettingChange SetReceptionist(string number)
    {
        if (Credentials.CredentialRules.CheckNumber(number) is { } bad)
        {
            return SettingChange.Refused(bad);
        }

        return database.InTransaction((connection, transaction) =>
        {
            if (ExtensionId(connection, transaction, number) is null)
            {
                return SettingChange.Refused($"extension {number} does not exist");
            }

            SettingsRepository.Set(connection, transaction, ReceptionistKey, number);
            return SettingChange.Done;
        });
    }

    /// <summary>Every key binding, ordered by key id.</summary>
    public IReadOnlyList<PanelKeyBinding> ListKeys() => database.Read(static connection => ListKeys(connection, null));

    /// <summary>Binds a key (replacing its binding); a BLF key must name an existing extension.</summary>
    public SettingChange SetKey(PanelKeyBinding binding)
    {
        if (PanelRules.CheckBinding(binding) is { } bad)
        {
            return SettingChange.Refused(bad);
        }

        var now = Codes.UnixMs(database.Time.GetUtcNow());
        return database.InTransaction((connection, transaction) =>
        {
            if (binding.Action == PanelKeyAction.BusyLamp && ExtensionId(connection, transaction, binding.Argument!) is null)
            {
                return SettingChange.Refused($"key '{binding.KeyId}': extension {binding.Argument} does not exist");
            }

            WriteKey(connection, transaction, binding, now);
            return SettingChange.Done;
        });
    }

    /// <summary>Unbinds a key.</summary>
    public SettingChange RemoveKey(string keyId) => database.InTransaction((connection, transaction) =>
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM panel_keys WHERE key_id = $key";
        command.Parameters.AddWithValue("$key", keyId);
        return command.ExecuteNonQuery() == 1 ? SettingChange.Done : SettingChange.Refused($"key '{keyId}' is not bound");
    });

    internal static List<PanelKeyBinding> ListKeys(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT key_id, action, argument FROM panel_keys ORDER BY length(key_id), key_id";
        using var reader = command.ExecuteReader();
        var keys = new List<PanelKeyBinding>();
        while (reader.Read())
        {
            keys.Add(new PanelKeyBinding(reader.GetString(0), Codes.ToPanelKeyAction(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return keys;
    }

    internal static void WriteKey(SqliteConnection connection, SqliteTransaction transaction, PanelKeyBinding binding, long now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO panel_keys (key_id, action, argument, updated_at) VALUES ($key, $action, $argument, $now)
            ON CONFLICT (key_id) DO UPDATE SET action = excluded.action, argument = excluded.argument, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$key", binding.KeyId);
        command.Parameters.AddWithValue("$action", Codes.Of(binding.Action));
        command.Parameters.AddWithValue("$argument", (object?)binding.Argument ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", now);
        command.ExecuteNonQuery();
    }

    internal static long? ExtensionId(SqliteConnection connection, SqliteTransaction? transaction, string number)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id FROM extensions WHERE number = $number";
        command.Parameters.AddWithValue("$number", number);
        return command.ExecuteScalar() is long id ? id : null;
    }
}
