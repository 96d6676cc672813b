using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Data.Repositories;

/// <summary>
/// Batched call-record writes for the call path: calls post their steps and never wait for the disk, except
/// <see cref="OpenAsync"/> for the new id. Steps of one record keep their order.
/// </summary>
public sealed class CallRecordWriter : IAsyncDisposable
{
    /// <summary>The most steps written in one transaction.</summary>
    public const int MaxBatch = BatchedWriter<Step>.MaxBatch;

    private readonly BatchedWriter<Step> _writer;

    /// <summary>Creates the writer and starts its loop (ended by <see cref="DisposeAsync"/>, which writes what is queued).</summary>
    public CallRecordWriter(ContactCenterDatabase database, ILogger<CallRecordWriter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var log = (ILogger?)logger ?? NullLogger.Instance;
        _writer = new BatchedWriter<Step>(database, Apply, (count, ex) => DataLog.CallRecordBatchFailed(log, count, ex));
    }

    /// <summary>Opens a record; completes with its id once committed.</summary>
    public Task<long> OpenAsync(string callId, string caller, string callee, CallDirection direction, DateTimeOffset startedAt, long? linkedId = null) =>
        _writer.Enqueue(new Step(StepKind.Open, 0, startedAt) { CallId = callId, Caller = caller, Callee = callee, Direction = direction, LinkedId = linkedId });

    /// <summary>Queues the answer time of a record.</summary>
    public void MarkAnswered(long id, DateTimeOffset answeredAt) => _writer.Post(new Step(StepKind.Answer, id, answeredAt));

    /// <summary>Queues the end of a record.</summary>
    public void Close(long id, CallEnding ending) => _writer.Post(new Step(StepKind.Close, id, ending.EndedAt) { Ending = ending });

    /// <summary>Completes once everything queued before it is committed (or failed and logged).</summary>
    public Task FlushAsync() => _writer.FlushAsync();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private static long Apply(SqliteConnection connection, SqliteTransaction transaction, Step step)
    {
        switch (step.Kind)
        {
            case StepKind.Open:
                return CallRecordRepository.OpenOne(connection, transaction, step.CallId!, step.Caller!, step.Callee!, step.Direction, step.At, step.LinkedId);
            case StepKind.Answer:
                CallRecordRepository.MarkAnsweredOne(connection, transaction, step.Id, step.At);
                return step.Id;
            default:
                CallRecordRepository.CloseOne(connection, transaction, step.Id, step.Ending);
                return step.Id;
        }
    }

    private enum StepKind
    {
        Open,
        Answer,
        Close,
    }

    private sealed record Step(StepKind Kind, long Id, DateTimeOffset At)
    {
        public string? CallId { get; init; }

        public string? Caller { get; init; }

        public string? Callee { get; init; }

        public CallDirection Direction { get; init; }

        public long? LinkedId { get; init; }

        public CallEnding Ending { get; init; }
    }
}
