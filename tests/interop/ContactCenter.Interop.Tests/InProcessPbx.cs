using System.Net;
using ContactCenter.Data;
using ContactCenter.Data.Repositories;
using ContactCenter.Data.Snapshots;
using ContactCenter.Media.Clock;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Relay;
using ContactCenter.Pbx.Calls;
using ContactCenter.Pbx.Commands;
using ContactCenter.Pbx.Parking;
using ContactCenter.Pbx.Presence;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// The PBX in the test process, composed as the firmware composes it (registrar, B2BUA with relay, parking on real media
/// endpoints and hold music on a real media clock, presence) on real loopback sockets and the system clock, so that
/// real baresip phones can be driven through the call commands, which nothing outside the process reaches yet (the
/// front panel and the web console will). Digest is MD5 only, as baresip 1.0 needs (see <see cref="BaresipAgent"/>).
/// </summary>
public sealed class InProcessPbx : IAsyncDisposable
{
    /// <summary>Every extension's SIP password.</summary>
    public const string Password = "interop-secret-1";

    private readonly string _directory;
    private readonly ContactCenterDatabase _database;
    private readonly ExtensionDirectory _extensions;
    private readonly SipRegistrar _registrar;
    private readonly SipStack _stack;
    private readonly SipTransportLayer _transport;
    private readonly RtpRelay _relay;
    private readonly MediaClock _clock;
    private readonly CallRecordWriter _records;
    private readonly CallRouter _router;
    private Task _dispatcher = Task.CompletedTask;

    private InProcessPbx(string[] extensions)
    {
        var time = TimeProvider.System;
        _directory = Directory.CreateTempSubdirectory("cc-inprocess-").FullName;
        _database = ContactCenterDatabase.Open(_directory, time);
        var repository = new ExtensionRepository(_database);
        foreach (var number in extensions)
        {
            repository.Add(new NewExtension(number, "Ext " + number, Password));
        }
        _extensions = new ExtensionDirectory(_database, time);
        _registrar = new SipRegistrar(new RegistrarOptions { DigestAlgorithms = "MD5" }, _database, _extensions, time);
        var stackOptions = new SipStackOptions();
        stackOptions.Allow.Add("REGISTER");
        stackOptions.Allow.Add("UPDATE");
        stackOptions.Allow.Add("INFO");
        stackOptions.SupportedExtensions.Add("timer");
        _stack = new SipStack(stackOptions, Logs, time);
        var transportOptions = new SipTransportOptions { Port = 0 };
        transportOptions.BindAddresses.Add(IPAddress.Loopback);
        _transport = new SipTransportLayer(transportOptions, _stack.Receive, Logs, time);
        var first = 20000 + (2 * Random.Shared.Next(0, 5900));
        _relay = new RtpRelay(new RtpRelayOptions { BindAddress = IPAddress.Loopback, PortRangeStart = first, PortRangeEnd = first + 63 },
            time, Logs);
        _clock = new MediaClock(time, Logs.CreateLogger<MediaClock>());
        var endpoints = new MediaEndpointFactory(_relay.Ports, IPAddress.Loopback, _clock, time, Logs);
        var music = new MusicOnHoldLibrary(_clock, new AudioClipCache(TimeSpan.FromMinutes(5)));
        _records = new CallRecordWriter(_database);
        Presence = new PresenceModel(Logs.CreateLogger<PresenceModel>());
        _router = new CallRouter(new CallOptions(), _stack, _relay, _records, _registrar, _extensions, time, Logs,
            presence: Presence, parking: new ParkingServices(endpoints, music));
        Commands = new CallCommands(_router);
    }

    /// <summary>Everything the PBX logged, for failure messages.</summary>
    public FakeLoggerFactory Logs { get; } = new();

    /// <summary>The PBX's log, one line per entry.</summary>
    public string Log() => string.Join('\n', Logs.Entries.Select(e => $"{e.Level} {e.EventId.Id} {e.Message} {e.Exception}"));

    /// <summary>The SIP port on 127.0.0.1 (UDP).</summary>
    public int SipPort => _transport.Port;

    /// <summary>The call commands on this PBX's calls.</summary>
    public ICallCommands Commands { get; }

    /// <summary>The presence model the calls report to.</summary>
    public PresenceModel Presence { get; }

    /// <summary>Starts a PBX with <paramref name="extensions"/> (password <see cref="Password"/>).</summary>
    public static async Task<InProcessPbx> StartAsync(params string[] extensions)
    {
        var pbx = new InProcessPbx(extensions);
        await pbx._transport.StartAsync(CancellationToken.None);
        pbx._stack.Start(pbx._transport);
        pbx._extensions.Start();
        pbx._registrar.Start();
        pbx._clock.Start();
        pbx._dispatcher = Task.Run(pbx.DispatchAsync);
        return pbx;
    }

    /// <summary>Starts a baresip agent sending a tone and registers it as <paramref name="number"/>.</summary>
    public async Task<BaresipAgent> PhoneAsync(string name, string number, int toneHertz, bool autoAnswer)
    {
        var agent = await BaresipAgent.StartAsync(name, toneHertz);
        agent.FailureContext = () => $"--- in-process PBX log ---\n{Log()}\n";
        try
        {
            await agent.RegisterAsync(SipPort, number, Password, tcp: false, autoAnswer);
            await agent.WaitUntilRegisteredAsync();
            return agent;
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _router.StopAsync();
        await _stack.DisposeAsync();
        await _dispatcher;
        await _transport.DisposeAsync();
        await _records.DisposeAsync();
        await _registrar.DisposeAsync();
        _extensions.Dispose();
        await _clock.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    // As the firmware's RequestDispatcher: REGISTER to the registrar, the rest to the router.
    private async Task DispatchAsync()
    {
        await foreach (var transaction in _stack.Requests.ReadAllAsync())
        {
            await (transaction.Request.Method == SipMethod.Register ? _registrar.HandleAsync(transaction) : _router.HandleAsync(transaction));
        }
    }
}
