using System.Text.Json.Nodes;
using ContactCenter.Board.Profiles;
using Xunit;

namespace ContactCenter.Board.Tests.Profiles;

public sealed class ProfileValidationTests
{
    private static JsonObject Valid() => JsonNode.Parse("""
        {
          "name": "test",
          "chips": [
            { "id": "gpio", "kind": "gpiochip", "device": "/dev/gpiochip0" },
            { "id": "exp", "kind": "mcp23017", "device": "/dev/i2c-1", "address": 32, "interrupt": { "chip": "gpio", "line": 4 } },
            { "id": "sim", "kind": "simulated", "lines": 8 }
          ],
          "leds": [
            { "id": "blf1", "red": { "chip": "gpio", "line": 5 }, "green": { "chip": "gpio", "line": 6 }, "polarity": "activeHigh" },
            { "id": "fault", "role": "fault", "line": { "chip": "sim", "line": 7 }, "polarity": "activeLow" }
          ],
          "keys": [
            { "id": "key1", "line": { "chip": "exp", "pin": 0 }, "polarity": "activeLow", "bias": "pullUp", "debounceMs": 15 }
          ]
        }
        """)!.AsObject();

    private static JsonObject Chip(JsonObject profile, int i) => profile["chips"]![i]!.AsObject();

    private static JsonObject Led(JsonObject profile, int i) => profile["leds"]![i]!.AsObject();

    private static JsonObject Key(JsonObject profile, int i) => profile["keys"]![i]!.AsObject();

