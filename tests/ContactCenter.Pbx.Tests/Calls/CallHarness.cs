using System.Collections.Concurrent;
using System.Diagnostics;
using ContactCenter.Data.Repositories;
using ContactCenter.Media.Relay;
using ContactCenter.Pbx.Calls;
using ContactCenter.Pbx.Features;
using ContactCenter.Pbx.Parking;
using ContactCenter.Pbx.Presence;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Pbx.Tests.Registrar;
using ContactCenter.Sip;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Fakes;
using Microsoft.Extensions.Logging;

using Xunit;

namespace ContactCenter.Pbx.Tests.Calls;

/// <summary>
/// The B2BUA as the firmware runs it, minus the sockets of SIP: the real <see cref="SipStack"/> on the fake network and
/// fake clock, the registrar and a real SQLite file (<see cref="RegistrarHarness"/>), a real <see cref="RtpRelay"/> on
/// loopback (on the same fake clock), the real <see cref="CallRecordWriter"/> and the <see cref="CallRouter"/>, with a
/// dispatcher that hands REGISTER to the registrar and everything else to the router, as RequestDispatcher does.
/// Phones: Alice (201), Bob (202), Bob's softphone (202, when asked for), Carol (203), each registered from its own
/// address; the harness routes what the stack sends to the phone at the destination address.
/// </summary>
public sealed class CallHarness : IAsyncDisposable
{
    public const string Password = RegistrarHarness.Password;

    private readonly ConcurrentQueue<string> _faults = new();
    private readonly ConcurrentQueue<FakeSipNetwork.Sent> _unrouted = new();
    private readonly Dictionary<int, FakeUa> _phones = [];
    private Task _dispatcher = Task.CompletedTask;

    private CallHarness(CallOptions options, TimeSpan? noMediaTimeout, int relayPairs, FeatureServices? features, ParkingServices? parking)
    {
        Registrar = new RegistrarHarness(configureStack: o =>
        {
            // As the firmware configures its stack (ApplianceHost.AddSip).
            o.Allow.Add("UPDATE");
            o.Allow.Add("INFO");
            o.SupportedExtensions.Add("timer");
            // RFC 3891: phones picking up from a BLF key send Require: replaces.
            o.SupportedExtensions.Add("replaces");
        }).WithExtensions("201", "202", "203").Started();
        Options = options;
        Alice = Phone("Alice", "201", 5071);
        Bob = Phone("Bob", "202", 5072);
        BobSoftphone = Phone("Bob's softphone", "202", 5073);
        Carol = Phone("Carol", "203", 5074);
        Relay = Media.Tests.Fakes.TestRelay.Create(Media.Tests.Fakes.TestRelay.Options(relayPairs, noMediaTimeout), Time);
        Records = new CallRecordWriter(Registrar.Database);
        Clock = new CallClock(Time);
        Presence = new PresenceModel(Logs.CreateLogger<PresenceModel>());
        Router = new CallRouter(options, Stack, Relay, Records, Registrar.Registrar, Registrar.Directory, Clock, Logs, features, Presence, parking);
    }

    public RegistrarHarness Registrar { get; }

    public CallOptions Options { get; }

    public SipStack Stack => Registrar.Sip.Stack;

    public FakeTimeProvider Time => Registrar.Time;

    /// <summary>The router's view of <see cref="Time"/>, recording the timers calls arm.</summary>
    public CallClock Clock { get; }

    public RtpRelay Relay { get; }

    public CallRecordWriter Records { get; }

    public CallRouter Router { get; }

    /// <summary>The presence model the calls report to.</summary>
    public PresenceModel Presence { get; }

    public FakeLoggerFactory Logs { get; } = new();

    public FakeUa Alice { get; }

    public FakeUa Bob { get; }

    public FakeUa BobSoftphone { get; }

    public FakeUa Carol { get; }

    /// <summary>
    /// Starts the harness: Alice, Bob and Carol registered (and Bob's softphone with <paramref name="bobSoftphone"/>).
    /// <paramref name="noMediaTimeout"/> is the relay's (infinite unless given); its range holds <paramref name="relayPairs"/> RTP/RTCP pairs.
    /// With <paramref name="features"/>, feature codes reach those endpoints and applications; with <paramref name="parking"/>, calls can be parked.
    /// </summary>
    public static async Task<CallHarness> StartAsync(CallOptions? options = null, bool bobSoftphone = false, TimeSpan? noMediaTimeout = null,
        bool registerBob = true, int relayPairs = 16, FeatureServices? features = null, ParkingServices? parking = null)
    {
        var harness = new CallHarness(options ?? new CallOptions(), noMediaTimeout, relayPairs, features, parking);
        await harness.RegisterAsync(harness.Alice);
        if (registerBob)
        {
            await harness.RegisterAsync(harness.Bob);
        }
        if (bobSoftphone)
        {
            await harness.RegisterAsync(harness.BobSoftphone);
        }
        await harness.RegisterAsync(harness.Carol);
        harness.Registrar.Sip.Network.Tap = harness.Route;
        harness._dispatcher = Task.Run(harness.DispatchAsync);
        return harness;
    }

