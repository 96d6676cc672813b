using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Data.Repositories;

/// <summary>
/// Batched call-record writes for the call path (DESIGN.md "Storage": CDR writes batched): calls post their
/// steps to one mailbox and never wait for the disk, except <see cref="OpenAsync"/> for the new id. One loop
/// drains everything queued (up to <see cref="MaxBatch"/>) into one transaction, so a burst of calls costs
/// one commit instead of one per step. Steps of one record keep their order (one FIFO, one loop).
/// </summary>
public sealed class CallRecordWriter : IAsyncDisposable
{
    /// <summary>The most steps written in one transaction.</summary>
    public const int MaxBatch = 256;

    private readonly ContactCenterDatabase _database;
    private readonly ILogger _logger;
    private readonly Channel<Step> _mailbox = Channel.CreateUnbounded<Step>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    /// <summary>Creates the writer and starts its loop (ended by <see cref="DisposeAsync"/>, which writes what is queued).</summary>
    public CallRecordWriter(ContactCenterDatabase database, ILogger<CallRecordWriter>? logger = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _loop = RunAsync();
    }

    /// <summary>Opens a record; completes with its id once committed.</summary>
    public Task<long> OpenAsync(string callId, string caller, string callee, CallDirection direction, DateTimeOffset startedAt, long? linkedId = null)
    {
        var opened = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(new Step(StepKind.Open, 0, startedAt) { CallId = callId, Caller = caller, Callee = callee, Direction = direction, LinkedId = linkedId, Opened = opened });
        return opened.Task;
    }

    /// <summary>Queues the answer time of a record.</summary>
    public void MarkAnswered(long id, DateTimeOffset answeredAt) => Post(new Step(StepKind.Answer, id, answeredAt));

    /// <summary>Queues the end of a record.</summary>
    public void Close(long id, CallEnding ending) => Post(new Step(StepKind.Close, id, ending.EndedAt) { Ending = ending });

    /// <summary>Completes once everything queued before it is committed (or failed and logged).</summary>
    public Task FlushAsync()
    {
        var flushed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(new Step(StepKind.Flush, 0, default) { Opened = flushed });
        return flushed.Task;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _mailbox.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private void Post(Step step)
    {
        ObjectDisposedException.ThrowIf(!_mailbox.Writer.TryWrite(step), this);
    }

    private async Task RunAsync()
    {
        var batch = new List<Step>(MaxBatch);
        while (await _mailbox.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _mailbox.Reader.TryRead(out var step))
            {
                batch.Add(step);
            }

            try
            {
                var ids = _database.InTransaction(notify: false, work: (connection, transaction) => Apply(connection, transaction, batch));
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Opened?.TrySetResult(ids[i]);
                }
            }
#pragma warning disable CA1031 // The loop outlives a failed batch (STYLE.md §7): log, fail the waiters, go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                DataLog.CallRecordBatchFailed(_logger, batch.Count, ex);
                foreach (var step in batch)
                {
                    if (step.Kind == StepKind.Flush)
                    {
                        step.Opened?.TrySetResult(0);
                    }
                    else
                    {
                        step.Opened?.TrySetException(ex);
                    }
                }
            }
        }
    }

    private static long[] Apply(SqliteConnection connection, SqliteTransaction transaction, List<Step> batch)
    {
        var ids = new long[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var step = batch[i];
            switch (step.Kind)
            {
                case StepKind.Open:
                    ids[i] = CallRecordRepository.OpenOne(connection, transaction, step.CallId!, step.Caller!, step.Callee!, step.Direction, step.At, step.LinkedId);
                    break;
                case StepKind.Answer:
                    CallRecordRepository.MarkAnsweredOne(connection, transaction, step.Id, step.At);
                    break;
                case StepKind.Close:
                    CallRecordRepository.CloseOne(connection, transaction, step.Id, step.Ending);
                    break;
                default:
                    break;
            }
        }

        return ids;
    }

    private enum StepKind
    {
        Open,
        Answer,
        Close,
        Flush,
    }

    private sealed record Step(StepKind Kind, long Id, DateTimeOffset At)
    {
        public string? CallId { get; init; }

        public string? Caller { get; init; }

        public string? Callee { get; init; }

        public CallDirection Direction { get; init; }

        public long? LinkedId { get; init; }

        public CallEnding Ending { get; init; }

        public TaskCompletionSource<long>? Opened { get; init; }
    }
}