    private static string SingleError(JsonObject profile)
    {
        var result = BoardProfileLoader.Parse(profile.ToJsonString(), "test");
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void ValidProfile_IsReadWithEveryField()
    {
        var result = BoardProfileLoader.Parse(Valid().ToJsonString(), "test");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var profile = result.Profile;
        Assert.Equal("test", profile.Name);
        Assert.Equal(TimeSpan.FromMilliseconds(800), profile.LongPress);
        Assert.Equal(new ChipDefinition("exp", ChipKind.Mcp23017, "/dev/i2c-1", 0x20, new LineRef("gpio", 4, false), 0), profile.Chips[1]);
        Assert.Equal(8, profile.Chips[2].LineCount);
        Assert.Equal(new LedDefinition("blf1", LedRole.Blf, LinePolarity.ActiveHigh, new LineRef("gpio", 5, false), new LineRef("gpio", 6, false)), profile.Leds[0]);
        Assert.True(profile.Leds[0].IsBicolor);
        Assert.Equal(new LedDefinition("fault", LedRole.Fault, LinePolarity.ActiveLow, new LineRef("sim", 7, false), null), profile.Leds[1]);
        Assert.Equal(new KeyDefinition("key1", new LineRef("exp", 0, true), LinePolarity.ActiveLow, LineBias.PullUp, TimeSpan.FromMilliseconds(15)), profile.Keys[0]);
    }

    [Fact]
    public void Defaults_AreBlfRole_NoBias_20MsDebounce()
    {
        var profile = Valid();
        Key(profile, 0).Remove("debounceMs");
        Key(profile, 0).Remove("bias");
        var result = BoardProfileLoader.Parse(profile.ToJsonString(), "test");
        Assert.Equal(TimeSpan.FromMilliseconds(20), result.Profile!.Keys[0].Debounce);
        Assert.Equal(LineBias.None, result.Profile.Keys[0].Bias);
    }

    [Fact]
    public void LongPress_IsConfigurable()
    {
        var profile = Valid();
        profile["longPressMs"] = 1200;
        Assert.Equal(TimeSpan.FromMilliseconds(1200), BoardProfileLoader.Parse(profile.ToJsonString(), "test").Profile!.LongPress);
    }

    [Fact]
    public void UnknownChip_NamesTheLedAndTheChip()
    {
        var profile = Valid();
        Led(profile, 0)["green"]!["chip"] = "gpio9";
        Assert.Equal("LED 'blf1': unknown chip 'gpio9'", SingleError(profile));
    }

    [Fact]
    public void LineUsedTwice_NamesTheLineAndBothUsers()
    {
        var profile = Valid();
        Key(profile, 0)["line"] = new JsonObject { ["chip"] = "gpio", ["line"] = 6 };
        Assert.Equal("key 'key1': gpio line 6 is already used by LED 'blf1' green", SingleError(profile));
    }

    [Fact]
    public void InterruptLine_CountsAsUsed()
    {
        var profile = Valid();
        Led(profile, 0)["red"]!["line"] = 4;
        Assert.Equal("LED 'blf1' red: gpio line 4 is already used by chip 'exp' interrupt", SingleError(profile));
    }

    [Fact]
    public void SameOffsetOnDifferentChips_IsFine()
    {
        var profile = Valid();
        Led(profile, 1)["line"]!["line"] = 5;
        Assert.True(BoardProfileLoader.Parse(profile.ToJsonString(), "test").Succeeded);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(-1)]
    public void ExpanderPinOutside0To15_IsRejected(int pin)
    {
        var profile = Valid();
        Key(profile, 0)["line"]!["pin"] = pin;
        Assert.Equal($"key 'key1': \"line.pin\" is {pin}, expected 0..15", SingleError(profile));
    }

    [Fact]
    public void LineOnAnExpander_AsksForAPin()
    {
        var profile = Valid();
        Key(profile, 0)["line"] = new JsonObject { ["chip"] = "exp", ["line"] = 3 };
        Assert.Equal("key 'key1': 'exp' is an expander: give \"line.pin\", not \"line.line\"", SingleError(profile));
    }

    [Fact]
    public void PinOnAGpioChip_AsksForALine()
    {
        var profile = Valid();
        Key(profile, 0)["line"] = new JsonObject { ["chip"] = "gpio", ["pin"] = 3 };
        Assert.Equal("key 'key1': 'gpio' is not an expander: give \"line.line\", not \"line.pin\"", SingleError(profile));
    }

    [Fact]
    public void SimulatedLineBeyondTheChip_IsRejected()
    {
        var profile = Valid();
        Led(profile, 1)["line"]!["line"] = 8;
        Assert.Equal("LED 'fault': \"line.line\" is 8, expected 0..7", SingleError(profile));
    }

    [Fact]
    public void NegativeGpioLine_IsRejected()
    {
        var profile = Valid();
        Led(profile, 0)["red"]!["line"] = -2;
        Assert.StartsWith("LED 'blf1': \"red.line\" is -2, expected 0..", SingleError(profile));
    }

    [Theory]
    [InlineData("activehigh", true)]
    [InlineData("ActiveLow", true)]
    [InlineData("inverted", false)]
    public void Polarity_IsActiveHighOrActiveLow(string polarity, bool valid)
    {
        var profile = Valid();
        Led(profile, 0)["polarity"] = polarity;
        var result = BoardProfileLoader.Parse(profile.ToJsonString(), "test");
        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Equal("LED 'blf1': \"polarity\" is 'inverted', expected activeHigh or activeLow", Assert.Single(result.Errors));
        }
    }

    [Fact]
    public void BadBias_IsRejected()
    {
        var profile = Valid();
        Key(profile, 0)["bias"] = "floating";
        Assert.Equal("key 'key1': \"bias\" is 'floating', expected none or pullUp or pullDown", SingleError(profile));
    }

    [Fact]
    public void PullDown_OnAnExpanderPin_IsRejected_NamingThePin()
    {
        var profile = Valid();
        Key(profile, 0)["bias"] = "pullDown";
        Assert.Equal("key 'key1': exp pin 0 is an MCP23017 pin, which has a pull-up only: use \"bias\": \"pullUp\" or \"none\"", SingleError(profile));
    }

