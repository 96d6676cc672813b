using System.Globalization;
using ContactCenter.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Data;

/// <summary>
/// The appliance's one SQLite file (<see cref="FileName"/> in the data directory). <see cref="Open"/> creates it,
/// switches it to WAL and applies the migrations; every connection it hands out has foreign keys on, a busy
/// timeout and <c>synchronous=NORMAL</c>. Thread-safe: each operation opens its own (pooled) connection.
/// </summary>
public sealed class ContactCenterDatabase
{
    /// <summary>The database file name inside the data directory.</summary>
    public const string FileName = "contactcenter.db";

    /// <summary>How long a writer waits for another process's write lock before failing with SQLITE_BUSY.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly List<Action> _commitListeners = [];
    private readonly ILogger _logger;

    static ContactCenterDatabase()
    {
        // Microsoft.Data.Sqlite finds the native provider by reflection unless it is set first; calling the
        // bundle directly keeps that path out of the trimmed image.
        SQLitePCL.Batteries_V2.Init();
    }

    private ContactCenterDatabase(string path, TimeProvider time, ILogger logger)
    {
        Path = path;
        Time = time;
        _logger = logger;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>The clock used for timestamps written by the repositories.</summary>
    public TimeProvider Time { get; }

    /// <summary>The schema version after migrations (<c>PRAGMA user_version</c>).</summary>
    public int SchemaVersion { get; private set; }

    internal string ConnectionString { get; }

    /// <summary>Opens (creating when missing) <see cref="FileName"/> in <paramref name="dataDirectory"/> and migrates it.</summary>
    /// <exception cref="DatabaseSchemaException">The file was written by a newer firmware, or a migration failed.</exception>
    public static ContactCenterDatabase Open(string dataDirectory, TimeProvider time, ILoggerFactory? loggerFactory = null) =>
        OpenFile(System.IO.Path.Combine(dataDirectory, FileName), time, loggerFactory);

    /// <summary>Opens (creating when missing) the database file at <paramref name="path"/> and migrates it.</summary>
    /// <exception cref="DatabaseSchemaException">The file was written by a newer firmware, or a migration failed.</exception>
    public static ContactCenterDatabase OpenFile(string path, TimeProvider time, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ContactCenter.Data");
        var database = new ContactCenterDatabase(System.IO.Path.GetFullPath(path), time, logger);
        CreateOwnerOnly(database.Path);
        using (var connection = database.OpenConnection())
        {
            // WAL: readers (the appliance's snapshot reload, the CLI's list) never block the writer and the
            // other way round, which is what lets the CLI change a running appliance's database. The journal
            // mode is persistent in the file, so setting it once here covers every later connection.
            var mode = Scalar(connection, "PRAGMA journal_mode=WAL;");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new DatabaseSchemaException($"{path}: cannot switch to WAL journal mode (got '{mode}')");
            }

            database.SchemaVersion = MigrationRunner.Migrate(connection, logger, path);
        }

        return database;
    }

    /// <summary>Opens a new connection with the per-connection settings applied. The caller disposes it.</summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            // busy_timeout: another process (the CLI, a backup) may hold the write lock for a moment; wait
            // instead of failing. synchronous=NORMAL: in WAL mode it is crash-safe (a commit may be lost on
            // power loss, never corrupt the file) and saves an fsync per commit on the SD card.
            using var pragma = connection.CreateCommand();
            pragma.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction on a fresh connection; commits when it returns.</summary>
    /// <param name="work">The change.</param>
    /// <param name="notify">Whether to run the <see cref="OnCommitted"/> callbacks (configuration changes); false for
    /// high-rate writes the directory does not read (registrations, call records).</param>
    public T InTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> work, bool notify = true)
    {
        ArgumentNullException.ThrowIfNull(work);
        T result;
        using (var connection = OpenConnection())
        {
            // IMMEDIATE takes the write lock up front, so two writers queue on busy_timeout instead of one
            // failing to upgrade a read lock (SQLITE_BUSY with no retry) half-way.
            using var transaction = connection.BeginTransaction(deferred: false);
            result = work(connection, transaction);
            transaction.Commit();
        }

        if (notify)
        {
            NotifyCommitted();
        }

        return result;
    }

    /// <summary>Runs <paramref name="work"/> on a fresh connection without a transaction (reads).</summary>
    public T Read<T>(Func<SqliteConnection, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var connection = OpenConnection();
        return work(connection);
    }

    /// <summary>Registers a callback run after each commit made through this instance (own-process changes).</summary>
    /// <returns>Disposing it unregisters the callback.</returns>
    public IDisposable OnCommitted(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_lock)
        {
            _commitListeners.Add(callback);
        }

        return new Registration(this, callback);
    }

    /// <summary>Reads <c>PRAGMA journal_mode</c> (for status and tests).</summary>
    public string JournalMode() => Read(static c => Scalar(c, "PRAGMA journal_mode;"));

    // The file holds the HA1 digests: create it readable by the appliance's user only. SQLite gives the
    // -wal and -shm files the database file's permissions. An empty file is a valid new database.
    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        try
        {
            using var file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }

    internal static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private void NotifyCommitted()
    {
        Action[] listeners;
        lock (_lock)
        {
            listeners = [.. _commitListeners];
        }

        foreach (var listener in listeners)
        {
            try
            {
                listener();
            }
#pragma warning disable CA1031 // A failing listener must not turn a committed change into an error for the caller.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                DataLog.CommitListenerFailed(_logger, ex);
            }
        }
    }

    private sealed class Registration(ContactCenterDatabase owner, Action callback) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._commitListeners.Remove(callback);
            }
        }
    }
}
