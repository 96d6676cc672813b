using ContactCenter.Board.Profiles;
using Xunit;

namespace ContactCenter.Board.Tests.Profiles;

public sealed class BoardProfileLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("board-profiles-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static BoardProfile LoadShipped(string name)
    {
        var result = BoardProfileLoader.Load(name);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(name, result.Profile.Name);
        return result.Profile;
    }

    [Fact]
    public void ThreeProfiles_AreShipped() =>
        Assert.Equal(["mcp23017-16", "pi-hat-8", "sim-16"], BoardProfileLoader.EmbeddedNames);

    [Fact]
    public void Simulated16_Has16KeysAnd16BicolourLeds_AndEveryStatusLed()
    {
        var profile = LoadShipped("sim-16");
        Assert.Equal(ChipKind.Simulated, Assert.Single(profile.Chips).Kind);
        Assert.Equal(16, profile.Keys.Count);
        Assert.Equal(16, profile.Leds.Count(l => l.Role == LedRole.Blf && l.IsBicolor));
        Assert.Equal([LedRole.Power, LedRole.Sip, LedRole.Network, LedRole.Fault], profile.Leds.Where(l => l.Role != LedRole.Blf).Select(l => l.Role));
    }

    [Fact]
    public void PiHat_Has8KeysAnd8BicolourLeds_OnHeaderGpios()
    {
        var profile = LoadShipped("pi-hat-8");
        var chip = Assert.Single(profile.Chips);
        Assert.Equal((ChipKind.GpioChip, "/dev/gpiochip0"), (chip.Kind, chip.Device));
        Assert.Equal(8, profile.Keys.Count);
        Assert.All(profile.Keys, k => Assert.Equal((LinePolarity.ActiveLow, LineBias.PullUp), (k.Polarity, k.Bias)));
        Assert.Equal(8, profile.Leds.Count(l => l.Role == LedRole.Blf && l.IsBicolor));

        // BCM GPIO 2..27 are the 40-pin header's GPIOs.
        var lines = profile.Keys.Select(k => k.Line).Concat(profile.Leds.SelectMany(l => new[] { l.Line, l.Green ?? l.Line }));
        Assert.All(lines, l => Assert.InRange(l.Offset, 2, 27));
    }

    [Fact]
    public void Mcp23017_Has16KeysOnExpanderPins_WithTheInterruptOnAGpio()
    {
        var profile = LoadShipped("mcp23017-16");
        Assert.Equal(16, profile.Keys.Count);
        Assert.All(profile.Keys, k => Assert.True(k.Line.IsExpanderPin));
        Assert.Equal(Enumerable.Range(0, 16), profile.Keys.Select(k => k.Line.Offset));
        var keys = profile.Chips.Single(c => c.Id == profile.Keys[0].Line.Chip);
        Assert.Equal((ChipKind.Mcp23017, 0x20), (keys.Kind, keys.Address));
        Assert.Equal(new LineRef("gpio", 4, false), keys.Interrupt);
        Assert.Equal(16, profile.Leds.Count(l => l.Role == LedRole.Blf));
    }

    [Fact]
    public void OverrideFile_ReplacesTheEmbeddedProfileOfItsName()
    {
        var json = File.ReadAllText(WriteShippedCopy()).Replace("\"longPressMs\": 800", "\"longPressMs\": 1500", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_directory, "sim-16.json"), json);
        var result = BoardProfileLoader.Load("sim-16", _directory);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), result.Profile!.LongPress);
    }

    [Fact]
    public void OverrideDirectoryWithoutThatName_FallsBackToTheEmbeddedProfile() =>
        Assert.True(BoardProfileLoader.Load("pi-hat-8", _directory).Succeeded);

    [Fact]
    public void PathToAJsonFile_LoadsThatFile()
    {
        var path = WriteShippedCopy();
        Assert.Equal("sim-16", BoardProfileLoader.Load(path).Profile!.Name);
    }

    [Fact]
    public void MissingFile_IsAnErrorNamingIt()
    {
        var path = Path.Combine(_directory, "absent.json");
        var error = Assert.Single(BoardProfileLoader.Load(path).Errors);
        Assert.StartsWith($"board profile file '{path}': ", error);
    }

    [Fact]
    public void UnknownName_ListsTheShippedProfiles() =>
        Assert.Equal(
            "unknown board profile 'pi-zero' (built in: mcp23017-16, pi-hat-8, sim-16; or give a path to a .json file)",
            Assert.Single(BoardProfileLoader.Load("pi-zero").Errors));

    [Fact]
    public void InvalidOverride_FailsWithItsOwnErrors()
    {
        File.WriteAllText(Path.Combine(_directory, "pi-hat-8.json"), """{ "name": "pi-hat-8", "chips": [ { "id": "gpio", "kind": "gpiochip" } ] }""");
        Assert.Equal(["chip 'gpio': missing \"device\""], BoardProfileLoader.Load("pi-hat-8", _directory).Errors);
    }

    private string WriteShippedCopy()
    {
        using var stream = typeof(BoardProfileLoader).Assembly.GetManifestResourceStream("ContactCenter.Board.Profiles.sim-16.json")!;
        var path = Path.Combine(_directory, "copy.json");
        using var file = File.Create(path);
        stream.CopyTo(file);
        return path;
    }
}
