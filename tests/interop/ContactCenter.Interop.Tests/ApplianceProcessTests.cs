using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Xunit;

namespace ContactCenter.Interop.Tests;

/// <summary>The process contract of DESIGN.md "The command line", checked on the real executable.</summary>
[Collection(ApplianceCollection.Name)]
public sealed class ApplianceProcessTests
{
    [Fact]
    public async Task Start_PrintsOneReadyLine_WithTheBoundSipPort()
    {
        await using var appliance = await ApplianceProcess.StartAsync();

        Assert.Matches(new Regex("^ready sip=[0-9]+( [a-z]+=[^ ]+)*$"), appliance.ReadyLine);
        Assert.InRange(appliance.SipPort, 1, 65535);
        Assert.Equal([appliance.ReadyLine], appliance.StandardOutput);
    }

    [Fact]
    public async Task SipPort_IsBound_OnTcpAndUdp()
    {
        await using var appliance = await ApplianceProcess.StartAsync();
        var endpoint = new IPEndPoint(IPAddress.Loopback, appliance.SipPort);

        using (var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await tcp.ConnectAsync(endpoint);
            Assert.True(tcp.Connected);
        }

        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var bind = Assert.Throws<SocketException>(() => udp.Bind(endpoint));
        Assert.Equal(SocketError.AddressAlreadyInUse, bind.SocketErrorCode);
    }

    [Fact]
    public async Task SecondInstance_OnTheSamePort_Exits1_WithOneErrorLineNamingThePort()
    {
        await using var first = await ApplianceProcess.StartAsync();
        var data = ApplianceProcess.NewDataDirectory();

        var (exitCode, stdout, stderr) = await ApplianceProcess.RunToExitAsync(
            ["--data", data, "--bind", "127.0.0.1", "--sip-port", first.SipPort.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        var error = Assert.Single(stderr, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains(first.SipPort.ToString(System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
        Assert.Equal(error, stderr[^1]);
        Assert.DoesNotContain(stderr, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Directory.Delete(Path.GetDirectoryName(data)!, recursive: true);
    }

    [Fact]
    public async Task Sigterm_StopsCleanly_WithExitCode0()
    {
        await using var appliance = await ApplianceProcess.StartAsync();

        var exitCode = await appliance.StopAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains(appliance.StandardError, l => l.Contains("Stopped cleanly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_LandInTheDataDirectory()
    {
        await using var appliance = await ApplianceProcess.StartAsync();
        Assert.Equal(0, await appliance.StopAsync());

        var log = Assert.Single(appliance.LogFiles());
        var text = await File.ReadAllTextAsync(log);
        Assert.Contains($"Ready: sip={appliance.SipPort}", text, StringComparison.Ordinal);
        Assert.Contains("\"EventId\":{\"Id\":8001", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--sip-port abc", "error: --sip-port: 'abc' is not a port number (0-65535)")]
    [InlineData("--bogus", "error: unknown option '--bogus' (see contactcenter --help)")]
    [InlineData("--bind nowhere", "error: --bind: 'nowhere' is not an IP address")]
    [InlineData("frobnicate", "error: unknown command 'frobnicate' (see contactcenter --help)")]
    public async Task UsageError_Exits2_WithExactlyOneLine(string arguments, string expected)
    {
        var (exitCode, stdout, stderr) = await ApplianceProcess.RunToExitAsync(arguments.Split(' '));

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Equal([expected], stderr);
    }

    [Fact]
    public async Task EnvironmentVariable_IsRead_AndNamedInErrors()
    {
        var (exitCode, _, stderr) = await ApplianceProcess.RunToExitAsync(
            [], new Dictionary<string, string> { ["CONTACTCENTER_SIP_PORT"] = "70000" });

        Assert.Equal(2, exitCode);
        Assert.Equal(["error: CONTACTCENTER_SIP_PORT: '70000' is not a port number (0-65535)"], stderr);
    }

    [Fact]
    public async Task WrongBoardProfile_Exits1_WithOneErrorLineNamingTheLine()
    {
        var data = ApplianceProcess.NewDataDirectory();
        var profile = Path.Combine(Path.GetDirectoryName(data)!, "panel.json");
        await File.WriteAllTextAsync(profile, """
            {
              "name": "twice",
              "chips": [ { "id": "sim", "kind": "simulated", "lines": 8 } ],
              "leds": [ { "id": "blf1", "line": { "chip": "sim", "line": 3 }, "polarity": "activeHigh" } ],
              "keys": [ { "id": "key1", "line": { "chip": "sim", "line": 3 }, "polarity": "activeHigh" } ]
            }
            """);

        var (exitCode, stdout, stderr) = await ApplianceProcess.RunToExitAsync(["--data", data, "--sip-port", "0", "--board", profile]);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Equal($"error: board profile '{profile}': key 'key1': sim line 3 is already used by LED 'blf1'", stderr[^1]);
        Assert.Single(stderr, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain(stderr, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Directory.Delete(Path.GetDirectoryName(data)!, recursive: true);
    }

    [Fact]
    public async Task UnreadableConfigFile_Exits2_WithOneLine()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"cc-missing-{Guid.NewGuid():N}.json");

        var (exitCode, _, stderr) = await ApplianceProcess.RunToExitAsync(["--config", missing]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr);
        Assert.StartsWith($"error: --config: cannot read '{missing}'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnwritableDataDirectory_Exits1_WithOneLine()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exitCode, _, stderr) = await ApplianceProcess.RunToExitAsync(["--data", Path.Combine(file, "data"), "--sip-port", "0"]);

            Assert.Equal(1, exitCode);
            var line = Assert.Single(stderr);
            Assert.StartsWith($"error: data directory '{Path.Combine(file, "data")}' is not writable", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Help_PrintsUsage_AndExits0()
    {
        var (exitCode, stdout, stderr) = await ApplianceProcess.RunToExitAsync(["--help"]);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.StartsWith("usage: contactcenter", stdout[0], StringComparison.Ordinal);
        Assert.Contains(stdout, l => l.Contains("--sip-port", StringComparison.Ordinal));
    }
}
