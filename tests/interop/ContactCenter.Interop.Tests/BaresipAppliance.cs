using System.Text.Json.Nodes;
using ContactCenter.Data;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// The real appliance set up for baresip agents: extensions created with the admin CLI (<c>users add</c>, generated
/// passwords) before the first start, digest restricted to MD5 (all Debian's baresip 1.0.0 can answer, see
/// <see cref="BaresipAgent"/>), and settings passed in its <c>--config</c> file. It can be restarted on the same data
/// directory and SIP port. Dispose stops it and removes its directory.
/// </summary>
public sealed class BaresipAppliance : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _config;
    private readonly Dictionary<string, string> _passwords;

    private BaresipAppliance(string root, string config, Dictionary<string, string> passwords, ApplianceProcess process)
    {
        _root = root;
        _config = config;
        _passwords = passwords;
        Process = process;
    }

    /// <summary>The running (or last) appliance process: its log, its ready line.</summary>
    public ApplianceProcess Process { get; private set; }

    /// <summary>Its SIP port on 127.0.0.1 (UDP and TCP); kept across restarts.</summary>
    public int SipPort => Process.SipPort;

    /// <summary>The data directory.</summary>
    public string DataDirectory => Path.Combine(_root, "data");

    /// <summary>
    /// Creates <paramref name="extensions"/> with the CLI, lets <paramref name="prepare"/> change the database (e.g. set DND)
    /// while nothing else runs, then starts the appliance with <c>Registrar:DigestAlgorithms = MD5</c> plus
    /// <paramref name="settings"/> (configuration keys such as <c>Calls:RingSeconds</c>).
    /// </summary>
    public static async Task<BaresipAppliance> StartAsync(
        IReadOnlyList<string> extensions, IReadOnlyDictionary<string, string>? settings = null, Action<ContactCenterDatabase>? prepare = null)
    {
        var root = Directory.CreateTempSubdirectory("cc-baresip-pbx-").FullName;
        try
        {
            var data = Path.Combine(root, "data");
            var passwords = new Dictionary<string, string>();
            foreach (var number in extensions)
            {
                passwords[number] = await AddExtensionAsync(data, number);
            }

            prepare?.Invoke(ContactCenterDatabase.Open(data, TimeProvider.System));
            var config = Path.Combine(root, "appliance.json");
            await File.WriteAllTextAsync(config, ConfigJson(settings));
            var process = await LaunchAsync(data, config, sipPort: 0);
            return new BaresipAppliance(root, config, passwords, process);
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <summary>The generated SIP password of <paramref name="number"/>, as <c>users add</c> printed it.</summary>
    public string Password(string number) => _passwords[number];

    /// <summary>Stops the appliance (SIGTERM, clean exit expected) and starts it again on the same data directory and SIP port.</summary>
    public async Task RestartAsync()
    {
        var port = SipPort;
        var exitCode = await Process.StopAsync();
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"contactcenter exited with {exitCode} on SIGTERM. stderr:\n{string.Join('\n', Process.StandardError)}");
        }

        await Process.DisposeAsync();
        Process = await LaunchAsync(DataDirectory, _config, port);
    }

    /// <summary>Stops the appliance (SIGTERM): pending call records are written; the database can then be read at rest.</summary>
    public Task<int> StopAsync() => Process.StopAsync();

    /// <summary>Opens the appliance's database from this process (WAL: safe while the appliance runs).</summary>
    public ContactCenterDatabase OpenDatabase() => ContactCenterDatabase.Open(DataDirectory, TimeProvider.System);

    /// <summary>The output of <c>contactcenter status</c> on the data directory.</summary>
    public async Task<IReadOnlyList<string>> StatusAsync()
    {
        var status = await ApplianceProcess.RunToExitAsync(["status", "--data", DataDirectory]);
        return status.ExitCode == 0
            ? status.StandardOutput
            : throw new InvalidOperationException($"contactcenter status exited with {status.ExitCode}: {string.Join('\n', status.StandardError)}");
    }

    /// <summary>The appliance's console log and, for each agent, its events and SIP trace: what a failure message needs.</summary>
    public string Describe(params BaresipAgent[] agents) =>
        $"{string.Concat(agents.Select(a => a.Describe()))}{Log()}";

    /// <summary>Starts a baresip agent (no account yet) whose own failure messages end with this appliance's console log.</summary>
    public async Task<BaresipAgent> StartAgentAsync(string name, int toneHertz)
    {
        var agent = await BaresipAgent.StartAsync(name, toneHertz);
        agent.FailureContext = Log;
        return agent;
    }

    /// <summary>As <see cref="StartAgentAsync(string, int)"/>, with <paramref name="microphone"/> (a WAV file) as what it sends.</summary>
    public async Task<BaresipAgent> StartAgentAsync(string name, string microphone)
    {
        var agent = await BaresipAgent.StartAsync(name, microphone);
        agent.FailureContext = Log;
        return agent;
    }

    private string Log() => $"--- contactcenter stderr ---\n{string.Join('\n', Process.StandardError)}\n";

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Process.DisposeAsync();
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static async Task<string> AddExtensionAsync(string data, string number)
    {
        var add = await ApplianceProcess.RunToExitAsync(["users", "add", number, "--name", $"Poste {number}", "--data", data]);
        var line = add.StandardOutput.FirstOrDefault(l => l.StartsWith("password: ", StringComparison.Ordinal));
        return add.ExitCode == 0 && line is not null
            ? line["password: ".Length..]
            : throw new InvalidOperationException($"users add {number} exited with {add.ExitCode}: {string.Join('\n', add.StandardError)}");
    }

    private static async Task<ApplianceProcess> LaunchAsync(string data, string config, int sipPort)
    {
        var process = ApplianceProcess.Launch(
            ["--data", data, "--bind", "127.0.0.1", "--sip-port", sipPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--config", config],
            data);
        try
        {
            await process.WaitForReadyAsync();
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    // Keys use the configuration's "Section:Key" form; the file nests them.
    private static string ConfigJson(IReadOnlyDictionary<string, string>? settings)
    {
        var all = new Dictionary<string, string> { ["Registrar:DigestAlgorithms"] = "MD5" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var root = new JsonObject();
        foreach (var (key, value) in all)
        {
            var path = key.Split(':');
            var node = root;
            foreach (var section in path[..^1])
            {
                node = node[section] as JsonObject ?? (JsonObject)(node[section] = new JsonObject());
            }

            node[path[^1]] = value;
        }

        return root.ToJsonString();
    }
}
