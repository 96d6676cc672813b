using System.Globalization;
using System.Reflection;
using ContactCenter.Data;
using ContactCenter.Data.Snapshots;
using ContactCenter.Firmware.CommandLine;
using ContactCenter.Firmware.Media;
using ContactCenter.Firmware.Panel;
using ContactCenter.Firmware.Pbx;
using ContactCenter.Firmware.Prompts;
using ContactCenter.Firmware.Sip;
using ContactCenter.Firmware.Storage;
using ContactCenter.Data.Repositories;
using ContactCenter.Media.Clock;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Prompts;
using ContactCenter.Media.Relay;
using ContactCenter.Pbx.Calls;
using ContactCenter.Pbx.Commands;
using ContactCenter.Pbx.Parking;
using ContactCenter.Pbx.Features;
using ContactCenter.Pbx.Presence;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog;

namespace ContactCenter.Firmware.Hosting;

/// <summary>The composition root and the run loop of the appliance process.</summary>
internal static class ApplianceHost
{
    /// <summary>Exit code when the appliance cannot start (data directory, port in use).</summary>
    public const int StartFailureExitCode = 1;

    private static string Version { get; } =
        typeof(ApplianceHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";

    /// <summary>Starts every listener, prints the ready line, runs until SIGINT/SIGTERM and stops cleanly.</summary>
    /// <returns>The process exit code: 0 after a clean stop, <see cref="StartFailureExitCode"/> when start failed.</returns>
    public static async Task<int> RunAsync(ApplianceSettings settings, IConfiguration? configFile, TextWriter stdout, TextWriter stderr)
    {
        if (DataDirectory.Prepare(settings.DataDirectory) is { } problem)
        {
            await stderr.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            return StartFailureExitCode;
        }

        var host = Build(settings, configFile, LoggingSetup.Create(settings.DataDirectory));
        string? failure = null;
        try
        {
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggingSetup.StartupCategory);
            FirmwareLog.Starting(logger, ApplianceCommandLine.ExecutableName, Version, settings.DataDirectory, settings.ConfigFile ?? "(embedded defaults)");
            try
            {
                await host.StartAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Any start failure becomes one error line and exit code 1; the file log keeps the details.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = Describe(ex);
                FirmwareLog.StartFailed(logger, failure, ex);
                return StartFailureExitCode;
            }

            var ready = host.Services.GetRequiredService<ReadyLine>();
            FirmwareLog.Ready(logger, ready.Pairs());
            await stdout.WriteLineAsync(ready.ToString()).ConfigureAwait(false);
            await stdout.FlushAsync().ConfigureAwait(false);

            await host.WaitForShutdownAsync().ConfigureAwait(false);
            FirmwareLog.Stopped(logger);
            return 0;
        }
        finally
        {
            // Disposing the host disposes the services and then Serilog, which flushes the async file sink. Services
            // that started before the failure (the media clock) log their stop here, so the error line comes after.
            await ((IAsyncDisposable)host).DisposeAsync().ConfigureAwait(false);
            if (failure is not null)
            {
                await stderr.WriteLineAsync($"error: {failure}").ConfigureAwait(false);
            }
        }
    }

