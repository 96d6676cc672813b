using Microsoft.Data.Sqlite;

namespace ContactCenter.Data.Repositories;

/// <summary>Appliance settings kept in the database (things admins edit), as text key/value pairs.</summary>
public sealed class SettingsRepository(ContactCenterDatabase database)
{
    /// <summary>The SIP realm / domain used in digest challenges and in every HA1.</summary>
    public const string SipRealmKey = "sip_realm";

    /// <summary>The realm of a new appliance.</summary>
    public const string DefaultSipRealm = "contactcenter.local";

    /// <summary>Set once the first-start demo extensions were created (never re-created after that).</summary>
    public const string DemoSeededKey = "demo_seeded";

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public string? Get(string key) => database.Read(connection => Get(connection, null, key));

    /// <summary>The SIP realm.</summary>
    public string SipRealm() => Get(SipRealmKey) ?? DefaultSipRealm;

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> in one transaction.</summary>
    public void Set(string key, string value) => database.InTransaction((connection, transaction) =>
    {
        Set(connection, transaction, key, value);
        return true;
    });

    internal static string? Get(SqliteConnection connection, SqliteTransaction? transaction, string key)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM settings WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    internal static void Set(SqliteConnection connection, SqliteTransaction transaction, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO settings (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }
}
