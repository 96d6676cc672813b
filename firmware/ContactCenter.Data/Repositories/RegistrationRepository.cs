using Microsoft.Data.Sqlite;

namespace ContactCenter.Data.Repositories;

/// <summary>
/// Persisted registrations. The registrar keeps its working set in memory and writes through a
/// <see cref="RegistrationWriter"/> (whose steps are these statements), so that a restart reloads the bindings
/// (<see cref="ListActive"/>) until they expire.
/// </summary>
public sealed class RegistrationRepository(ContactCenterDatabase database)
{
    internal static ChangeResult UpsertOne(SqliteConnection connection, SqliteTransaction transaction, Registration registration, long now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO registrations (extension_id, contact_uri, received_address, received_port, transport, instance_id,
                                       expires_at, call_id, cseq, user_agent, path, updated_at)
            SELECT id, $contact, $address, $port, $transport, $instance, $expires, $callId, $cseq, $userAgent, $path, $now
            FROM extensions WHERE number = $number
            ON CONFLICT (extension_id, contact_uri) DO UPDATE SET
                received_address = excluded.received_address, received_port = excluded.received_port,
                transport = excluded.transport, instance_id = excluded.instance_id, expires_at = excluded.expires_at,
                call_id = excluded.call_id, cseq = excluded.cseq, user_agent = excluded.user_agent,
                path = excluded.path, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$number", registration.ExtensionNumber);
        command.Parameters.AddWithValue("$contact", registration.ContactUri);
        command.Parameters.AddWithValue("$address", registration.ReceivedAddress);
        command.Parameters.AddWithValue("$port", registration.ReceivedPort);
        command.Parameters.AddWithValue("$transport", registration.Transport);
        command.Parameters.AddWithValue("$instance", (object?)registration.InstanceId ?? DBNull.Value);
        command.Parameters.AddWithValue("$expires", Codes.UnixMs(registration.ExpiresAt));
        command.Parameters.AddWithValue("$callId", registration.CallId);
        command.Parameters.AddWithValue("$cseq", registration.CSeq);
        command.Parameters.AddWithValue("$userAgent", (object?)registration.UserAgent ?? DBNull.Value);
        command.Parameters.AddWithValue("$path", (object?)registration.Path ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", now);
        return command.ExecuteNonQuery() == 1 ? ChangeResult.Done : ChangeResult.NotFound;
    }

    internal static ChangeResult RemoveOne(SqliteConnection connection, SqliteTransaction transaction, string extensionNumber, string contactUri)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM registrations
            WHERE contact_uri = $contact AND extension_id = (SELECT id FROM extensions WHERE number = $number)
            """;
        command.Parameters.AddWithValue("$number", extensionNumber);
        command.Parameters.AddWithValue("$contact", contactUri);
        return command.ExecuteNonQuery() == 1 ? ChangeResult.Done : ChangeResult.NotFound;
    }

    internal static int RemoveAllOne(SqliteConnection connection, SqliteTransaction transaction, string extensionNumber)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM registrations WHERE extension_id = (SELECT id FROM extensions WHERE number = $number)";
        command.Parameters.AddWithValue("$number", extensionNumber);
        return command.ExecuteNonQuery();
    }

    /// <summary>Removes every binding that expired at or before the clock's now; returns how many.</summary>
    public int RemoveExpired()
    {
        var now = Codes.UnixMs(database.Time.GetUtcNow());
        return database.InTransaction(notify: false, work: (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM registrations WHERE expires_at <= $now";
            command.Parameters.AddWithValue("$now", now);
            return command.ExecuteNonQuery();
        });
    }

    /// <summary>The bindings not yet expired, optionally of one extension, ordered by extension then contact.</summary>
    public IReadOnlyList<Registration> ListActive(string? extensionNumber = null)
    {
        var now = Codes.UnixMs(database.Time.GetUtcNow());
        return database.Read(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT e.number, r.contact_uri, r.received_address, r.received_port, r.transport, r.instance_id,
                       r.expires_at, r.call_id, r.cseq, r.user_agent, r.path
                FROM registrations r JOIN extensions e ON e.id = r.extension_id
                WHERE r.expires_at > $now AND ($number IS NULL OR e.number = $number)
                ORDER BY length(e.number), e.number, r.contact_uri
                """;
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.AddWithValue("$number", (object?)extensionNumber ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            var list = new List<Registration>();
            while (reader.Read())
            {
                list.Add(Map(reader));
            }

            return list;
        });
    }

    /// <summary>The number of bindings not yet expired.</summary>
    public int CountActive()
    {
        var now = Codes.UnixMs(database.Time.GetUtcNow());
        return database.Read(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM registrations WHERE expires_at > $now";
            command.Parameters.AddWithValue("$now", now);
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    private static Registration Map(SqliteDataReader reader) => new(
        ExtensionNumber: reader.GetString(0),
        ContactUri: reader.GetString(1),
        ReceivedAddress: reader.GetString(2),
        ReceivedPort: reader.GetInt32(3),
        Transport: reader.GetString(4),
        InstanceId: reader.IsDBNull(5) ? null : reader.GetString(5),
        ExpiresAt: Codes.Time(reader.GetInt64(6)),
        CallId: reader.GetString(7),
        CSeq: reader.GetInt64(8),
        UserAgent: reader.IsDBNull(9) ? null : reader.GetString(9),
        Path: reader.IsDBNull(10) ? null : reader.GetString(10));
}
