using ContactCenter.Data.Repositories;
using Xunit;

namespace ContactCenter.Data.Tests;

[Trait("Category", "Integration")]
public sealed class CallRecordWriterTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Steps_AreWritten_InOrder_ByTheBatchLoop()
    {
        var database = _data.Open();
        var start = _data.Time.GetUtcNow();
        await using var writer = new CallRecordWriter(database);

        var id = await writer.OpenAsync("call-1", "100", "101", CallDirection.Internal, start);
        writer.MarkAnswered(id, start.AddSeconds(3));
        writer.Close(id, new CallEnding(CallStatus.Answered, start.AddSeconds(13), HangupParty.Callee));
        await writer.FlushAsync();

        var record = new CallRecordRepository(database).Get(id)!;
        Assert.Equal(CallStatus.Answered, record.Status);
        Assert.Equal(TimeSpan.FromSeconds(3), record.RingTime);
        Assert.Equal(TimeSpan.FromSeconds(10), record.TalkTime);
        Assert.Equal(HangupParty.Callee, record.HangupBy);
    }

    [Fact]
    public async Task ABurstOfCalls_AllLand_WithDistinctIds()
    {
        var database = _data.Open();
        var start = _data.Time.GetUtcNow();
        var writer = new CallRecordWriter(database);

        var opens = Enumerable.Range(0, 300)
            .Select(i => writer.OpenAsync($"call-{i}", "100", "101", CallDirection.Internal, start.AddMilliseconds(i)))
            .ToList();
        var ids = await Task.WhenAll(opens);
        foreach (var id in ids)
        {
            writer.Close(id, new CallEnding(CallStatus.NoAnswer, start.AddSeconds(30), HangupParty.System));
        }

        await writer.DisposeAsync();

        Assert.Equal(300, ids.Distinct().Count());
        var records = new CallRecordRepository(database);
        Assert.Equal(0, records.CountOpen());
        Assert.Equal(300, records.ListRecent(1000).Count);
    }

    [Fact]
    public async Task AfterDispose_PostingFails()
    {
        var writer = new CallRecordWriter(_data.Open());
        await writer.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => writer.MarkAnswered(1, _data.Time.GetUtcNow()));
    }
}
