using ContactCenter.Board.Keys;
using ContactCenter.Sip.Tests.Fakes;
using Xunit;

namespace ContactCenter.Board.Tests.Keys;

public sealed class KeyEngineTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly KeyEngine _engine;

    public KeyEngineTests() =>
        _engine = new KeyEngine(_time, [new KeySettings("k1", Ms(20)), new KeySettings("k2", Ms(20)), new KeySettings("kernel", TimeSpan.Zero)], KeyEngine.DefaultLongPress);

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    private void Edge(int key, bool pressed) => _engine.OnEdge(key, pressed, _time.GetTimestamp());

    private void Bounce(int key, bool to)
    {
        Edge(key, to);
        _time.Advance(Ms(2));
        Edge(key, !to);
        _time.Advance(Ms(3));
        Edge(key, to);
    }

    private List<KeyPress> Drain()
    {
        var presses = new List<KeyPress>();
        while (_engine.Presses.TryRead(out var press))
        {
            presses.Add(press);
        }

        return presses;
    }

    [Fact]
    public void CleanShortPress_IsReportedOnRelease()
    {
        Edge(0, true);
        _time.Advance(Ms(200));
        Assert.Empty(Drain());
        Edge(0, false);
        _time.Advance(Ms(20));
        Assert.Equal([new KeyPress("k1", KeyPressKind.Short)], Drain());
    }

    [Fact]
    public void BouncingPressAndRelease_IsOneShortPress()
    {
        Bounce(0, true);
        _time.Advance(Ms(150));
        Bounce(0, false);
        _time.Advance(Ms(100));
        Assert.Equal([new KeyPress("k1", KeyPressKind.Short)], Drain());
    }

    [Fact]
    public void GlitchShorterThanDebounce_IsNoPress()
    {
        Edge(0, true);
        _time.Advance(Ms(5));
        Edge(0, false);
        _time.Advance(Ms(2));
        Edge(0, true);
        _time.Advance(Ms(4));
        Edge(0, false);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(Drain());
    }

    [Fact]
    public void LevelMustHoldForTheWholeDebounce_CountedFromTheLastEdge()
    {
        Edge(0, true);
        _time.Advance(Ms(15));
        Edge(0, false);
        _time.Advance(Ms(15));
        Edge(0, true);
        _time.Advance(Ms(19));
        Edge(0, false);
        _time.Advance(Ms(19));
        Edge(0, true);
        _time.Advance(Ms(20));
        Edge(0, false);
        _time.Advance(Ms(20));
        Assert.Equal([new KeyPress("k1", KeyPressKind.Short)], Drain());
    }

    [Fact]
    public void LongPress_FiresWhenTheThresholdPasses_WhileStillHeld()
    {
        Edge(0, true);
        _time.Advance(Ms(799));
        Assert.Empty(Drain());
        _time.Advance(Ms(1));
        Assert.Equal([new KeyPress("k1", KeyPressKind.Long)], Drain());
    }

    [Fact]
    public void LongPress_CountsFromTheFirstEdgeOfABouncingPress()
    {
        Bounce(0, true);
        _time.Advance(Ms(794));
        Assert.Empty(Drain());
        _time.Advance(Ms(1));
        Assert.Equal([new KeyPress("k1", KeyPressKind.Long)], Drain());
    }

    [Fact]
    public void LongPress_FiresOnce_AndTheReleaseAddsNothing()
    {
        Edge(0, true);
        _time.Advance(TimeSpan.FromSeconds(5));
        Bounce(0, false);
        _time.Advance(Ms(100));
        Assert.Equal([new KeyPress("k1", KeyPressKind.Long)], Drain());
    }

    [Fact]
    public void ReleaseOneMillisecondBeforeTheThreshold_IsShort_EvenThoughItSettlesAfter()
    {
        Edge(0, true);
        _time.Advance(Ms(799));
        Edge(0, false);
        _time.Advance(Ms(100));
        Assert.Equal([new KeyPress("k1", KeyPressKind.Short)], Drain());
    }

    [Fact]
    public void BounceAcrossTheThreshold_ThatIsNotARelease_StillFiresLong()
    {
        Edge(0, true);
        _time.Advance(Ms(795));
        Edge(0, false);
        _time.Advance(Ms(3));
        Edge(0, true);
        _time.Advance(Ms(19));
        Assert.Empty(Drain());
        _time.Advance(Ms(1));
        Assert.Equal([new KeyPress("k1", KeyPressKind.Long)], Drain());
    }

    [Fact]
    public void ThresholdIsConfigurable()
    {
        using var engine = new KeyEngine(_time, [new KeySettings("k", Ms(10))], TimeSpan.FromSeconds(2));
        engine.OnEdge(0, true, _time.GetTimestamp());
        _time.Advance(Ms(1999));
        Assert.False(engine.Presses.TryRead(out _));
        _time.Advance(Ms(1));
        Assert.True(engine.Presses.TryRead(out var press));
        Assert.Equal(KeyPressKind.Long, press.Kind);
    }

    [Fact]
    public void TwoKeysAtOnce_AreJudgedIndependently()
    {
        Edge(0, true);
        _time.Advance(Ms(7));
        Bounce(1, true);
        _time.Advance(Ms(300));
        Edge(1, false);
        _time.Advance(Ms(600));
        Edge(0, false);
        _time.Advance(Ms(50));
        Assert.Equal([new KeyPress("k2", KeyPressKind.Short), new KeyPress("k1", KeyPressKind.Long)], Drain());
    }

    [Fact]
    public void KernelDebouncedKey_CountsEachEdgeAtOnce()
    {
        Edge(2, true);
        _time.Advance(Ms(3));
        Edge(2, false);
        Assert.Equal([new KeyPress("kernel", KeyPressKind.Short)], Drain());
    }

    [Fact]
    public void EdgeDeliveredLate_IsTimedByItsTimestamp()
    {
        var pressedAt = _time.GetTimestamp();
        _time.Advance(Ms(500));
        _engine.OnEdge(0, true, pressedAt);
        _time.Advance(Ms(299));
        Assert.Empty(Drain());
        _time.Advance(Ms(1));
        Assert.Equal([new KeyPress("k1", KeyPressKind.Long)], Drain());
    }

    [Fact]
    public void Dispose_CompletesThePresses()
    {
        _engine.Dispose();
        Assert.True(_engine.Presses.Completion.IsCompleted);
    }
}
