using System.Net;
using ContactCenter.Firmware.CommandLine;
using ContactCenter.Firmware.Hosting;
using ContactCenter.Firmware.Media;
using ContactCenter.Firmware.Sip;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Prompts;
using ContactCenter.Media.Relay;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace ContactCenter.Firmware.Tests.Hosting;

public sealed class ApplianceHostTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-host-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private IHost Build(ApplianceSettings settings, IConfiguration? configFile = null)
    {
        settings.DataDirectory = _directory;
        Assert.Null(DataDirectory.Prepare(_directory));
        return ApplianceHost.Build(settings, configFile, new Serilog.LoggerConfiguration().CreateLogger());
    }

    [Fact]
    public void ResolvedSettings_ReachTheSipOptions()
    {
        var settings = new ApplianceSettings { SipPort = 0 };
        settings.BindAddresses.Add(IPAddress.Loopback);
        settings.BindAddresses.Add(IPAddress.IPv6Loopback);
        using var host = Build(settings);

        var options = host.Services.GetRequiredService<IOptions<SipHostOptions>>().Value;

        Assert.Equal(0, options.Port);
        Assert.Equal(["127.0.0.1", "::1"], options.Bind);
    }

    [Fact]
    public void ConfigFileSections_AreVisible_ButResolvedValuesWin()
    {
        var file = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Sip:Port"] = "5999", ["Other:Key"] = "kept" })
            .Build();
        using var host = Build(new ApplianceSettings { SipPort = 5070 }, file);

        Assert.Equal(5070, host.Services.GetRequiredService<IOptions<SipHostOptions>>().Value.Port);
        Assert.Equal("kept", host.Services.GetRequiredService<IConfiguration>()["Other:Key"]);
    }

    [Fact]
    public void Composition_InjectsTheSystemClock_AndTheReceiveSeam()
    {
        using var host = Build(new ApplianceSettings());

        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
        Assert.NotNull(host.Services.GetRequiredService<SipReceiveHandler>());
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is SipHostedService);
    }

    [Fact]
    public void Prompts_AreTheGeneratedOnesBesideTheExecutable_UnlessTheDataDirectoryHoldsARecording()
    {
        using var host = Build(new ApplianceSettings());
        var catalogue = host.Services.GetRequiredService<PromptCatalogue>();

        Assert.Equal(PromptLanguage.French, catalogue.DefaultLanguage);
        Assert.True(catalogue.TryGetPath(PromptKeys.TestEcho, out var path),
            "no generated prompts beside the test binaries: install espeak-ng and sox and rebuild");
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "prompts", "fr", "test-echo.wav"), path);

        string custom = Path.Combine(_directory, "prompts", "fr", "test-echo.wav");
        Directory.CreateDirectory(Path.GetDirectoryName(custom)!);
        File.Copy(path, custom);
        Assert.True(catalogue.TryGetPath(PromptKeys.TestEcho, out path));
        Assert.Equal(custom, path);
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s.GetType().Name == "PromptCheckHostedService");
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task OwnEndpoints_ShareTheRelaysPorts_AdvertiseTheBindAddress_AndOfferTelephoneEventUnlessSwitchedOff(string? setting, bool offered)
    {
        var settings = new ApplianceSettings { RtpPorts = (47100, 47199) };
        settings.BindAddresses.Add(IPAddress.Loopback);
        var file = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Media:TelephoneEvent"] = setting })
            .Build();
        using var host = Build(settings, file);
        var relay = host.Services.GetRequiredService<RtpRelay>();

        Assert.True(host.Services.GetRequiredService<IMediaEndpointFactory>().TryCreate(out var endpoint));
        var offer = System.Text.Encoding.UTF8.GetString(endpoint.CreateOffer());
        Assert.Equal(1, relay.Ports.InUse);
        await endpoint.DisposeAsync();

        Assert.Equal(0, relay.Ports.InUse);
        Assert.Contains("c=IN IP4 127.0.0.1", offer, StringComparison.Ordinal);
        Assert.Matches(@"m=audio 471\d\d RTP/AVP", offer);
        Assert.Equal(offered, offer.Contains("telephone-event", StringComparison.Ordinal));
    }

    [Fact]
    public void TelephoneEventSetting_ThatIsNotABoolean_FailsNamingIt()
    {
        var file = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Media:TelephoneEvent"] = "sometimes" })
            .Build();
        using var host = Build(new ApplianceSettings(), file);

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IMediaEndpointFactory>());
        Assert.Contains("Media:TelephoneEvent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MediaClock_StartsBeforeTheSipServices_SoItStopsAfterTheyEndedTheCalls()
    {
        using var host = Build(new ApplianceSettings());
        var services = host.Services.GetServices<IHostedService>().ToList();

        int clock = services.FindIndex(s => s is MediaClockHostedService);
        Assert.InRange(clock, 0, services.FindIndex(s => s is SipHostedService) - 1);
        Assert.InRange(clock, 0, services.FindIndex(s => s.GetType().Name == "RequestDispatcher") - 1);
    }

    [Fact]
    public void AdvertisedMediaAddress_IsTheBoundOne_OrAConcreteOne_NeverAWildcard()
    {
        Assert.Equal(IPAddress.Parse("192.0.2.7"), MediaAddress.Advertised(IPAddress.Parse("192.0.2.7")));
        var chosen = MediaAddress.Advertised(IPAddress.Any);
        Assert.NotEqual(IPAddress.Any, chosen);
        Assert.Equal(System.Net.Sockets.AddressFamily.InterNetwork, chosen.AddressFamily);
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("fr", true)]
    [InlineData("EN", false)]
    [InlineData("de", false)]
    public void PromptLanguage_ComesFromTheConfigFile(string code, bool valid)
    {
        var file = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Prompts:Language"] = code })
            .Build();
        using var host = Build(new ApplianceSettings(), file);

        if (valid)
        {
            Assert.Equal(code, PromptLanguages.Code(host.Services.GetRequiredService<PromptCatalogue>().DefaultLanguage));
        }
        else
        {
            var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<PromptCatalogue>());
            Assert.Contains("(fr or en)", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SipOptionsValidator_RejectsAPortOutOfRange()
    {
        var result = new SipHostOptionsValidator().Validate(null, new SipHostOptions { Port = 70000 });

        Assert.True(result.Failed);
    }

    [Fact]
    public void ReadyLine_ListsListeners_InStartOrder()
    {
        var line = new ReadyLine();
        line.Add("sip", "5060");
        line.Add("web", "8080");

        Assert.Equal("ready sip=5060 web=8080", line.ToString());
    }

    [Fact]
    public void DataDirectory_UnderAFile_IsReportedAsNotWritable()
    {
        var file = Path.Combine(_directory, "plain-file");
        File.WriteAllText(file, "");

        var problem = DataDirectory.Prepare(Path.Combine(file, "data"));

        Assert.StartsWith($"data directory '{Path.Combine(file, "data")}' is not writable", problem, StringComparison.Ordinal);
    }
}
