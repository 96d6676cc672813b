using Xunit;

namespace ContactCenter.Sip.Tests.Fakes;

public class FakeTimeProviderTests
{
    [Fact]
    public void Advance_FiresDueTimers_InDeadlineOrder_AtTheirDeadline()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var fired = new List<(string Name, TimeSpan At)>();
        using var late = time.CreateTimer(_ => fired.Add(("late", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var early = time.CreateTimer(_ => fired.Add(("early", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([("early", TimeSpan.FromSeconds(1))], fired);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal([("early", TimeSpan.FromSeconds(1)), ("late", TimeSpan.FromSeconds(3))], fired);
        Assert.Equal(TimeSpan.FromSeconds(7), time.GetUtcNow() - start);
    }

    [Fact]
    public void PeriodicTimer_FiresOncePerPeriod_UntilDisposed()
    {
        var time = new FakeTimeProvider();
        int count = 0;
        var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(3.5));
        Assert.Equal(3, count);
        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(3, count);
        Assert.Equal(0, time.ActiveTimerCount);
    }

    [Fact]
    public void Change_InsideTheCallback_Reschedules()
    {
        var time = new FakeTimeProvider();
        int count = 0;
        ITimer? timer = null;
        timer = time.CreateTimer(_ => { if (++count < 3) { timer!.Change(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan); } }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, count);
        timer.Dispose();
    }

    [Fact]
    public async Task TaskDelay_AndCancellationTokenSource_FollowTheFakeClock()
    {
        var time = new FakeTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(5), time);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(delay.IsCompleted);
        Assert.False(cts.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(cts.IsCancellationRequested);
    }
}
