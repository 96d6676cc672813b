using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Board.Leds;
using ContactCenter.Board.Profiles;
using ContactCenter.Board.Simulated;
using ContactCenter.Data;
using ContactCenter.Data.Repositories;
using ContactCenter.Firmware.CommandLine;
using ContactCenter.Firmware.Hosting;
using ContactCenter.Firmware.Panel;
using ContactCenter.Pbx.Presence;
using ContactCenter.Sip.Events.Bodies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ContactCenter.Firmware.Tests.Panel;

/// <summary>The appliance in-process with <c>--board sim</c> on loopback ports: the simulated panel bound to the PBX.</summary>
[Trait("Category", "Integration")]
public sealed class FrontPanelHostTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-panel-").FullName;
    private IHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private IHost Build(string board = "sim")
    {
        var settings = new ApplianceSettings { DataDirectory = _directory, SipPort = 0, RtpPorts = (47300, 47399), Board = board };
        settings.BindAddresses.Add(IPAddress.Loopback);
        Assert.Null(DataDirectory.Prepare(_directory));
        _host = ApplianceHost.Build(settings, null, new Serilog.LoggerConfiguration().CreateLogger());
        return _host;
    }

    private async Task<IHost> StartedAsync()
    {
        var host = Build();
        await host.StartAsync();
        return host;
    }

    private static int KeyLine(IHost host, string key) =>
        host.Services.GetRequiredService<BoardProfile>().Keys.Single(k => k.Id == key).Line.Offset;

    private static (bool Red, bool Green) LedLines(IHost host, string led)
    {
        var definition = host.Services.GetRequiredService<BoardProfile>().Leds.Single(l => l.Id == led);
        var board = host.Services.GetRequiredService<SimulatedGpioLines>();
        return (board.GetOutput(definition.Line.Offset), board.GetOutput(definition.Green!.Value.Offset));
    }

    [Fact]
    public async Task BusyLampLed_FollowsThePresenceModel()
    {
        var host = await StartedAsync();
        var panel = host.Services.GetRequiredService<FrontPanel>();
        var model = host.Services.GetRequiredService<PresenceModel>();
        Assert.Equal(LedPalette.Idle, panel.Pattern("blf1"));

        model.SetDialog("101", new SipDialogInfoEntry { Id = "d1", State = SipDialogInfoState.Early, Direction = SipDialogDirection.Recipient });
        Assert.Equal(LedPalette.Ringing, panel.Pattern("blf1"));

        model.SetDialog("101", new SipDialogInfoEntry { Id = "d1", State = SipDialogInfoState.Confirmed, Direction = SipDialogDirection.Recipient });
        Assert.Equal(LedPalette.Busy, panel.Pattern("blf1"));
        Assert.Equal((true, false), LedLines(host, "blf1"));

        model.SetDialog("101", new SipDialogInfoEntry { Id = "d1", State = SipDialogInfoState.Terminated, Direction = SipDialogDirection.Recipient });
        Assert.Equal(LedPalette.Idle, panel.Pattern("blf1"));
        Assert.Equal((false, false), LedLines(host, "blf1"));

        model.SetPark("701", ParkSlotState.Recalling);
        Assert.Equal(LedPalette.Recall, panel.Pattern("blf4"));
    }

    [Fact]
    public async Task DoNotDisturbKey_TogglesTheReceptionistsStatus_AndLightsItsOwnLed()
    {
        var host = await StartedAsync();
        var panel = host.Services.GetRequiredService<FrontPanel>();
        var model = host.Services.GetRequiredService<PresenceModel>();
        var board = host.Services.GetRequiredService<SimulatedGpioLines>();
        var dnd = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Added after the panel's own observer: when it runs, the panel has updated its lamps for the same change.
        model.AddObserver(s =>
        {
            if (s.Extension == "100")
            {
                dnd.TrySetResult(s.DoNotDisturb);
            }
        });

        // Held past the long-press threshold, the key acts on its own (a short press needs the clock to pass the debounce
        // time between press and release, which a test on the system clock would have to sleep for).
        board.Press(KeyLine(host, "key6"));
        Assert.True(await dnd.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        board.Release(KeyLine(host, "key6"));

        var database = host.Services.GetRequiredService<ContactCenterDatabase>();
        Assert.Equal(ExtensionStatus.DoNotDisturb, new ExtensionRepository(database).Get("100")!.Status);
        Assert.Equal(LedPalette.Active, panel.Pattern("blf6"));
        Assert.Equal((false, true), LedLines(host, "blf6"));
    }

    [Fact]
    public async Task ReadyAppliance_ShowsPowerReady_SipDegradedWithoutPhones_AndNamesThePanelAfterSip()
    {
        var host = await StartedAsync();

        Assert.Equal(LedPalette.Ready, host.Services.GetRequiredService<FrontPanel>().Pattern("power"));
        Assert.Equal(LedPattern.Off, host.Services.GetRequiredService<FrontPanel>().Pattern("fault"));
        // The demo extensions exist and no phone has registered yet.
        Assert.Equal(LedPalette.Degraded, host.Services.GetRequiredService<FrontPanel>().Pattern("sip"));
        Assert.Matches(new Regex("^ready sip=[0-9]+ rtp=47300-47399 panel=sim-16$"), host.Services.GetRequiredService<ReadyLine>().ToString());
    }

    [Fact]
    public async Task AProfileUsingALineTwice_FailsStart_NamingTheLine()
    {
        var profile = BoardProfileText().Replace("\"line\": 1 }", "\"line\": 0 }", StringComparison.Ordinal);
        var path = Path.Combine(_directory, "twice.json");
        await File.WriteAllTextAsync(path, profile);
        var host = Build(path);

        var error = await Assert.ThrowsAsync<PanelStartException>(() => host.StartAsync());

        Assert.Equal($"board profile '{path}': key 'key2': sim line 0 is already used by key 'key1'", error.Message);
        _host = null;
        host.Dispose();
    }

    [Fact]
    public async Task AnExpanderOnAMissingI2cBus_FailsStart_NamingTheChipAndWhy_AndTheFaultLedShowsIt()
    {
        var bus = Path.Combine(_directory, "i2c-9");
        var profile = BoardProfileText()
            .Replace("\"chips\": [", $"\"chips\": [ {{ \"id\": \"keys\", \"kind\": \"mcp23017\", \"device\": \"{bus}\", \"address\": 32 }},", StringComparison.Ordinal)
            .Replace("{ \"chip\": \"sim\", \"line\": 1 }", "{ \"chip\": \"keys\", \"pin\": 0 }", StringComparison.Ordinal);
        var path = Path.Combine(_directory, "expander.json");
        await File.WriteAllTextAsync(path, profile);
        var host = Build(path);

        var error = await Assert.ThrowsAsync<PanelStartException>(() => host.StartAsync());

        Assert.Equal($"board profile test-panel: chip 'keys' (mcp23017 on {bus}, address 0x20): cannot open I2C bus {bus}: No such file or directory",
            error.Message);
        Assert.Equal(LedPalette.Fault, host.Services.GetRequiredService<FrontPanel>().Pattern("fault"));
        _host = null;
        host.Dispose();
    }

    [Fact]
    public async Task AGpioChipThatCannotBeOpened_FailsStart_NamingTheChipAndWhy_AndTheFaultLedShowsIt()
    {
        var missing = Path.Combine(_directory, "gpiochip-missing");
        var profile = BoardProfileText()
            .Replace("\"chips\": [", $"\"chips\": [ {{ \"id\": \"gpio\", \"kind\": \"gpiochip\", \"device\": \"{missing}\" }},", StringComparison.Ordinal)
            .Replace("{ \"chip\": \"sim\", \"line\": 1 }", "{ \"chip\": \"gpio\", \"line\": 4 }", StringComparison.Ordinal);
        var path = Path.Combine(_directory, "gpio.json");
        await File.WriteAllTextAsync(path, profile);
        var host = Build(path);

        var error = await Assert.ThrowsAsync<PanelStartException>(() => host.StartAsync());

        Assert.Equal($"board profile test-panel: chip 'gpio' ({missing}): cannot open {missing}: No such file or directory", error.Message);
        Assert.Equal(LedPalette.Fault, host.Services.GetRequiredService<FrontPanel>().Pattern("fault"));
        _host = null;
        host.Dispose();
    }

    private static string BoardProfileText() => """
        {
          "name": "test-panel",
          "chips": [ { "id": "sim", "kind": "simulated", "lines": 16 } ],
          "leds": [
            { "id": "blf1", "red": { "chip": "sim", "line": 8 }, "green": { "chip": "sim", "line": 9 }, "polarity": "activeHigh" },
            { "id": "fault", "role": "fault", "line": { "chip": "sim", "line": 10 }, "polarity": "activeHigh" }
          ],
          "keys": [
            { "id": "key1", "line": { "chip": "sim", "line": 0 }, "polarity": "activeHigh" },
            { "id": "key2", "line": { "chip": "sim", "line": 1 }, "polarity": "activeHigh" }
          ]
        }
        """;
}