    /// <summary>Builds the host: explicit sources and services only, nothing discovered by reflection.</summary>
    internal static IHost Build(ApplianceSettings settings, IConfiguration? configFile, Serilog.Core.Logger serilog)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = ApplianceCommandLine.ExecutableName,
            EnvironmentName = Environments.Production,
            ContentRootPath = settings.DataDirectory,
        });

        if (configFile is not null)
        {
            builder.Configuration.AddConfiguration(configFile);
        }

        builder.Configuration.AddInMemoryCollection(EffectiveConfiguration(settings));

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddSerilog(serilog, dispose: true);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReadyLine>();
        builder.Services.Configure<ConsoleLifetimeOptions>(static o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(static o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));

        AddStorage(builder.Services, settings.DataDirectory);
        builder.Services.AddFrontPanel(settings.Board, settings.DataDirectory);
        AddPrompts(builder.Services, builder.Configuration, settings.DataDirectory);
        AddPbx(builder.Services, builder.Configuration);
        AddCalls(builder.Services, builder.Configuration, settings);
        AddSip(builder.Services, builder.Configuration);
        return builder.Build();
    }

    // Storage first: its hosted service opens the database before any listener accepts a request.
    private static void AddStorage(IServiceCollection services, string dataDirectory)
    {
        services.AddSingleton(sp => ContactCenterDatabase.Open(
            dataDirectory, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ExtensionDirectory>();
        services.AddHostedService<StorageHostedService>();
    }

    // Voice prompts: the generated defaults beside the executable, the administrator's recordings in DATA/prompts.
    private static void AddPrompts(IServiceCollection services, ConfigurationManager configuration, string dataDirectory)
    {
        // Read when the catalogue is first needed (at start), so a bad value is a start failure with its reason.
        services.AddSingleton(_ => new PromptCatalogueOptions
        {
            CustomDirectory = Path.Combine(dataDirectory, "prompts"),
            DefaultLanguage = PromptLanguageSetting(configuration),
        });
        services.AddSingleton(static sp => new PromptCatalogue(
            sp.GetRequiredService<PromptCatalogueOptions>(), sp.GetRequiredService<ILogger<PromptCatalogue>>()));
        // One decoded copy of each prompt for every call that plays it; as long as the longest recording allowed.
        services.AddSingleton(static sp => new AudioClipCache(sp.GetRequiredService<PromptCatalogueOptions>().MaxRecordingDuration));
        services.AddHostedService<PromptCheckHostedService>();
    }

    private static PromptLanguage PromptLanguageSetting(ConfigurationManager configuration)
    {
        string? code = configuration["Prompts:Language"];
        if (code is null)
        {
            return PromptLanguage.French;
        }

        return PromptLanguages.TryParse(code, out var language)
            ? language
            : throw new OptionsValidationException("Prompts:Language", typeof(PromptCatalogueOptions),
                [$"Prompts:Language: '{code}' is not a prompt language (fr or en)"]);
    }

    // After storage (the registrar reloads persisted bindings), before SIP (no request arrives before it is ready).
    private static void AddPbx(IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddOptions<RegistrarOptions>().Bind(configuration.GetSection(RegistrarOptions.Section));
        services.AddSingleton(static sp => new SipRegistrar(
            sp.GetRequiredService<IOptions<RegistrarOptions>>().Value,
            sp.GetRequiredService<ContactCenterDatabase>(),
            sp.GetRequiredService<ExtensionDirectory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IRegistrationView>(static sp => sp.GetRequiredService<SipRegistrar>());
        services.AddHostedService<RegistrarHostedService>();
        // Presence (issue #5 §5): the one model, and the SUBSCRIBE/NOTIFY service that watches it, with the watch policy
        // stored in the database (read at start) and the park slots, which every extension may watch.
        services.AddSingleton(static sp => new PresenceModel(sp.GetRequiredService<ILogger<PresenceModel>>()));
        services.AddSingleton(static sp => new PresenceService(
            sp.GetRequiredService<SipStack>(),
            sp.GetRequiredService<PresenceModel>(),
            sp.GetRequiredService<SipRegistrar>(),
            sp.GetRequiredService<ExtensionDirectory>(),
            PresencePolicyOptions.Load(sp.GetRequiredService<ContactCenterDatabase>(), sp.GetRequiredService<IOptions<CallOptions>>().Value.ParkSlotNumbers()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PresenceService>>()));
        services.AddSingleton(static sp => new DirectoryPresenceFeed(sp.GetRequiredService<ExtensionDirectory>(), sp.GetRequiredService<PresenceModel>()));
        services.AddHostedService<PresenceFeedHostedService>();
    }

    // Calls: the media relay over the --rtp-ports range, the media clock and the appliance's own endpoints on the same
    // ports, the test extensions, the batched call-record writer, the B2BUA router with parking (hold music on the
    // appliance's endpoints), and the call commands the front panel (and later the web console) performs.
    private static void AddCalls(IServiceCollection services, ConfigurationManager configuration, ApplianceSettings settings)
    {
        services.AddOptions<CallOptions>().Bind(configuration.GetSection(CallOptions.Section));
        services.AddOptions<MediaEndpointOptions>().Bind(configuration.GetSection(MediaEndpointOptions.Section));
        services.AddSingleton(sp => new RtpRelay(RelayOptions(settings, configuration), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(static sp => new MediaClock(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MediaClock>>()));
        services.AddHostedService<MediaClockHostedService>();
        // One allocator for the whole range: anchored calls and the appliance's own endpoints never take the same ports.
        services.AddSingleton<IMediaEndpointFactory>(static sp =>
        {
            var relay = sp.GetRequiredService<RtpRelay>();
            return new MediaEndpointFactory(relay.Ports, MediaAddress.Advertised(relay.BindAddress), sp.GetRequiredService<MediaClock>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<IOptions<MediaEndpointOptions>>().Value);
        });
        services.AddSingleton(static sp => new FeatureServices(
            sp.GetRequiredService<IMediaEndpointFactory>(),
            new TestApplications(sp.GetRequiredService<PromptCatalogue>(), sp.GetRequiredService<AudioClipCache>(), sp.GetRequiredService<ILoggerFactory>())));
        services.AddSingleton(static sp => new CallRecordWriter(sp.GetRequiredService<ContactCenterDatabase>(),
            sp.GetRequiredService<ILogger<CallRecordWriter>>()));
        services.AddSingleton(static sp => new CallRouter(
            sp.GetRequiredService<IOptions<CallOptions>>().Value,
            sp.GetRequiredService<SipStack>(),
            sp.GetRequiredService<RtpRelay>(),
            sp.GetRequiredService<CallRecordWriter>(),
            sp.GetRequiredService<SipRegistrar>(),
            sp.GetRequiredService<ExtensionDirectory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<FeatureServices>(),
            sp.GetRequiredService<PresenceModel>(),
            new ParkingServices(sp.GetRequiredService<IMediaEndpointFactory>(), new MusicOnHoldLibrary(sp.GetRequiredService<MediaClock>(),
                sp.GetRequiredService<AudioClipCache>(), sp.GetRequiredService<ILogger<MusicOnHoldLibrary>>()))));
        services.AddSingleton<ICallCommands>(static sp => new CallCommands(sp.GetRequiredService<CallRouter>()));
    }

    // The relay binds the one listen address when a single one is given (tests, a box with one LAN), else every IPv4 address.
    private static RtpRelayOptions RelayOptions(ApplianceSettings settings, IConfiguration configuration)
    {
        var noMedia = configuration.GetValue<int?>("Rtp:NoMediaSeconds") ?? 60;
        return new RtpRelayOptions
        {
            PortRangeStart = settings.RtpPorts.Start,
            PortRangeEnd = settings.RtpPorts.End,
            BindAddress = settings.BindAddresses.Count == 1 ? settings.BindAddresses[0] : System.Net.IPAddress.Any,
            NoMediaTimeout = noMedia > 0 ? TimeSpan.FromSeconds(noMedia) : Timeout.InfiniteTimeSpan,
        };
    }

    private static void AddSip(IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddOptions<SipHostOptions>().Bind(configuration.GetSection(SipHostOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SipHostOptions>, SipHostOptionsValidator>();

        services.AddSingleton(static sp =>
        {
            var options = new SipStackOptions { UserAgent = $"ContactCenter/{Version}" };
            options.Allow.Add("REGISTER");
            options.Allow.Add("UPDATE");
            options.Allow.Add("INFO");
            options.Allow.Add("SUBSCRIBE");
            options.SupportedExtensions.Add("timer");
            // RFC 3891: a desk phone's BLF pickup sends INVITE with Replaces (and may require it).
            options.SupportedExtensions.Add("replaces");
            return new SipStack(options, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<SipReceiveHandler>(static sp => sp.GetRequiredService<SipStack>().Receive);

        services.AddSingleton<SipHostedService>();
        services.AddHostedService(static sp => sp.GetRequiredService<SipHostedService>());
        services.AddHostedService<RequestDispatcher>();
    }

    // The resolved command-line/environment values override the config file's sections.
    private static Dictionary<string, string?> EffectiveConfiguration(ApplianceSettings settings)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Data"] = settings.DataDirectory,
            [$"{SipHostOptions.Section}:{nameof(SipHostOptions.Port)}"] = settings.SipPort.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < settings.BindAddresses.Count; i++)
        {
            values[$"{SipHostOptions.Section}:{nameof(SipHostOptions.Bind)}:{i}"] = settings.BindAddresses[i].ToString();
        }

        return values;
    }

    private static string Describe(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        return exception switch
        {
            SipTransportBindException bind => bind.Message,
            DatabaseSchemaException schema => schema.Message,
            PanelStartException panel => panel.Message,
            Microsoft.Data.Sqlite.SqliteException sqlite => $"database error: {sqlite.Message}",
            OptionsValidationException invalid => $"invalid configuration: {string.Join("; ", invalid.Failures)}",
            _ => $"start failed: {exception.GetType().Name}: {exception.Message}",
        };
    }
}
