using System.Net;
using ContactCenter.Firmware.CommandLine;
using Xunit;

namespace ContactCenter.Firmware.Tests.CommandLine;

public sealed class ApplianceCommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-cli-").FullName;
    private readonly Dictionary<string, string> _environment = [];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private CommandLineResult Parse(params string[] args) =>
        ApplianceCommandLine.Parse(args, name => _environment.GetValueOrDefault(name));

    private string WriteConfig(string json)
    {
        var path = Path.Combine(_directory, "appliance.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void NoArguments_GivesTheDefaults()
    {
        var result = Parse();

        Assert.Equal(CommandLineAction.Run, result.Action);
        Assert.Equal(Path.GetFullPath("data"), result.Settings.DataDirectory);
        Assert.Equal(5060, result.Settings.SipPort);
        Assert.Empty(result.Settings.BindAddresses);
        Assert.Null(result.Settings.ConfigFile);
        Assert.Null(result.ConfigFile);
        Assert.Equal("sim", result.Settings.Board);
    }

    [Fact]
    public void Board_IsAProfileName_OrAJsonFileStoredAsAFullPath()
    {
        Assert.Equal("pi-hat-8", Parse("--board", "pi-hat-8").Settings.Board);
        Assert.Equal(Path.GetFullPath("panels/mine.json"), Parse("--board=panels/mine.json").Settings.Board);
        _environment["CONTACTCENTER_BOARD"] = "mcp23017-16";
        Assert.Equal("mcp23017-16", Parse().Settings.Board);
    }

    [Theory]
    [InlineData("my panel")]
    [InlineData("../etc/passwd")]
    public void BadBoard_IsAUsageError_NamingTheOption(string value)
    {
        var result = Parse("--board", value);

        Assert.Equal(CommandLineAction.Error, result.Action);
        Assert.Equal($"--board: '{value}' is not a board profile name (such as sim or pi-hat-8) nor a path to a .json file", result.Error);
    }

    [Fact]
    public void EveryOption_IsRead_InBothSpellings()
    {
        var result = Parse("--data", _directory, "--sip-port=0", "--bind", "127.0.0.1");

        Assert.Equal(CommandLineAction.Run, result.Action);
        Assert.Equal(_directory, result.Settings.DataDirectory);
        Assert.Equal(0, result.Settings.SipPort);
        Assert.Equal([IPAddress.Loopback], result.Settings.BindAddresses);
    }

    [Fact]
    public void Bind_IsRepeatable_AndCommaSeparated()
    {
        var result = Parse("--bind", "127.0.0.1, ::1", "--bind=10.0.0.2");

        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback, IPAddress.Parse("10.0.0.2")], result.Settings.BindAddresses);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("65536")]
    [InlineData("+5")]
    [InlineData("")]
    public void BadPort_IsAUsageError_NamingTheOption(string value)
    {
        var result = Parse("--sip-port", value);

        Assert.Equal(CommandLineAction.Error, result.Action);
        Assert.Equal($"--sip-port: '{value}' is not a port number (0-65535)", result.Error);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("10.0.0.0/8")]
    [InlineData("999.1.1.1")]
    public void BadAddress_IsAUsageError(string value)
    {
        var result = Parse("--bind", value);

        Assert.Equal($"--bind: '{value}' is not an IP address", result.Error);
    }

    [Theory]
    [InlineData("--web-pot", "unknown option '--web-pot' (see contactcenter --help)")]
    [InlineData("-x", "unexpected argument '-x' (see contactcenter --help)")]
    [InlineData("--sip-port", "--sip-port: missing value N")]
    public void WrongOption_IsAUsageError(string arg, string expected)
    {
        var result = Parse(arg);

        Assert.Equal(CommandLineAction.Error, result.Action);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void OptionFollowedByAnotherOption_HasNoValue()
    {
        Assert.Equal("--data: missing value DIR", Parse("--data", "--sip-port", "5").Error);
    }

    [Fact]
    public void SingleValuedOption_GivenTwice_IsAnError()
    {
        Assert.Equal("--sip-port: given more than once", Parse("--sip-port", "1", "--sip-port", "2").Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_WinsOverEverythingElse(string flag)
    {
        Assert.Equal(CommandLineAction.Help, Parse("--sip-port", "5070", flag, "--bogus").Action);
    }

    [Fact]
    public void Usage_ListsEveryOptionAndItsEnvironmentVariable()
    {
        var usage = ApplianceCommandLine.Usage();

        foreach (var option in ApplianceCommandLine.Options)
        {
            Assert.Contains(option.Flag, usage, StringComparison.Ordinal);
            Assert.Contains(option.EnvironmentVariable, usage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EnvironmentVariableNames_FollowTheContract()
    {
        Assert.Equal(
            ["CONTACTCENTER_DATA", "CONTACTCENTER_CONFIG", "CONTACTCENTER_BIND", "CONTACTCENTER_SIP_PORT", "CONTACTCENTER_RTP_PORTS", "CONTACTCENTER_BOARD"],
            ApplianceCommandLine.Options.Select(o => o.EnvironmentVariable));
    }

    [Fact]
    public void UnknownSubcommand_IsAUsageError()
    {
        var result = Parse("frobnicate", "--x");

        Assert.Equal(CommandLineAction.Error, result.Action);
        Assert.Equal("unknown command 'frobnicate' (see contactcenter --help)", result.Error);
    }

    [Fact]
    public void Environment_IsRead_WhenTheCommandLineIsSilent()
    {
        _environment["CONTACTCENTER_SIP_PORT"] = "5070";
        _environment["CONTACTCENTER_BIND"] = "127.0.0.1,::1";
        _environment["CONTACTCENTER_DATA"] = _directory;

        var settings = Parse().Settings;

        Assert.Equal(5070, settings.SipPort);
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], settings.BindAddresses);
        Assert.Equal(_directory, settings.DataDirectory);
    }

    [Fact]
    public void CommandLine_WinsOverEnvironment_EvenWhenTheEnvironmentValueIsBad()
    {
        _environment["CONTACTCENTER_SIP_PORT"] = "not-a-port";

        var result = Parse("--sip-port", "5080");

        Assert.Equal(CommandLineAction.Run, result.Action);
        Assert.Equal(5080, result.Settings.SipPort);
    }

    [Fact]
    public void BadEnvironmentValue_NamesTheVariable()
    {
        _environment["CONTACTCENTER_SIP_PORT"] = "99999";

        Assert.Equal("CONTACTCENTER_SIP_PORT: '99999' is not a port number (0-65535)", Parse().Error);
    }

    [Fact]
    public void RtpPorts_DefaultToTheDesignRange_AndAreReadFromEveryLayer()
    {
        Assert.Equal((10000, 20000), Parse().Settings.RtpPorts);
        Assert.Equal((30000, 30099), Parse("--rtp-ports", "30000-30099").Settings.RtpPorts);

        _environment["CONTACTCENTER_RTP_PORTS"] = "40000-40999";
        Assert.Equal((40000, 40999), Parse().Settings.RtpPorts);
        Assert.Equal((41000, 41003), Parse("--rtp-ports=41000-41003").Settings.RtpPorts);
        Assert.Equal((42000, 42999), Parse("--config", WriteConfig("""{ "Rtp": { "Ports": "42000-42999" } }"""), "--rtp-ports", "42000-42999").Settings.RtpPorts);
    }

    [Theory]
    [InlineData("20000-10000")]
    [InlineData("10000")]
    [InlineData("80-2000")]
    [InlineData("10000-70000")]
    [InlineData("10000-10002")]
    [InlineData("a-b")]
    public void BadRtpPorts_AreAUsageError(string value)
    {
        var result = Parse("--rtp-ports", value);

        Assert.Equal(CommandLineAction.Error, result.Action);
        Assert.Equal($"--rtp-ports: '{value}' is not a port range A-B within 1024-65535 holding at least two port pairs", result.Error);
    }

    [Fact]
    public void ConfigFile_IsRead_AndLosesToEnvironmentAndCommandLine()
    {
        var path = WriteConfig("""{ "Data": "from-file", "Bind": ["127.0.0.1", "::1"], "Sip": { "Port": 5090 } }""");

        var fileOnly = Parse("--config", path).Settings;
        Assert.Equal(5090, fileOnly.SipPort);
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], fileOnly.BindAddresses);
        Assert.Equal(Path.GetFullPath("from-file"), fileOnly.DataDirectory);
        Assert.Equal(path, fileOnly.ConfigFile);

        _environment["CONTACTCENTER_SIP_PORT"] = "5091";
        Assert.Equal(5091, Parse("--config", path).Settings.SipPort);
        Assert.Equal(5092, Parse("--config", path, "--sip-port", "5092").Settings.SipPort);
    }

    [Fact]
    public void ConfigFile_CanBeNamedByTheEnvironment()
    {
        _environment["CONTACTCENTER_CONFIG"] = WriteConfig("""{ "Sip": { "Port": "5093" } }""");

        var result = Parse();

        Assert.Equal(5093, result.Settings.SipPort);
        Assert.NotNull(result.ConfigFile);
    }

    [Fact]
    public void BadValueInConfigFile_NamesTheFileAndKey()
    {
        var path = WriteConfig("""{ "Sip": { "Port": "x" } }""");

        Assert.Equal($"{path}: Sip:Port: 'x' is not a port number (0-65535)", Parse("--config", path).Error);
    }

    [Fact]
    public void MissingConfigFile_IsAUsageError_NamingTheFile()
    {
        var path = Path.Combine(_directory, "missing.json");

        var error = Parse("--config", path).Error;

        Assert.StartsWith($"--config: cannot read '{path}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigFileThatIsNotJson_IsAUsageError_OnOneLine()
    {
        var path = WriteConfig("{ nope");

        var error = Parse("--config", path).Error;

        Assert.StartsWith($"--config: '{path}' is not valid JSON", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error!);
    }

    [Fact]
    public void ListInConfigFile_ForASingleValuedOption_IsAnError()
    {
        var path = WriteConfig("""{ "Sip": { "Port": [1, 2] } }""");

        Assert.Equal($"{path}: Sip:Port: expects one value, not a list", Parse("--config", path).Error);
    }
}