    [Theory]
    [InlineData("polarity", "key 'key1': missing \"polarity\"")]
    [InlineData("line", "key 'key1': missing \"line\"")]
    [InlineData("id", "key #1: missing \"id\"")]
    public void MissingKeyField_IsNamed(string field, string message)
    {
        var profile = Valid();
        Key(profile, 0).Remove(field);
        Assert.Equal(message, SingleError(profile));
    }

    [Fact]
    public void MissingChipOfALine_IsNamed()
    {
        var profile = Valid();
        Led(profile, 0)["red"]!.AsObject().Remove("chip");
        Assert.Equal("LED 'blf1': missing \"red.chip\"", SingleError(profile));
    }

    [Fact]
    public void BicolourLedWithoutGreen_IsNamed()
    {
        var profile = Valid();
        Led(profile, 0).Remove("green");
        Assert.Equal("LED 'blf1': missing \"green\"", SingleError(profile));
    }

    [Fact]
    public void LedWithNoLine_IsNamed()
    {
        var profile = Valid();
        Led(profile, 1).Remove("line");
        Assert.Equal("LED 'fault': missing \"line\" (single colour) or \"red\" and \"green\" (bicolour)", SingleError(profile));
    }

    [Fact]
    public void LedWithLineAndDies_IsAmbiguous()
    {
        var profile = Valid();
        Led(profile, 1)["red"] = new JsonObject { ["chip"] = "sim", ["line"] = 1 };
        Assert.Equal("LED 'fault': give \"line\" (single colour) or \"red\" and \"green\" (bicolour), not both", SingleError(profile));
    }

    [Fact]
    public void DuplicatedId_AcrossLedsAndKeys_IsNamed()
    {
        var profile = Valid();
        Key(profile, 0)["id"] = "blf1";
        Assert.Equal("key 'blf1': id already used by LED 'blf1'", SingleError(profile));
    }

    [Fact]
    public void DuplicatedChipId_IsNamed()
    {
        var profile = Valid();
        Chip(profile, 2)["id"] = "gpio";
        Chip(profile, 2)["kind"] = "gpiochip";
        Chip(profile, 2)["device"] = "/dev/gpiochip1";
        Chip(profile, 2).Remove("lines");
        Led(profile, 1)["line"]!["chip"] = "gpio";
        Assert.Equal("chip 'gpio': id already used by another chip", SingleError(profile));
    }

    [Fact]
    public void UnknownChipKind_IsNamed()
    {
        var profile = Valid();
        Chip(profile, 2)["kind"] = "pcf8574";
        var result = BoardProfileLoader.Parse(profile.ToJsonString(), "test");
        Assert.Contains("chip 'sim': \"kind\" is 'pcf8574', expected gpiochip or mcp23017 or simulated", result.Errors);
    }

    [Fact]
    public void ChipWithoutDevice_IsNamed()
    {
        var profile = Valid();
        Chip(profile, 0).Remove("device");
        Assert.Equal("chip 'gpio': missing \"device\"", SingleError(profile));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(40)]
    public void ExpanderAddressOutsideTheMcp23017Range_IsRejected(int address)
    {
        var profile = Valid();
        Chip(profile, 1)["address"] = address;
        Assert.Equal($"chip 'exp': \"address\" is {address}, expected 32..39", SingleError(profile));
    }

    [Fact]
    public void ExpanderWithoutAddress_IsNamed()
    {
        var profile = Valid();
        Chip(profile, 1).Remove("address");
        Assert.Equal("chip 'exp': missing \"address\"", SingleError(profile));
    }

    [Fact]
    public void SimulatedChipWithoutLines_IsNamed()
    {
        var profile = Valid();
        Chip(profile, 2).Remove("lines");
        var result = BoardProfileLoader.Parse(profile.ToJsonString(), "test");
        Assert.Contains("chip 'sim': missing \"lines\"", result.Errors);
    }

    [Fact]
    public void InterruptOnAGpioChip_IsRejected()
    {
        var profile = Valid();
        Chip(profile, 0)["interrupt"] = new JsonObject { ["chip"] = "sim", ["line"] = 0 };
        Assert.Equal("chip 'gpio': only an mcp23017 has an \"interrupt\" line", SingleError(profile));
    }

