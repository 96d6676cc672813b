using ContactCenter.Board.Leds;
using Xunit;

namespace ContactCenter.Board.Tests.Leds;

public sealed class LedPaletteTests
{
    [Fact]
    public void BlfStates_FollowDeskPhoneConventions()
    {
        Assert.Equal(LedPattern.Off, LedPalette.Idle);
        Assert.Equal(new LedPattern(LedColor.Red, LedCadence.SlowBlink), LedPalette.Ringing);
        Assert.Equal(new LedPattern(LedColor.Red), LedPalette.Busy);
        Assert.Equal(LedColor.Amber, LedPalette.Away.Lit);
    }

    [Fact]
    public void BlfStates_StayDistinctOnASingleColourLed()
    {
        // A single-colour LED loses the colour: idle, busy, ringing, held, parked and recall must differ by cadence.
        var cadences = new[] { LedPalette.Idle, LedPalette.Busy, LedPalette.Ringing, LedPalette.Held, LedPalette.Recall }
            .Select(p => p == LedPattern.Off ? "off" : p.Cadence.ToString());
        Assert.Equal(5, cadences.Distinct().Count());
    }

    [Fact]
    public void Fault_Blinks_SoItIsSeenFromAcrossTheRoom()
    {
        Assert.True(LedPalette.Fault.IsBlinking);
        Assert.Equal(LedColor.Red, LedPalette.Fault.Lit);
    }

    [Fact]
    public void SteadyOrSameColouredPatterns_DoNotBlink()
    {
        Assert.False(LedPalette.Busy.IsBlinking);
        Assert.False(new LedPattern(LedColor.Red, LedCadence.FastBlink, LedColor.Red).IsBlinking);
        Assert.False(LedPattern.Off.IsBlinking);
    }
}
