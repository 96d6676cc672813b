using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Data.Migrations;

/// <summary>
/// Brings a database to <see cref="SchemaMigrations.LatestVersion"/>: each pending step and its
/// <c>PRAGMA user_version</c> bump commit together, so a crash leaves the file at a known version.
/// A file of a newer version is refused untouched (a downgrade would silently lose data).
/// </summary>
internal static class MigrationRunner
{
    public static int Migrate(SqliteConnection connection, ILogger logger, string path)
    {
        var current = ReadVersion(connection);
        var latest = SchemaMigrations.LatestVersion;
        if (current > latest)
        {
            DataLog.SchemaTooNew(logger, path, current, latest);
            throw new DatabaseSchemaException(
                $"database '{path}' has schema version {current}, newer than this firmware supports ({latest}); " +
                "install the newer firmware again or restore a backup made with this one");
        }

        var from = current;
        foreach (var migration in SchemaMigrations.All)
        {
            if (migration.Version <= current)
            {
                continue;
            }

            using var transaction = connection.BeginTransaction(deferred: false);
            try
            {
                // Re-read inside the write lock: another process may have migrated meanwhile.
                if (ReadVersion(connection, transaction) >= migration.Version)
                {
                    transaction.Rollback();
                    current = migration.Version;
                    continue;
                }

                using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = migration.Sql + string.Create(CultureInfo.InvariantCulture, $"\nPRAGMA user_version={migration.Version};");
                    command.ExecuteNonQuery();
                }

                transaction.Commit();
            }
            catch (SqliteException ex)
            {
                throw new DatabaseSchemaException($"database '{path}': migration {migration.Version} ({migration.Name}) failed: {ex.Message}", ex);
            }

            current = migration.Version;
            DataLog.MigrationApplied(logger, path, migration.Version, migration.Name);
        }

        if (current != from)
        {
            DataLog.Migrated(logger, path, from, current);
        }

        return current;
    }

    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
