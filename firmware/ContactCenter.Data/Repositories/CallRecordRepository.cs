using Microsoft.Data.Sqlite;

namespace ContactCenter.Data.Repositories;

/// <summary>
/// Call records: <see cref="Open"/> when a call arrives, <see cref="MarkAnswered"/>, <see cref="Close"/> at the end.
/// Ring and talk times are derived from the stored instants when the record closes. On start the host calls
/// <see cref="CloseInterrupted"/> so calls cut by a stop are recorded as <see cref="CallStatus.Interrupted"/>.
/// </summary>
public sealed class CallRecordRepository(ContactCenterDatabase database)
{
    private const string SelectColumns = """
        SELECT id, call_id, linked_id, started_at, answered_at, ended_at, caller, callee, direction, status,
               ring_ms, talk_ms, hangup_by, is_open, end_reason, caller_packets, callee_packets,
               caller_loss_percent, caller_jitter_ms, caller_rtt_ms, caller_mos,
               callee_loss_percent, callee_jitter_ms, callee_rtt_ms, callee_mos
        FROM call_records
        """;

    /// <summary>Opens a record for a call that starts at <paramref name="startedAt"/>; returns its id.</summary>
    public long Open(string callId, string caller, string callee, CallDirection direction, DateTimeOffset startedAt, long? linkedId = null) =>
        database.InTransaction(notify: false, work: (connection, transaction) =>
            OpenOne(connection, transaction, callId, caller, callee, direction, startedAt, linkedId));

    /// <summary>Records the answer time of an open record; false when no open record has that id.</summary>
    public bool MarkAnswered(long id, DateTimeOffset answeredAt) =>
        database.InTransaction(notify: false, work: (connection, transaction) => MarkAnsweredOne(connection, transaction, id, answeredAt));

    /// <summary>Closes an open record; false when no open record has that id.</summary>
    public bool Close(long id, CallEnding ending) =>
        database.InTransaction(notify: false, work: (connection, transaction) => CloseOne(connection, transaction, id, ending));

