using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Data.Repositories;

/// <summary>
/// Group commit for a stream of small writes (DESIGN.md "Storage": CDR and event writes batched): callers queue steps
/// into one mailbox; one loop drains everything queued (up to <see cref="MaxBatch"/>) into one transaction, so a burst
/// costs one commit instead of one per step. Steps keep their order (one FIFO, one loop). A caller that needs its step
/// on disk awaits the task <see cref="Enqueue"/> returns; it completes after the commit, with the step's result.
/// </summary>
/// <typeparam name="TStep">One write.</typeparam>
internal sealed class BatchedWriter<TStep> : IAsyncDisposable
{
    /// <summary>The most steps written in one transaction.</summary>
    public const int MaxBatch = 256;

    private readonly ContactCenterDatabase _database;
    private readonly Func<SqliteConnection, SqliteTransaction, TStep, long> _apply;
    private readonly Action<int, Exception> _onFailure;
    private readonly Channel<Entry> _mailbox = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    /// <param name="database">The database written to.</param>
    /// <param name="apply">Writes one step inside the batch's transaction and returns its result (an id, a count).</param>
    /// <param name="onFailure">Logs a failed batch (its size and the error); its steps are lost and their waiters fail.</param>
    public BatchedWriter(ContactCenterDatabase database, Func<SqliteConnection, SqliteTransaction, TStep, long> apply, Action<int, Exception> onFailure)
    {
        _database = database;
        _apply = apply;
        _onFailure = onFailure;
        _loop = RunAsync();
    }

    /// <summary>Queues a step; completes with its result once committed, or with the batch's error.</summary>
    public Task<long> Enqueue(TStep step)
    {
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(new Entry(step, done, IsFlush: false));
        return done.Task;
    }

    /// <summary>Queues a step nobody waits for (a failure is still logged).</summary>
    public void Post(TStep step) => Post(new Entry(step, null, IsFlush: false));

    /// <summary>Completes once everything queued before it is committed (or failed and logged).</summary>
    public Task FlushAsync()
    {
        var flushed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(new Entry(default!, flushed, IsFlush: true));
        return flushed.Task;
    }

    /// <summary>Writes what is queued, then ends the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _mailbox.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private void Post(Entry entry) => ObjectDisposedException.ThrowIf(!_mailbox.Writer.TryWrite(entry), this);

    private async Task RunAsync()
    {
        var batch = new List<Entry>(MaxBatch);
        var results = new long[MaxBatch];
        while (await _mailbox.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _mailbox.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            try
            {
                _database.InTransaction(notify: false, work: (connection, transaction) =>
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        results[i] = batch[i].IsFlush ? 0 : _apply(connection, transaction, batch[i].Step);
                    }
                    return 0;
                });
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done?.TrySetResult(results[i]);
                }
            }
#pragma warning disable CA1031 // The loop outlives a failed batch (STYLE.md §7): log, fail the waiters, go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _onFailure(batch.Count, ex);
                foreach (var entry in batch)
                {
                    if (entry.IsFlush)
                    {
                        entry.Done?.TrySetResult(0);
                    }
                    else
                    {
                        entry.Done?.TrySetException(ex);
                    }
                }
            }
        }
    }

    private readonly record struct Entry(TStep Step, TaskCompletionSource<long>? Done, bool IsFlush);
}
