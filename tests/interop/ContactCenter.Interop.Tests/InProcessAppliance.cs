using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Data;
using ContactCenter.Data.Credentials;
using ContactCenter.Data.Repositories;
using ContactCenter.Firmware.CommandLine;
using ContactCenter.Board.Simulated;
using ContactCenter.Firmware.Hosting;
using ContactCenter.Firmware.Panel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// The real appliance composition (<see cref="ApplianceHost.Build"/>, the same services as the executable) hosted in
/// the test process, so a test can reach what has no outside interface yet, such as the simulated front panel, while
/// real SIP peers (baresip, sipp) talk to it over loopback. Set up like <see cref="BaresipAppliance"/>: extensions with
/// generated passwords created before the start, digest restricted to MD5 for Debian's baresip. Its log goes to a file
/// in the data directory, shown in failure messages.
/// </summary>
public sealed partial class InProcessAppliance : IAsyncDisposable
{
    private readonly string _root;
    private readonly Dictionary<string, string> _passwords;
    private InProcessAppliance(string root, Dictionary<string, string> passwords, IHost host, int sipPort)
    {
        _root = root;
        _passwords = passwords;
        Host = host;
        SipPort = sipPort;
    }

    /// <summary>The running host: its services are the appliance's.</summary>
    public IHost Host { get; }

    /// <summary>Its SIP port on 127.0.0.1 (UDP and TCP).</summary>
    public int SipPort { get; }

    /// <summary>The data directory.</summary>
    public string DataDirectory => Path.Combine(_root, "data");

    private string LogFile => Path.Combine(_root, "appliance.log");

    /// <summary>Creates <paramref name="extensions"/>, lets <paramref name="prepare"/> change the database, and starts the appliance with <paramref name="settings"/> (configuration keys).</summary>
    public static async Task<InProcessAppliance> StartAsync(
        IReadOnlyList<string> extensions, IReadOnlyDictionary<string, string>? settings = null, Action<ContactCenterDatabase>? prepare = null)
    {
        var root = Directory.CreateTempSubdirectory("cc-inproc-pbx-").FullName;
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        var database = ContactCenterDatabase.Open(data, TimeProvider.System);
        var repository = new ExtensionRepository(database);
        var passwords = new Dictionary<string, string>();
        foreach (var number in extensions)
        {
            passwords[number] = SipPasswordGenerator.Generate();
            if (repository.Add(new NewExtension(number, $"Poste {number}", passwords[number])) != ChangeResult.Done)
            {
                throw new InvalidOperationException($"could not add extension {number}");
            }
        }
        prepare?.Invoke(database);

        var configuration = new Dictionary<string, string?> { ["Registrar:DigestAlgorithms"] = "MD5" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            configuration[key] = value;
        }
        var appliance = new ApplianceSettings { DataDirectory = data, SipPort = 0 };
        appliance.BindAddresses.Add(IPAddress.Loopback);
        var log = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.File(Path.Combine(root, "appliance.log")).CreateLogger();
        var host = ApplianceHost.Build(appliance, new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(), log);
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            Directory.Delete(root, recursive: true);
            throw;
        }
        var ready = host.Services.GetRequiredService<ReadyLine>().Pairs();
        var port = int.Parse(SipPortPattern().Match(ready).Groups[1].Value, CultureInfo.InvariantCulture);
        return new InProcessAppliance(root, passwords, host, port);
    }

    /// <summary>The generated SIP password of <paramref name="number"/>.</summary>
    public string Password(string number) => _passwords[number];

    /// <summary>A service of the appliance.</summary>
    public T Service<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Starts a baresip agent (no account yet) whose failure messages end with this appliance's log.</summary>
    public async Task<BaresipAgent> StartAgentAsync(string name, int toneHertz)
    {
        var agent = await BaresipAgent.StartAsync(name, toneHertz);
        agent.FailureContext = Log;
        return agent;
    }

    /// <summary>Starts a baresip agent sending a tone and registers it as <paramref name="number"/> (UDP).</summary>
    public async Task<BaresipAgent> PhoneAsync(string name, string number, int toneHertz, bool autoAnswer)
    {
        var agent = await StartAgentAsync(name, toneHertz);
        try
        {
            await agent.RegisterAsync(SipPort, number, Password(number), tcp: false, autoAnswer);
            await agent.WaitUntilRegisteredAsync();
            return agent;
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A short press of a key of the simulated front panel, already over and debounced (see
    /// <see cref="SimulatedGpioLines.Tap"/>): the panel acts on it at once, as on a receptionist's press.
    /// </summary>
    public void PressKey(string keyId)
    {
        var key = Service<FrontPanel>().Profile.Keys.First(k => k.Id == keyId);
        Service<SimulatedGpioLines>().Tap(key.Line.Offset, hold: TimeSpan.FromMilliseconds(150), settled: key.Debounce + key.Debounce);
    }

    /// <summary>The appliance's log so far.</summary>
    public string Log() => File.Exists(LogFile) ? $"--- appliance log ---\n{ReadShared(LogFile)}\n" : "";

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
        }
        finally
        {
            // The host owns the logger (it flushes and closes the log file on dispose).
            Host.Dispose();
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("sip=([0-9]+)")]
    private static partial Regex SipPortPattern();
}
