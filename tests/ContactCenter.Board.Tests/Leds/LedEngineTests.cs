using ContactCenter.Board.Leds;
using ContactCenter.Board.Tests.Fakes;
using ContactCenter.Sip.Tests.Fakes;
using Xunit;

namespace ContactCenter.Board.Tests.Leds;

public sealed class LedEngineTests
{
    private readonly FakeTimeProvider _time = new();

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    private (LedEngine Engine, RecordingLed[] Leds) Create(int count)
    {
        var leds = Enumerable.Range(0, count).Select(_ => new RecordingLed()).ToArray();
        return (new LedEngine(_time, leds), leds);
    }

    [Fact]
    public void Start_ShowsEveryLedDark_AndArmsNoTimer()
    {
        var (_, leds) = Create(3);
        Assert.All(leds, led => Assert.Equal([LedColor.Off], led.Shown));
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void Changed_ReportsEachNewPattern_WithItsTime_ButNeitherRepeatsNorBlinkPhases()
    {
        var (engine, _) = Create(2);
        var changes = new List<LedChange>();
        engine.Changed += (_, change) => changes.Add(change);

        var ringingAt = _time.GetTimestamp();
        engine.Set(1, LedPalette.Ringing);
        _time.Advance(Ms(700));
        var busyAt = _time.GetTimestamp();
        engine.Set(1, LedPalette.Ringing);
        engine.Set(1, LedPalette.Busy);
        engine.Set(0, LedPalette.Idle);

        Assert.Equal([new LedChange(1, LedPalette.Ringing, ringingAt), new LedChange(1, LedPalette.Busy, busyAt)], changes);
    }

    [Fact]
    public void Tick_IsTheGreatestCommonDivisorOfTheCadenceSpans() => Assert.Equal(Ms(100), LedEngine.TickPeriod);

    [Fact]
    public void SlowBlink_Is500MsLit_500MsDark()
    {
        var (engine, leds) = Create(1);
        engine.Set(0, LedPalette.Ringing);
        var seen = new List<LedColor>();
        for (var i = 0; i < 20; i++)
        {
            seen.Add(leds[0].Color);
            _time.Advance(Ms(100));
        }

        var lit = Enumerable.Repeat(LedColor.Red, 5);
        var dark = Enumerable.Repeat(LedColor.Off, 5);
        Assert.Equal(lit.Concat(dark).Concat(lit).Concat(dark), seen);
    }

    [Theory]
    [InlineData(LedCadence.FastBlink, 200, 400)]
    [InlineData(LedCadence.Wink, 900, 1000)]
    [InlineData(LedCadence.SlowBlink, 500, 1000)]
    public void Cadence_ChangesColourExactlyAtItsSpans(LedCadence cadence, int litMs, int periodMs)
    {
        var (engine, leds) = Create(1);
        engine.Set(0, new LedPattern(LedColor.Green, cadence));
        _time.Advance(Ms(litMs - 1));
        Assert.Equal(LedColor.Green, leds[0].Color);
        _time.Advance(Ms(1));
        Assert.Equal(LedColor.Off, leds[0].Color);
        _time.Advance(Ms(periodMs - litMs - 1));
        Assert.Equal(LedColor.Off, leds[0].Color);
        _time.Advance(Ms(1));
        Assert.Equal(LedColor.Green, leds[0].Color);
    }

    [Fact]
    public void SamePattern_SetAtDifferentTimes_BlinksInPhase()
    {
        var (engine, leds) = Create(2);
        engine.Set(0, LedPalette.Ringing);
        _time.Advance(Ms(1730));
        engine.Set(1, LedPalette.Ringing);
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(leds[0].Color, leds[1].Color);
            _time.Advance(Ms(50));
        }
    }

    [Fact]
    public void TimerRestartedAfterAllLedsWentSteady_StaysOnTheEpochsGrid()
    {
        var (engine, leds) = Create(1);
        engine.Set(0, LedPalette.Recall);
        engine.Set(0, LedPalette.Busy);
        _time.Advance(Ms(1730));

        // Fast blink is lit over [1600, 1800) ms of the epoch: lit now, dark exactly at 1800.
        engine.Set(0, LedPalette.Recall);
        Assert.Equal(LedColor.Red, leds[0].Color);
        _time.Advance(Ms(69));
        Assert.Equal(LedColor.Red, leds[0].Color);
        _time.Advance(Ms(1));
        Assert.Equal(LedColor.Off, leds[0].Color);
    }

    [Fact]
    public void SetInTheDarkSpan_ShowsTheCurrentPhaseAtOnce()
    {
        var (engine, leds) = Create(1);
        _time.Advance(Ms(650));
        engine.Set(0, LedPalette.Ringing);
        Assert.Equal(LedColor.Off, leds[0].Color);
        _time.Advance(Ms(350));
        Assert.Equal(LedColor.Red, leds[0].Color);
    }

    [Fact]
    public void OneTimer_DrivesAllLeds_AndStopsWhenNoneBlinks()
    {
        var (engine, _) = Create(4);
        var before = _time.ActiveTimerCount;
        engine.Set(0, LedPalette.Ringing);
        engine.Set(1, LedPalette.Recall);
        engine.Set(2, LedPalette.Held);
        engine.Set(3, LedPalette.Busy);
        Assert.Equal(before + 1, _time.ActiveTimerCount);
        engine.Set(0, LedPalette.Idle);
        engine.Set(1, LedPalette.Busy);
        Assert.Equal(before + 1, _time.ActiveTimerCount);
        engine.Set(2, LedPalette.Away);
        Assert.Equal(before, _time.ActiveTimerCount);
    }

    [Fact]
    public void SteadyPattern_IsWrittenOnce()
    {
        var (engine, leds) = Create(2);
        engine.Set(0, LedPalette.Busy);
        engine.Set(1, LedPalette.Ringing);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([LedColor.Off, LedColor.Red], leds[0].Shown);
    }

    [Fact]
    public void OnlyChangedLinesAreWritten_OverManyTicks()
    {
        var (red, green) = (new RecordingLine(), new RecordingLine());
        using var engine = new LedEngine(_time, [new BicolorLed(red, green)]);
        engine.Set(0, LedPalette.Ringing);
        _time.Advance(Ms(2900));
        Assert.Equal([false, true, false, true, false, true, false], red.Writes);
        Assert.Equal([false], green.Writes);
    }

    [Fact]
    public void BicolourAlternation_SwitchesBetweenTwoColours()
    {
        var (engine, leds) = Create(1);
        engine.Set(0, new LedPattern(LedColor.Red, LedCadence.SlowBlink, LedColor.Green));
        Assert.Equal(LedColor.Red, leds[0].Color);
        _time.Advance(Ms(500));
        Assert.Equal(LedColor.Green, leds[0].Color);
        _time.Advance(Ms(500));
        Assert.Equal(LedColor.Red, leds[0].Color);
        Assert.DoesNotContain(LedColor.Off, leds[0].Shown.Skip(1));
    }

    [Fact]
    public void Get_ReturnsTheLastPatternSet()
    {
        var (engine, _) = Create(1);
        engine.Set(0, LedPalette.Parked);
        Assert.Equal(LedPalette.Parked, engine.Get(0));
    }

    [Fact]
    public void Set_RejectsAnUnknownLed()
    {
        var (engine, _) = Create(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Set(1, LedPalette.Busy));
    }

    [Fact]
    public void Dispose_StopsTheTimer()
    {
        var (engine, leds) = Create(1);
        engine.Set(0, LedPalette.Recall);
        engine.Dispose();
        var shown = leds[0].Shown.Count;
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(shown, leds[0].Shown.Count);
    }
}
