namespace ContactCenter.Data.Repositories;

/// <summary>
/// The switches a receptionist flips from the front panel or the console. Night mode is the setting <c>night_mode</c>,
/// which office-hours routing (a later issue) will read to force the closed-hours route. Queue login is a flag per
/// extension (table <c>queue_logins</c>, no row = logged out), which the queues (a later issue) will read to decide whom
/// to offer calls.
/// </summary>
public sealed class OperatingFlagsRepository(ContactCenterDatabase database)
{
    /// <summary>The setting holding night mode (<c>on</c>/<c>off</c>).</summary>
    public const string NightModeKey = "night_mode";

    /// <summary>Whether night mode is on.</summary>
    public bool NightMode() => Codes.ToSwitch(new SettingsRepository(database).Get(NightModeKey));

    /// <summary>Turns night mode on or off.</summary>
    public void SetNightMode(bool on) => new SettingsRepository(database).Set(NightModeKey, Codes.Of(on));

    /// <summary>Whether <paramref name="number"/> is logged into the queues (false for an unknown extension).</summary>
    public bool IsQueueLoggedIn(string number) => database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT q.logged_in FROM queue_logins q JOIN extensions e ON e.id = q.extension_id WHERE e.number = $number";
        command.Parameters.AddWithValue("$number", number);
        return command.ExecuteScalar() is long loggedIn && loggedIn == 1;
    });

    /// <summary>Logs <paramref name="number"/> into or out of the queues; the extension must exist.</summary>
    public SettingChange SetQueueLogin(string number, bool loggedIn)
    {
        var now = Codes.UnixMs(database.Time.GetUtcNow());
        return database.InTransaction((connection, transaction) =>
        {
            if (PanelRepository.ExtensionId(connection, transaction, number) is not { } id)
            {
                return SettingChange.Refused($"extension {number} does not exist");
            }

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO queue_logins (extension_id, logged_in, updated_at) VALUES ($id, $in, $now)
                ON CONFLICT (extension_id) DO UPDATE SET logged_in = excluded.logged_in, updated_at = excluded.updated_at
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$in", loggedIn ? 1 : 0);
            command.Parameters.AddWithValue("$now", now);
            command.ExecuteNonQuery();
            return SettingChange.Done;
        });
    }
}
