using ContactCenter.Board.Leds;
using ContactCenter.Board.Profiles;
using ContactCenter.Board.Tests.Fakes;
using ContactCenter.Sip.Tests.Fakes;
using Xunit;

namespace ContactCenter.Board.Tests.Leds;

public sealed class StatusLedsTests
{
    private readonly FakeTimeProvider _time = new();

    private (StatusLeds Status, Dictionary<LedRole, RecordingLed> Leds) Create(string profileName)
    {
        var profile = BoardProfileLoader.Load(profileName).Profile!;
        var leds = profile.Leds.Select(_ => new RecordingLed()).ToArray();
        var engine = new LedEngine(_time, leds);
        var byRole = profile.Leds.Select((l, i) => (l.Role, Led: leds[i])).Where(p => p.Role != LedRole.Blf).ToDictionary(p => p.Role, p => p.Led);
        return (new StatusLeds(engine, profile), byRole);
    }

    [Fact]
    public void Fault_BlinksTheFaultLedRed_AndClears()
    {
        var (status, leds) = Create("sim-16");
        status.ShowFault(true);
        Assert.Equal(LedColor.Red, leds[LedRole.Fault].Color);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(LedColor.Off, leds[LedRole.Fault].Color);
        status.ShowFault(false);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(LedColor.Off, leds[LedRole.Fault].Color);
    }

    [Fact]
    public void EachStatus_ReachesItsOwnLed()
    {
        var (status, leds) = Create("sim-16");
        status.ShowPower(true);
        status.ShowSip(ServiceHealth.Degraded);
        status.ShowNetwork(ServiceHealth.Down);
        Assert.Equal(
            [LedColor.Green, LedColor.Amber, LedColor.Red, LedColor.Off],
            new[] { LedRole.Power, LedRole.Sip, LedRole.Network, LedRole.Fault }.Select(r => leds[r].Color));
    }

    [Fact]
    public void Starting_BlinksThePowerLed()
    {
        var (status, leds) = Create("sim-16");
        status.ShowPower(false);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(LedColor.Off, leds[LedRole.Power].Color);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(LedColor.Green, leds[LedRole.Power].Color);
    }

    [Fact]
    public void BoardWithoutSipLed_IgnoresSipHealth()
    {
        var (status, leds) = Create("pi-hat-8");
        status.ShowSip(ServiceHealth.Down);
        status.ShowNetwork(ServiceHealth.Down);
        status.ShowFault(true);
        Assert.Equal([LedRole.Power, LedRole.Fault], leds.Keys.Order());
        Assert.Equal(LedColor.Red, leds[LedRole.Fault].Color);
        Assert.Equal(LedColor.Off, leds[LedRole.Power].Color);
    }
}
