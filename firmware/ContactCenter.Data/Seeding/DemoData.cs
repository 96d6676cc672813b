using System.Text;
using ContactCenter.Data.Credentials;
using ContactCenter.Data.Repositories;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Data.Seeding;

/// <summary>
/// First-start defaults: demo extensions 100–103 with generated strong passwords, so that two softphones
/// can register and call right after <c>make run</c>. Runs once per database (a setting records it), so
/// extensions an admin removed later never come back.
/// </summary>
public static class DemoData
{
    /// <summary>The file in the data directory that keeps the demo credentials (mode 0600).</summary>
    public const string CredentialsFileName = "demo-extensions.txt";

    /// <summary>The demo extensions: number and display name.</summary>
    public static readonly IReadOnlyList<(string Number, string Name)> Extensions =
    [
        ("100", "Accueil"),
        ("101", "Alice Martin"),
        ("102", "Bruno Petit"),
        ("103", "Chloé Bernard"),
    ];

    /// <summary>
    /// Creates the demo extensions when the database was never seeded and has no extension, in one transaction;
    /// returns their credentials, or an empty list when nothing was created.
    /// </summary>
    public static IReadOnlyList<DemoCredential> SeedIfNew(ContactCenterDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var now = database.Time.GetUtcNow().ToUnixTimeMilliseconds();
        return database.InTransaction((connection, transaction) =>
        {
            if (SettingsRepository.Get(connection, transaction, SettingsRepository.DemoSeededKey) is not null || HasExtensions(connection, transaction))
            {
                return (IReadOnlyList<DemoCredential>)[];
            }

            var realm = SettingsRepository.Get(connection, transaction, SettingsRepository.SipRealmKey) ?? SettingsRepository.DefaultSipRealm;
            var created = new List<DemoCredential>();
            foreach (var (number, name) in Extensions)
            {
                var password = SipPasswordGenerator.Generate();
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO extensions (number, display_name, role, status, ha1_md5, ha1_sha256, ha1_realm, created_at, updated_at)
                    VALUES ($number, $name, 'user', 'available', $md5, $sha256, $realm, $now, $now)
                    """;
                command.Parameters.AddWithValue("$number", number);
                command.Parameters.AddWithValue("$name", name);
                command.Parameters.AddWithValue("$md5", Ha1.Md5(number, realm, password));
                command.Parameters.AddWithValue("$sha256", Ha1.Sha256(number, realm, password));
                command.Parameters.AddWithValue("$realm", realm);
                command.Parameters.AddWithValue("$now", now);
                command.ExecuteNonQuery();
                created.Add(new DemoCredential(number, name, password, realm));
            }

            SettingsRepository.Set(connection, transaction, SettingsRepository.DemoSeededKey, database.Time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            return created;
        });
    }

    /// <summary>Writes the credentials to <see cref="CredentialsFileName"/> in <paramref name="dataDirectory"/>, readable by the owner only; returns the path.</summary>
    public static string WriteCredentialsFile(string dataDirectory, IReadOnlyList<DemoCredential> credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var path = Path.Combine(dataDirectory, CredentialsFileName);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // UnixCreateMode applies only when the file is new: drop an old copy first so the mode always holds.
        File.Delete(path);
        using var writer = new StreamWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        writer.Write(Format(credentials));
        return path;
    }

    /// <summary>The text of the credentials file: one line per extension, plus how to register.</summary>
    public static string Format(IReadOnlyList<DemoCredential> credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var text = new StringBuilder()
            .AppendLine("# ContactCenter demo extensions, created on first start. SIP user = extension number.")
            .AppendLine("# Register a softphone to this appliance with the number, the password and the domain below.")
            .AppendLine("# Delete this file once the passwords are noted; change them with 'contactcenter users passwd NUMBER'.");
        foreach (var c in credentials)
        {
            text.Append("extension=").Append(c.Number)
                .Append(" password=").Append(c.Password)
                .Append(" domain=").Append(c.Realm)
                .Append(" name=\"").Append(c.DisplayName).AppendLine("\"");
        }

        return text.ToString();
    }

    private static bool HasExtensions(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM extensions LIMIT 1";
        return command.ExecuteScalar() is not null;
    }
}