    /// <summary>
    /// Waits until the SIP loop has run everything posted so far. A transaction starts its timers right after it hands
    /// its message to the network, so a phone can see the message before Timer B, F or L runs: settle before advancing
    /// the clock past them.
    /// </summary>
    public Task StackSettledAsync() => Stack.InvokeAsync(() => 0);

    /// <summary>Advances the fake clock (firing SIP, call, session and relay timers due on the way).</summary>
    public void Advance(TimeSpan delta) => Time.Advance(delta);

    /// <summary>
    /// Waits until every call actor has ended (the router tracks none), passing through the SIP loop between looks, then
    /// flushes the record writer. Fails the test after <see cref="FakeUa.ExpectTimeout"/>.
    /// </summary>
    public async Task CallsEndedAsync()
    {
        var clock = Stopwatch.StartNew();
        while (Router.ActiveCalls > 0)
        {
            Assert.True(clock.Elapsed < FakeUa.ExpectTimeout, $"{Router.ActiveCalls} call(s) never ended");
            await Stack.InvokeAsync(() => 0);
        }
        await Records.FlushAsync();
    }

    /// <summary>One phone hangs up (its BYE answered 200), the other gets the B2BUA's BYE and answers it; the call is then over.</summary>
    public async Task HangUpAsync(PhoneCall hangingUp, PhoneCall other)
    {
        await hangingUp.HangUpAsync();
        await other.ByeAsync();
        await CallsEndedAsync();
    }

    /// <summary>The B2BUA hangs up both phones (each BYE answered 200); the call is then over.</summary>
    public async Task HungUpByTheApplianceAsync(PhoneCall first, PhoneCall second)
    {
        await first.ByeAsync();
        await second.ByeAsync();
        await CallsEndedAsync();
    }

    /// <summary>
    /// After <see cref="CallsEndedAsync"/>: nothing leaked (calls, dialogs, relay sessions and ports), nothing faulted
    /// (SIP loop, dispatcher, call steps), and every message had a phone to go to.
    /// </summary>
    public void AssertNothingLeaked()
    {
        Assert.Equal(0, Router.ActiveCalls);
        Assert.Equal(0, Stack.Dialogs.Count);
        Assert.Equal(0, Relay.ActiveSessions);
        Assert.Equal(0, Relay.Ports.InUse);
        Assert.Empty(Clock.Pending);
        Assert.Equal(0, Stack.LoopFaults);
        Assert.Empty(_faults);
        Assert.Empty(_unrouted);
        Assert.DoesNotContain(Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    /// <summary>The record of the call whose caller leg had <paramref name="callId"/> (flushed by <see cref="CallsEndedAsync"/>).</summary>
    public CallRecord Record(string callId) =>
        Assert.Single(new CallRecordRepository(Registrar.Database).ListRecent(), r => r.CallId == callId);

    /// <summary>Checks how the record of the call with <paramref name="callId"/> was closed; returns it for further checks.</summary>
    public CallRecord AssertRecord(string callId, CallStatus status, HangupParty hangupBy, string? endReason)
    {
        var record = Record(callId);
        Assert.Equal(status, record.Status);
        Assert.Equal(hangupBy, record.HangupBy);
        Assert.Equal(endReason, record.EndReason);
        Assert.False(record.IsOpen);
        return record;
    }

    /// <summary>Sets an extension's status (DND…) through the repository, as the admin UI does.</summary>
    public void SetStatus(string extension, ExtensionStatus status) =>
        new ExtensionRepository(Registrar.Database).SetStatus(extension, status);

    public async ValueTask DisposeAsync()
    {
        await Stack.DisposeAsync();
        await _dispatcher;
        await Records.DisposeAsync();
        foreach (var phone in _phones.Values)
        {
            phone.Dispose();
        }
        await Registrar.DisposeAsync();
    }

    private FakeUa Phone(string name, string extension, int port)
    {
        var phone = new FakeUa(Stack, name, extension, port);
        _phones[port] = phone;
        return phone;
    }

    private async Task RegisterAsync(FakeUa phone)
    {
        var ok = await new FakePhone(phone.Extension, Password, phone.Contact).RegisterAsync(Registrar, expires: 3600, from: phone.EndPoint);
        Assert.Equal(200, ok.StatusCode);
    }

    private void Route(FakeSipNetwork.Sent sent)
    {
        if (sent.Remote.Address.Equals(System.Net.IPAddress.Loopback) && _phones.TryGetValue(sent.Remote.Port, out var phone))
        {
            phone.Accept(sent.Message);
            return;
        }
        _unrouted.Enqueue(sent);
    }

    // As the firmware's RequestDispatcher: REGISTER to the registrar, the rest to the router.
    private async Task DispatchAsync()
    {
        await foreach (var transaction in Stack.Requests.ReadAllAsync())
        {
            try
            {
                await (transaction.Request.Method == SipMethod.Register ? Registrar.Registrar.HandleAsync(transaction) : Router.HandleAsync(transaction));
            }
#pragma warning disable CA1031 // Reported by AssertNothingLeaked.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _faults.Enqueue($"{transaction.Request.MethodName}: {exception}");
            }
        }
    }
}
