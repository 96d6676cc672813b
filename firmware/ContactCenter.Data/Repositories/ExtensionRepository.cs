using ContactCenter.Data.Credentials;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Data.Repositories;

/// <summary>
/// Extensions: each change is one transaction. Passwords arrive here and leave as HA1 digests over
/// <c>number:realm:password</c> with the realm of the <c>sip_realm</c> setting at that moment.
/// Input is expected to be validated with <see cref="CredentialRules"/> first; the schema's CHECKs are the backstop.
/// </summary>
public sealed class ExtensionRepository(ContactCenterDatabase database)
{
    private const string SelectColumns = """
        SELECT e.id, e.number, e.display_name, e.email, e.department_id, d.name, e.role, e.status,
               e.ha1_md5, e.ha1_sha256, e.ha1_realm
        FROM extensions e LEFT JOIN departments d ON d.id = e.department_id
        """;

    /// <summary>Adds an extension; <see cref="ChangeResult.AlreadyExists"/> when the number is taken.</summary>
    public ChangeResult Add(NewExtension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var now = Codes.UnixMs(database.Time.GetUtcNow());
        return database.InTransaction((connection, transaction) =>
        {
            if (Exists(connection, transaction, extension.Number))
            {
                return ChangeResult.AlreadyExists;
            }

            if (extension.DepartmentId is { } department && !DepartmentExists(connection, transaction, department))
            {
                return ChangeResult.InvalidReference;
            }

            var realm = SettingsRepository.Get(connection, transaction, SettingsRepository.SipRealmKey) ?? SettingsRepository.DefaultSipRealm;
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO extensions (number, display_name, email, department_id, role, status, ha1_md5, ha1_sha256, ha1_realm, created_at, updated_at)
                VALUES ($number, $name, $email, $department, $role, 'available', $md5, $sha256, $realm, $now, $now)
                """;
            command.Parameters.AddWithValue("$number", extension.Number);
            command.Parameters.AddWithValue("$name", extension.DisplayName.Trim());
            command.Parameters.AddWithValue("$email", (object?)extension.Email ?? DBNull.Value);
            command.Parameters.AddWithValue("$department", (object?)extension.DepartmentId ?? DBNull.Value);
            command.Parameters.AddWithValue("$role", Codes.Of(extension.Role));
            command.Parameters.AddWithValue("$md5", Ha1.Md5(extension.Number, realm, extension.Password));
            command.Parameters.AddWithValue("$sha256", Ha1.Sha256(extension.Number, realm, extension.Password));
            command.Parameters.AddWithValue("$realm", realm);
            command.Parameters.AddWithValue("$now", now);
            command.ExecuteNonQuery();
            return ChangeResult.Done;
        });
    }

    /// <summary>The extension with <paramref name="number"/>, or null.</summary>
    public Extension? Get(string number) => database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = SelectColumns + " WHERE e.number = $number";
        command.Parameters.AddWithValue("$number", number);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Map(reader) : null;
    });

    /// <summary>Every extension, ordered by number (numerically).</summary>
    public IReadOnlyList<Extension> List() => database.Read(static connection => List(connection, null));

    /// <summary>The number of extensions.</summary>
    public int Count() => database.Read(static connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM extensions";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });

    /// <summary>Changes the display name.</summary>
    public ChangeResult UpdateName(string number, string displayName) =>
        Update(number, "display_name = $value", displayName.Trim());

    /// <summary>Changes the e-mail address (null clears it).</summary>
    public ChangeResult UpdateEmail(string number, string? email) =>
        Update(number, "email = $value", email);

    /// <summary>Sets available / away / DND.</summary>
    public ChangeResult SetStatus(string number, ExtensionStatus status) =>
        Update(number, "status = $value", Codes.Of(status));

    /// <summary>Sets a new SIP password: both HA1 digests are recomputed with the current realm.</summary>
    public ChangeResult SetPassword(string number, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var now = Codes.UnixMs(database.Time.GetUtcNow());
        return database.InTransaction((connection, transaction) =>
        {
            var realm = SettingsRepository.Get(connection, transaction, SettingsRepository.SipRealmKey) ?? SettingsRepository.DefaultSipRealm;
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE extensions SET ha1_md5 = $md5, ha1_sha256 = $sha256, ha1_realm = $realm, updated_at = $now
                WHERE number = $number
                """;
            command.Parameters.AddWithValue("$number", number);
            command.Parameters.AddWithValue("$md5", Ha1.Md5(number, realm, password));
            command.Parameters.AddWithValue("$sha256", Ha1.Sha256(number, realm, password));
            command.Parameters.AddWithValue("$realm", realm);
            command.Parameters.AddWithValue("$now", now);
            return command.ExecuteNonQuery() == 1 ? ChangeResult.Done : ChangeResult.NotFound;
        });
    }

    /// <summary>Removes the extension with its registrations; devices keep their row, unassigned.</summary>
    public ChangeResult Remove(string number) => database.InTransaction((connection, transaction) =>
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM extensions WHERE number = $number";
        command.Parameters.AddWithValue("$number", number);
        return command.ExecuteNonQuery() == 1 ? ChangeResult.Done : ChangeResult.NotFound;
    });

    internal static List<Extension> List(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SelectColumns + " ORDER BY length(e.number), e.number";
        using var reader = command.ExecuteReader();
        var list = new List<Extension>();
        while (reader.Read())
        {
            list.Add(Map(reader));
        }

        return list;
    }

    private ChangeResult Update(string number, string assignment, string? value)
    {
        var now = Codes.UnixMs(database.Time.GetUtcNow());
        return database.InTransaction((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"UPDATE extensions SET {assignment}, updated_at = $now WHERE number = $number";
            command.Parameters.AddWithValue("$number", number);
            command.Parameters.AddWithValue("$value", (object?)value ?? DBNull.Value);
            command.Parameters.AddWithValue("$now", now);
            return command.ExecuteNonQuery() == 1 ? ChangeResult.Done : ChangeResult.NotFound;
        });
    }

    private static bool Exists(SqliteConnection connection, SqliteTransaction transaction, string number)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM extensions WHERE number = $number";
        command.Parameters.AddWithValue("$number", number);
        return command.ExecuteScalar() is not null;
    }

    private static bool DepartmentExists(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM departments WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is not null;
    }

    private static Extension Map(SqliteDataReader reader) => new(
        Id: reader.GetInt64(0),
        Number: reader.GetString(1),
        DisplayName: reader.GetString(2),
        Email: reader.IsDBNull(3) ? null : reader.GetString(3),
        DepartmentId: reader.IsDBNull(4) ? null : reader.GetInt64(4),
        DepartmentName: reader.IsDBNull(5) ? null : reader.GetString(5),
        Role: Codes.ToExtensionRole(reader.GetString(6)),
        Status: Codes.ToExtensionStatus(reader.GetString(7)),
        Ha1Md5: reader.GetString(8),
        Ha1Sha256: reader.GetString(9),
        Ha1Realm: reader.GetString(10));
}