    [Fact]
    public void InterruptOnAnExpanderPin_IsRejected()
    {
        var profile = Valid();
        Chip(profile, 1)["interrupt"] = new JsonObject { ["chip"] = "exp", ["pin"] = 15 };
        Assert.Equal("chip 'exp': \"interrupt\" must be a GPIO line, not an expander pin", SingleError(profile));
    }

    [Fact]
    public void StatusRoleUsedTwice_IsNamed()
    {
        var profile = Valid();
        Led(profile, 0)["role"] = "fault";
        Assert.Equal("LED 'fault': role 'fault' is already taken by LED 'blf1'", SingleError(profile));
    }

    [Fact]
    public void UnknownRole_IsNamed()
    {
        var profile = Valid();
        Led(profile, 0)["role"] = "battery";
        Assert.Equal("LED 'blf1': \"role\" is 'battery', expected blf or power or sip or network or fault", SingleError(profile));
    }

    [Fact]
    public void DebounceOutOfRange_IsNamed()
    {
        var profile = Valid();
        Key(profile, 0)["debounceMs"] = 5000;
        Assert.Equal("key 'key1': \"debounceMs\" is 5000, expected 0..1000", SingleError(profile));
    }

    [Fact]
    public void LongPressOutOfRange_IsNamed()
    {
        var profile = Valid();
        profile["longPressMs"] = 50;
        Assert.Equal("profile: \"longPressMs\" is 50, expected 100..10000", SingleError(profile));
    }

    [Fact]
    public void MissingNameAndChips_AreNamed()
    {
        var result = BoardProfileLoader.Parse("{}", "test");
        Assert.Equal(["profile: missing \"name\"", "profile: missing \"chips\""], result.Errors);
    }

    [Fact]
    public void EveryProblem_IsReported_NotOnlyTheFirst()
    {
        var profile = Valid();
        Led(profile, 0)["polarity"] = "up";
        Key(profile, 0)["line"]!["pin"] = 20;
        Chip(profile, 0).Remove("device");
        Assert.Equal(3, BoardProfileLoader.Parse(profile.ToJsonString(), "test").Errors.Count);
    }

    [Fact]
    public void MisspelledField_IsAnError_NotSilentlyIgnored()
    {
        var profile = Valid();
        Key(profile, 0)["debounce"] = 10;
        var error = SingleError(profile);
        Assert.StartsWith("test: ", error);
        Assert.Contains("debounce", error);
    }

    [Fact]
    public void MalformedJson_NamesTheSource()
    {
        var result = BoardProfileLoader.Parse("{ \"name\": ", "board profile file 'x.json'");
        Assert.StartsWith("board profile file 'x.json': ", Assert.Single(result.Errors));
    }

    [Fact]
    public void CommentsAndTrailingCommas_AreAccepted()
    {
        var json = Valid().ToJsonString().Replace("\"name\":\"test\",", "\"name\":\"test\", // the bench board\n", StringComparison.Ordinal)[..^1] + ",}";
        Assert.True(BoardProfileLoader.Parse(json, "test").Succeeded);
    }

    [Fact]
    public void LineBusy_FromTheBackend_IsCarriedByAFailedResult()
    {
        var line = new LineRef("gpio", 17, false);
        var result = BoardProfileResult.Failure([ProfileErrors.LineBusy("key 'key3'", line, "spi0 CS0"), ProfileErrors.LineBusy("LED 'blf1' red", line, null)]);
        Assert.False(result.Succeeded);
        Assert.Equal(["key 'key3': gpio line 17 is busy (held by 'spi0 CS0')", "LED 'blf1' red: gpio line 17 is busy"], result.Errors);
    }

    [Fact]
    public void LineRef_NamesLinesAndPins() =>
        Assert.Equal(("gpio line 17", "exp pin 3"), (new LineRef("gpio", 17, false).ToString(), new LineRef("exp", 3, true).ToString()));
}