    /// <summary>
    /// Closes every record still open (left by a stop or a crash) as <see cref="CallStatus.Interrupted"/> at
    /// <paramref name="endedAt"/> (in practice: the start of this run), hung up by the system; returns how many.
    /// </summary>
    public int CloseInterrupted(DateTimeOffset endedAt) => database.InTransaction(notify: false, work: (connection, transaction) =>
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE call_records SET
                status = 'interrupted', hangup_by = 'system', is_open = 0,
                ended_at = max(started_at, coalesce(answered_at, started_at), $end),
                ring_ms = coalesce(answered_at, max(started_at, $end)) - started_at,
                talk_ms = CASE WHEN answered_at IS NULL THEN 0 ELSE max(0, $end - answered_at) END
            WHERE is_open = 1
            """;
        command.Parameters.AddWithValue("$end", Codes.UnixMs(endedAt));
        return command.ExecuteNonQuery();
    });

    /// <summary>The record with <paramref name="id"/>, or null.</summary>
    public CallRecord? Get(long id) => database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = SelectColumns + " WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Map(reader) : null;
    });

    /// <summary>The most recent records, newest first.</summary>
    public IReadOnlyList<CallRecord> ListRecent(int limit = 100) => database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = SelectColumns + " ORDER BY started_at DESC, id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var list = new List<CallRecord>();
        while (reader.Read())
        {
            list.Add(Map(reader));
        }

        return list;
    });

    /// <summary>The number of open records (calls in progress, or left by a stop not yet closed).</summary>
    public int CountOpen() => database.Read(static connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM call_records WHERE is_open = 1";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });

    internal static long OpenOne(SqliteConnection connection, SqliteTransaction transaction, string callId, string caller, string callee, CallDirection direction, DateTimeOffset startedAt, long? linkedId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO call_records (call_id, linked_id, started_at, caller, callee, direction, is_open)
            VALUES ($callId, $linked, $started, $caller, $callee, $direction, 1);
            SELECT last_insert_rowid();
            """;
        command.Parameters.AddWithValue("$callId", callId);
        command.Parameters.AddWithValue("$linked", (object?)linkedId ?? DBNull.Value);
        command.Parameters.AddWithValue("$started", Codes.UnixMs(startedAt));
        command.Parameters.AddWithValue("$caller", caller);
        command.Parameters.AddWithValue("$callee", callee);
        command.Parameters.AddWithValue("$direction", Codes.Of(direction));
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static bool MarkAnsweredOne(SqliteConnection connection, SqliteTransaction transaction, long id, DateTimeOffset answeredAt)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE call_records SET answered_at = $at WHERE id = $id AND is_open = 1 AND answered_at IS NULL";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", Codes.UnixMs(answeredAt));
        return command.ExecuteNonQuery() == 1;
    }

    internal static bool CloseOne(SqliteConnection connection, SqliteTransaction transaction, long id, CallEnding ending)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE call_records SET
                status = $status, hangup_by = $hangup, is_open = 0, end_reason = $reason,
                caller_packets = $callerPackets, callee_packets = $calleePackets,
                caller_loss_percent = $callerLoss, caller_jitter_ms = $callerJitter, caller_rtt_ms = $callerRtt, caller_mos = $callerMos,
                callee_loss_percent = $calleeLoss, callee_jitter_ms = $calleeJitter, callee_rtt_ms = $calleeRtt, callee_mos = $calleeMos,
                ended_at = max(started_at, $end),
                ring_ms = coalesce(answered_at, max(started_at, $end)) - started_at,
                talk_ms = CASE WHEN answered_at IS NULL THEN 0 ELSE max(0, $end - answered_at) END
            WHERE id = $id AND is_open = 1
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$status", Codes.Of(ending.Status));
        command.Parameters.AddWithValue("$hangup", ending.HangupBy is { } party ? Codes.Of(party) : DBNull.Value);
        command.Parameters.AddWithValue("$end", Codes.UnixMs(ending.EndedAt));
        command.Parameters.AddWithValue("$reason", (object?)ending.Reason ?? DBNull.Value);
        command.Parameters.AddWithValue("$callerPackets", ending.PacketsFromCaller);
        command.Parameters.AddWithValue("$calleePackets", ending.PacketsFromCallee);
        AddQuality(command, "$caller", ending.CallerQuality);
        AddQuality(command, "$callee", ending.CalleeQuality);
        return command.ExecuteNonQuery() == 1;
    }

    private static void AddQuality(SqliteCommand command, string prefix, CallLegQuality? quality)
    {
        command.Parameters.AddWithValue(prefix + "Loss", (object?)quality?.LossPercent ?? DBNull.Value);
        command.Parameters.AddWithValue(prefix + "Jitter", (object?)quality?.JitterMilliseconds ?? DBNull.Value);
        command.Parameters.AddWithValue(prefix + "Rtt", (object?)quality?.RoundTripMilliseconds ?? DBNull.Value);
        command.Parameters.AddWithValue(prefix + "Mos", (object?)quality?.Mos ?? DBNull.Value);
    }

    // The four columns of one side from `first` on; a side without a MOS was not measured.
    private static CallLegQuality? ReadQuality(SqliteDataReader reader, int first) => reader.IsDBNull(first + 3)
        ? null
        : new CallLegQuality(
            reader.GetDouble(first),
            reader.GetDouble(first + 1),
            reader.IsDBNull(first + 2) ? null : reader.GetDouble(first + 2),
            reader.GetDouble(first + 3));

    private static CallRecord Map(SqliteDataReader reader) => new(
        Id: reader.GetInt64(0),
        CallId: reader.GetString(1),
        LinkedId: reader.IsDBNull(2) ? null : reader.GetInt64(2),
        StartedAt: Codes.Time(reader.GetInt64(3)),
        AnsweredAt: reader.IsDBNull(4) ? null : Codes.Time(reader.GetInt64(4)),
        EndedAt: reader.IsDBNull(5) ? null : Codes.Time(reader.GetInt64(5)),
        Caller: reader.GetString(6),
        Callee: reader.GetString(7),
        Direction: Codes.ToCallDirection(reader.GetString(8)),
        Status: reader.IsDBNull(9) ? null : Codes.ToCallStatus(reader.GetString(9)),
        RingTime: TimeSpan.FromMilliseconds(reader.GetInt64(10)),
        TalkTime: TimeSpan.FromMilliseconds(reader.GetInt64(11)),
        HangupBy: reader.IsDBNull(12) ? null : Codes.ToHangupParty(reader.GetString(12)),
        IsOpen: reader.GetInt64(13) == 1,
        EndReason: reader.IsDBNull(14) ? null : reader.GetString(14),
        PacketsFromCaller: reader.GetInt64(15),
        PacketsFromCallee: reader.GetInt64(16),
        CallerQuality: ReadQuality(reader, 17),
        CalleeQuality: ReadQuality(reader, 21));
}
