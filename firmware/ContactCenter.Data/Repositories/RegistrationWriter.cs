using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Data.Repositories;

/// <summary>
/// Group-committed registration writes for the registrar: a change is queued in order (cheap, so it can be done under
/// the registrar's lock) and the REGISTER is answered once the batch holding it is on disk, so a burst of phones costs
/// one commit instead of one each, and no acknowledged binding is lost on a power cut.
/// </summary>
public sealed class RegistrationWriter : IAsyncDisposable
{
    private readonly ContactCenterDatabase _database;
    private readonly BatchedWriter<Change> _writer;

    /// <summary>Creates the writer and starts its loop.</summary>
    public RegistrationWriter(ContactCenterDatabase database, ILogger? logger = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        var log = logger ?? NullLogger.Instance;
        _writer = new BatchedWriter<Change>(database, Apply, (count, ex) => DataLog.RegistrationBatchFailed(log, count, ex));
    }

    /// <summary>
    /// Queues adding or refreshing the binding keyed by extension and contact URI; completes once committed, with
    /// <see cref="ChangeResult.NotFound"/> when the extension does not exist.
    /// </summary>
    public async Task<ChangeResult> Upsert(Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var now = Codes.UnixMs(_database.Time.GetUtcNow());
        return (ChangeResult)await _writer.Enqueue(new Change(ChangeKind.Upsert, registration.ExtensionNumber, registration.ContactUri, registration, now))
            .ConfigureAwait(false);
    }

    /// <summary>Queues removing one binding; completes once committed.</summary>
    public async Task<ChangeResult> Remove(string extensionNumber, string contactUri) =>
        (ChangeResult)await _writer.Enqueue(new Change(ChangeKind.Remove, extensionNumber, contactUri, null, 0)).ConfigureAwait(false);

    /// <summary>Queues removing every binding of an extension (<c>Contact: *</c> with Expires 0); completes once committed, with how many.</summary>
    public async Task<int> RemoveAll(string extensionNumber) =>
        (int)await _writer.Enqueue(new Change(ChangeKind.RemoveAll, extensionNumber, null, null, 0)).ConfigureAwait(false);

    /// <summary>Completes once everything queued before it is committed.</summary>
    public Task FlushAsync() => _writer.FlushAsync();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private static long Apply(SqliteConnection connection, SqliteTransaction transaction, Change change) => change.Kind switch
    {
        ChangeKind.Upsert => (long)RegistrationRepository.UpsertOne(connection, transaction, change.Registration!, change.Now),
        ChangeKind.Remove => (long)RegistrationRepository.RemoveOne(connection, transaction, change.Extension, change.ContactUri!),
        _ => RegistrationRepository.RemoveAllOne(connection, transaction, change.Extension),
    };

    private enum ChangeKind
    {
        Upsert,
        Remove,
        RemoveAll,
    }

    private sealed record Change(ChangeKind Kind, string Extension, string? ContactUri, Registration? Registration, long Now);
}
