using ContactCenter.Data.Migrations;
using ContactCenter.Data.Repositories;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ContactCenter.Data.Tests;

[Trait("Category", "Integration")]
public sealed class DatabaseTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Open_CreatesTheFile_AndMigratesToTheLatestVersion()
    {
        var database = _data.Open();

        Assert.True(File.Exists(_data.DatabasePath));
        Assert.Equal(SchemaMigrations.LatestVersion, database.SchemaVersion);
        var tables = database.Read(static c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = command.ExecuteReader();
            var names = new List<string>();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }

            return names;
        });
        Assert.Equal(["call_records", "departments", "devices", "extensions", "panel_keys", "presence_watch_lists", "presence_watchers", "queue_logins", "registrations", "settings"], tables);
        Assert.Equal("contactcenter.local", new SettingsRepository(database).SipRealm());
    }

    [Fact]
    public void Reopen_IsIdempotent_AndKeepsTheData()
    {
        var first = _data.Open();
        Assert.Equal(ChangeResult.Done, new ExtensionRepository(first).Add(new NewExtension("200", "Zoé", "correct-horse-9")));

        var second = _data.Open();

        Assert.Equal(SchemaMigrations.LatestVersion, second.SchemaVersion);
        Assert.Equal("Zoé", new ExtensionRepository(second).Get("200")!.DisplayName);
    }

    [Fact]
    public void AStep2Database_GainsTheQualityColumns_AndKeepsItsCallRecords()
    {
        // A file as the firmware of schema version 2 left it, with a closed call.
        using (var connection = new SqliteConnection($"Data Source={_data.DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = SchemaMigrations.All[0].Sql + SchemaMigrations.All[1].Sql + """
                PRAGMA user_version = 2;
                INSERT INTO call_records (call_id, started_at, answered_at, ended_at, caller, callee, direction, status,
                                          ring_ms, talk_ms, hangup_by, is_open, end_reason, caller_packets, callee_packets)
                VALUES ('old@10.0.0.1', 1000, 3000, 63000, '100', '101', 'internal', 'answered', 2000, 60000, 'caller', 0, NULL, 3000, 2998);
                """;
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var database = _data.Open();

        Assert.Equal(SchemaMigrations.LatestVersion, database.SchemaVersion);
        var record = new CallRecordRepository(database).ListRecent().Single();
        Assert.Equal(("old@10.0.0.1", 3000L, 2998L, CallStatus.Answered, TimeSpan.FromSeconds(60)), (record.CallId, record.PacketsFromCaller, record.PacketsFromCallee, record.Status, record.TalkTime));
        Assert.Null(record.CallerQuality);
        Assert.Null(record.CalleeQuality);
    }

    [Fact]
    public void QualityColumns_RejectImpossibleValues()
    {
        var records = new CallRecordRepository(_data.Open());
        var id = records.Open("bad", "100", "101", CallDirection.Internal, _data.Time.GetUtcNow());

        Assert.Throws<SqliteException>(() => records.Close(id, new CallEnding(CallStatus.Answered, _data.Time.GetUtcNow(), HangupParty.Caller,
            CallerQuality: new CallLegQuality(150, 0, null, 4))));
        Assert.True(records.Get(id)!.IsOpen);
    }

    [Fact]
    public void NewerSchema_IsRefused_WithAClearMessage_AndLeftUntouched()
    {
        _data.Open();
        using (var connection = new SqliteConnection($"Data Source={_data.DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<DatabaseSchemaException>(() => _data.Open());

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer than this firmware", error.Message, StringComparison.Ordinal);
        using var check = new SqliteConnection($"Data Source={_data.DatabasePath}");
        check.Open();
        Assert.Equal(99, MigrationRunner.ReadVersion(check));
    }

    [Fact]
    public void Connections_UseWal_ForeignKeys_BusyTimeout_AndNormalSync()
    {
        var database = _data.Open();

        Assert.Equal("wal", database.JournalMode());
        using var connection = database.OpenConnection();
        Assert.Equal("1", ContactCenterDatabase.Scalar(connection, "PRAGMA foreign_keys;"));
        Assert.Equal("5000", ContactCenterDatabase.Scalar(connection, "PRAGMA busy_timeout;"));
        Assert.Equal("1", ContactCenterDatabase.Scalar(connection, "PRAGMA synchronous;"));
    }

    [Fact]
    public void ForeignKeys_AreEnforced()
    {
        var database = _data.Open();

        var error = Assert.Throws<SqliteException>(() => database.InTransaction(static (c, t) =>
        {
            using var command = c.CreateCommand();
            command.Transaction = t;
            command.CommandText = "INSERT INTO devices (mac, vendor, model, extension_id, created_at) VALUES ('001565aabbcc', 'Yealink', 'T54W', 4242, 0)";
            return command.ExecuteNonQuery();
        }));

        Assert.Contains("FOREIGN KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UncommittedTransaction_LosesNothingCommitted_AndAddsNothing()
    {
        var database = _data.Open();
        var extensions = new ExtensionRepository(database);
        Assert.Equal(ChangeResult.Done, extensions.Add(new NewExtension("300", "Committed", "committed-pass-1")));

        // A crash mid-change: the transaction is never committed, the connection goes away.
        var connection = database.OpenConnection();
        var transaction = connection.BeginTransaction();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM extensions; INSERT INTO settings (key, value) VALUES ('half', 'done');";
            command.ExecuteNonQuery();
        }

        connection.Dispose();
        SqliteConnection.ClearAllPools();

        var reopened = _data.Open();
        Assert.NotNull(new ExtensionRepository(reopened).Get("300"));
        Assert.Null(new SettingsRepository(reopened).Get("half"));
    }

    [Fact]
    public void FailedChange_RollsBack_Whole()
    {
        var database = _data.Open();

        Assert.Throws<SqliteException>(() => database.InTransaction(static (c, t) =>
        {
            using var command = c.CreateCommand();
            command.Transaction = t;
            command.CommandText = "INSERT INTO settings (key, value) VALUES ('first', '1'); INSERT INTO settings (key, value) VALUES ('first', '2');";
            return command.ExecuteNonQuery();
        }));

        Assert.Null(new SettingsRepository(database).Get("first"));
    }
}
