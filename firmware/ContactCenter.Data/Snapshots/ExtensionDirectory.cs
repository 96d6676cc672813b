using System.Threading.Channels;
using ContactCenter.Data.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Data.Snapshots;

/// <summary>
/// The in-memory directory of extensions the PBX reads (<see cref="Current"/>), kept in step with the database:
/// reloaded right after this process commits (through <see cref="ContactCenterDatabase"/>) and when another
/// process (the CLI, the web UI's worker) commits, detected by polling <c>PRAGMA data_version</c> every
/// <see cref="PollInterval"/> on a dedicated read connection: SQLite changes that value exactly when some
/// other connection has committed, so an idle poll costs one pragma and no query.
/// Each reload after the first publishes the new version on <see cref="Changes"/> (latest only; readers that fall behind see the newest).
/// </summary>
public sealed class ExtensionDirectory : IDisposable
{
    /// <summary>How often another process's commits are looked for (the issue: visible within a second).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly ContactCenterDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _reloadLock = new();
    private readonly Channel<long> _changes = Channel.CreateBounded<long>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = false,
        SingleWriter = false,
    });

    private SqliteConnection? _watch;
    private ITimer? _timer;
    private IDisposable? _commitHook;
    private ExtensionSnapshot _current = ExtensionSnapshot.Empty;
    private long _lastDataVersion = -1;
    private bool _disposed;

    /// <summary>Creates the directory; <see cref="Start"/> loads it and starts watching.</summary>
    public ExtensionDirectory(ContactCenterDatabase database, TimeProvider time, ILogger<ExtensionDirectory>? logger = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The current snapshot (read with no lock; replaced atomically).</summary>
    public ExtensionSnapshot Current => Volatile.Read(ref _current);

    /// <summary>The <see cref="ExtensionSnapshot.Version"/> of each new snapshot; completes on dispose.</summary>
    public ChannelReader<long> Changes => _changes.Reader;

    /// <summary>Loads the first snapshot and starts watching for changes.</summary>
    public void Start()
    {
        lock (_reloadLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_watch is not null)
            {
                return;
            }

            _watch = _database.OpenConnection();
        }

        Reload(force: true);
        _commitHook = _database.OnCommitted(() => Reload(force: true));
        _timer = _time.CreateTimer(static state => ((ExtensionDirectory)state!).Poll(), this, PollInterval, PollInterval);
    }

    /// <summary>Checks <c>data_version</c> now and reloads when another connection committed (what the timer does).</summary>
    public void Poll() => Reload(force: false);

    /// <inheritdoc/>
    public void Dispose()
    {
        _timer?.Dispose();
        _commitHook?.Dispose();
        lock (_reloadLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _watch?.Dispose();
            _watch = null;
        }

        _changes.Writer.TryComplete();
    }

    private void Reload(bool force)
    {
        // One reload at a time; a timer tick that finds one running skips (the running one sees the change).
        if (!_reloadLock.TryEnter())
        {
            if (!force)
            {
                return;
            }

            _reloadLock.Enter();
        }

        long published = 0;
        try
        {
            if (_disposed || _watch is null)
            {
                return;
            }

            var dataVersion = ReadDataVersion(_watch);
            if (!force && dataVersion == _lastDataVersion)
            {
                return;
            }

            // Read the data_version before the rows: a commit landing in between triggers one more reload, never a missed one.
            _lastDataVersion = dataVersion;
            using var transaction = _watch.BeginTransaction(deferred: true);
            var realm = SettingsRepository.Get(_watch, transaction, SettingsRepository.SipRealmKey) ?? SettingsRepository.DefaultSipRealm;
            var extensions = ExtensionRepository.List(_watch, transaction);
            transaction.Commit();

            var previous = _current;
            if (previous.Version > 0 && previous.Realm == realm && extensions.SequenceEqual(previous.Extensions))
            {
                return;
            }

            var next = new ExtensionSnapshot(previous.Version + 1, realm, extensions);
            Volatile.Write(ref _current, next);
            published = previous.Version > 0 ? next.Version : 0; // the first load is what Start returns with, not a change
            DataLog.DirectoryReloaded(_logger, extensions.Count, next.Version);
        }
        catch (SqliteException ex)
        {
            DataLog.DirectoryReloadFailed(_logger, ex);
        }
        finally
        {
            _reloadLock.Exit();
        }

        if (published > 0)
        {
            _changes.Writer.TryWrite(published);
        }
    }

    private static long ReadDataVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version;";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
