using ContactCenter.Data.Repositories;
using Xunit;

namespace ContactCenter.Data.Tests;

[Trait("Category", "Integration")]
public sealed class CallRecordRepositoryTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void AnsweredCall_HasRingAndTalkTimes()
    {
        var records = new CallRecordRepository(_data.Open());
        var start = _data.Time.GetUtcNow();
        var id = records.Open("abc@10.0.0.1", "100", "101", CallDirection.Internal, start);

        Assert.True(records.MarkAnswered(id, start.AddSeconds(4)));
        Assert.True(records.Close(id, new CallEnding(CallStatus.Answered, start.AddSeconds(34), HangupParty.Caller)));
        Assert.False(records.Close(id, new CallEnding(CallStatus.Failed, start.AddSeconds(40), HangupParty.System)));

        var record = records.Get(id)!;
        Assert.False(record.IsOpen);
        Assert.Equal(CallStatus.Answered, record.Status);
        Assert.Equal(TimeSpan.FromSeconds(4), record.RingTime);
        Assert.Equal(TimeSpan.FromSeconds(30), record.TalkTime);
        Assert.Equal(HangupParty.Caller, record.HangupBy);
        Assert.Equal(start.AddSeconds(34), record.EndedAt);
        Assert.Equal("abc@10.0.0.1", record.CallId);
    }

    [Fact]
    public void ClosedRecord_KeepsTheEndReasonAndRelayedPacketCounts()
    {
        var records = new CallRecordRepository(_data.Open());
        var start = _data.Time.GetUtcNow();
        var id = records.Open("media@10.0.0.1", "100", "101", CallDirection.Internal, start);
        records.MarkAnswered(id, start.AddSeconds(2));

        records.Close(id, new CallEnding(CallStatus.Failed, start.AddSeconds(62), HangupParty.System, "no media", 1500, 1498));

        var record = records.Get(id)!;
        Assert.Equal("no media", record.EndReason);
        Assert.Equal(1500, record.PacketsFromCaller);
        Assert.Equal(1498, record.PacketsFromCallee);
    }

    [Fact]
    public void ClosedRecord_KeepsTheMediaQualityOfEachSide_WithAnUnknownRoundTripAsNull()
    {
        var records = new CallRecordRepository(_data.Open());
        var start = _data.Time.GetUtcNow();
        var id = records.Open("quality@10.0.0.1", "100", "101", CallDirection.Internal, start);
        records.MarkAnswered(id, start.AddSeconds(2));
        var caller = new CallLegQuality(6.06, 1.25, 42.5, 3.87);
        var callee = new CallLegQuality(0, 0.5, null, 4.39);

        records.Close(id, new CallEnding(CallStatus.Answered, start.AddSeconds(62), HangupParty.Caller, null, 3000, 2990, caller, callee));

        var record = records.Get(id)!;
        Assert.Equal(caller, record.CallerQuality);
        Assert.Equal(callee, record.CalleeQuality);
        Assert.Equal(record, records.ListRecent().Single());
    }

    [Fact]
    public void ARecordWithoutMeasuredMedia_HasNoQuality()
    {
        var records = new CallRecordRepository(_data.Open());
        var start = _data.Time.GetUtcNow();
        var id = records.Open("unanswered", "100", "101", CallDirection.Internal, start);

        records.Close(id, new CallEnding(CallStatus.NoAnswer, start.AddSeconds(20), HangupParty.System));

        var record = records.Get(id)!;
        Assert.Null(record.CallerQuality);
        Assert.Null(record.CalleeQuality);
    }

    [Fact]
    public void UnansweredCall_RingsToTheEnd_WithNoTalkTime()
    {
        var records = new CallRecordRepository(_data.Open());
        var start = _data.Time.GetUtcNow();
        var id = records.Open("x", "100", "102", CallDirection.Internal, start);

        records.Close(id, new CallEnding(CallStatus.NoAnswer, start.AddSeconds(30), HangupParty.System));

        var record = records.Get(id)!;
        Assert.Equal(CallStatus.NoAnswer, record.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), record.RingTime);
        Assert.Equal(TimeSpan.Zero, record.TalkTime);
    }

    [Fact]
    public void CloseInterrupted_ClosesEveryOpenRecord_AfterARestart()
    {
        var records = new CallRecordRepository(_data.Open());
        var start = _data.Time.GetUtcNow();
        var talking = records.Open("a", "100", "101", CallDirection.Internal, start);
        records.MarkAnswered(talking, start.AddSeconds(2));
        var ringing = records.Open("b", "102", "103", CallDirection.Internal, start.AddSeconds(5));
        var done = records.Open("c", "100", "102", CallDirection.Internal, start);
        records.Close(done, new CallEnding(CallStatus.Busy, start.AddSeconds(1), HangupParty.Callee));
        var linked = records.Open("d", "101", "103", CallDirection.Internal, start.AddSeconds(6), linkedId: talking);

        var restarted = new CallRecordRepository(_data.Open());
        Assert.Equal(3, restarted.CountOpen());
        Assert.Equal(3, restarted.CloseInterrupted(start.AddSeconds(10)));

        Assert.Equal(0, restarted.CountOpen());
        var a = restarted.Get(talking)!;
        Assert.Equal(CallStatus.Interrupted, a.Status);
        Assert.Equal(HangupParty.System, a.HangupBy);
        Assert.Equal(TimeSpan.FromSeconds(2), a.RingTime);
        Assert.Equal(TimeSpan.FromSeconds(8), a.TalkTime);
        var b = restarted.Get(ringing)!;
        Assert.Equal(CallStatus.Interrupted, b.Status);
        Assert.Equal(TimeSpan.FromSeconds(5), b.RingTime);
        Assert.Equal(CallStatus.Busy, restarted.Get(done)!.Status);
        Assert.Equal(talking, restarted.Get(linked)!.LinkedId);
        Assert.Equal(4, restarted.ListRecent().Count);
        Assert.Equal(0, restarted.CloseInterrupted(start.AddSeconds(20)));
    }
}
