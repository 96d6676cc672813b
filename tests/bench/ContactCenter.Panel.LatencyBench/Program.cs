using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Data;
using System.Collections.Concurrent;
using ContactCenter.Board.Leds;
using ContactCenter.Board.Simulated;
using ContactCenter.Data.Repositories;
using ContactCenter.Firmware.CommandLine;
using ContactCenter.Firmware.Hosting;
using ContactCenter.Firmware.Panel;
using ContactCenter.Pbx.Presence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Panel.LatencyBench;

/// <summary>
/// Issue #5 §6: the appliance in this process (the real composition, simulated front panel), WATCHERS phones in a
/// process of their own (<see cref="WatcherProcess"/>) each subscribed to the dialog package of every called extension,
/// and CALLS concurrent calls ringing, answered and hung up ROUNDS times after one warm-up round. Prints p50/p99 from each presence change to each NOTIFY's arrival at a watcher's socket and to each
/// busy lamp's change on the simulated panel (keys 1-15 watch the first 15 called extensions), then PRESSES key presses
/// (click-to-call from the receptionist) from the debounced press to the INVITE's arrival at the receptionist's phone.
/// Every phone is on loopback; the run is bounded by ROUNDS, PRESSES and the 10 s answer timeout of each request.
/// </summary>
internal static partial class Program
{
    private const string Password = "bench-Pw-7319";
    private const int CallerBase = 2000;
    private const int CalleeBase = 3000;
    private const int WatcherBase = 4000;
    // The receptionist the panel acts for, and the idle extension its speed-test key calls (click-to-call).
    private const string Receptionist = "5000";
    private const string KeyTarget = "5001";
    private const string KeyUnderTest = "key16";
    private const int LampKeys = 15;
    // The simulated board's keys settle in 20 ms: a tapped press that ended longer ago is debounced at once.
    private static readonly TimeSpan TapSettled = TimeSpan.FromMilliseconds(50);

    private static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == WatcherProcess.Flag)
        {
            return await WatcherProcess.RunAsync(args).ConfigureAwait(false);
        }
        var watchers = Option(args, "--watchers", 50);
        var calls = Option(args, "--calls", 20);
        var rounds = Option(args, "--rounds", 10);
        var presses = Option(args, "--presses", 50);
        // 0: every call of a round starts at once (the worst burst); else starts spread over that many ms.
        var stagger = Option(args, "--stagger-ms", 0);
        // How long phones ring and talk: between a fifth of this and this.
        var hold = Option(args, "--hold-ms", 250);
        var data = Directory.CreateTempSubdirectory("cc-panel-bench-").FullName;
        try
        {
            var realm = Seed(data, calls, watchers);
            var settings = new ApplianceSettings { DataDirectory = data, SipPort = 0, RtpPorts = (41000, 41999) };
            settings.BindAddresses.Add(IPAddress.Loopback);
            Console.WriteLine($"panel latency: {watchers} watchers x {calls} watched extensions, {calls} concurrent calls x {rounds} rounds " +
                $"(after 1 warm-up round), starts spread over {stagger} ms, ring and talk {hold / 5}-{hold} ms");
            using var host = ApplianceHost.Build(settings, null, new Serilog.LoggerConfiguration().CreateLogger());
            var probe = new PresenceProbe();
            // First observer: the moment of the change, before the NOTIFY fan-out and the panel see it.
            host.Services.GetRequiredService<PresenceModel>().AddObserver(probe.OnChanged);
            await host.StartAsync().ConfigureAwait(false);
            var panel = host.Services.GetRequiredService<FrontPanel>();
            var lamps = new ConcurrentQueue<PanelLedChange>();
            panel.LedChanged += (_, change) => lamps.Enqueue(change);
            var sipPort = int.Parse(SipPortPattern().Match(host.Services.GetRequiredService<ReadyLine>().Pairs()).Groups[1].Value, CultureInfo.InvariantCulture);
            var appliance = new IPEndPoint(IPAddress.Loopback, sipPort);

            var callers = Phones(CallerBase, calls, realm, appliance);
            var callees = Phones(CalleeBase, calls, realm, appliance);
            foreach (var callee in callees)
            {
                Expect(await callee.RegisterAsync().ConfigureAwait(false), 200, "REGISTER");
                callee.OnInvite = call => RingThenAnswerAsync(call, hold);
            }
            using var watching = await WatcherProcess.StartAsync(appliance, realm, Password, WatcherBase, watchers, callees.Select(c => c.Extension))
                .ConfigureAwait(false);

            long allocated = 0;
            var collections = (0, 0, 0);
            // One round first, unmeasured: the JIT compiles the paths and the thread pool finds its size.
            for (var round = 0; round <= rounds; round++)
            {
                await Task.WhenAll(callers.Select((caller, i) => OneCallAsync(caller, callees[i].Extension, stagger, hold))).ConfigureAwait(false);
                if (round == 0)
                {
                    await WatcherProcess.ClearAsync(watching).ConfigureAwait(false);
                    probe.Clear();
                    lamps.Clear();
                    allocated = GC.GetTotalAllocatedBytes(precise: true);
                    collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                }
            }
            var (notifies, retransmissions) = await WatcherProcess.DumpAsync(watching).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"this process (appliance and call phones) over the measured rounds: {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F1} MB allocated, " +
                $"GCs gen0/1/2: {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}, " +
                $"{GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused in all"));

            var lamp = new Percentiles("presence change -> busy lamp's new pattern");
            foreach (var change in lamps)
            {
                if (LampExtension(change.LedId, calls) is { } extension
                    && probe.ChangeBefore(extension, ActivityOf(change.Pattern), change.Timestamp) is { } changed)
                {
                    lamp.Add(Stopwatch.GetElapsedTime(changed, change.Timestamp).TotalMilliseconds);
                }
            }
            Console.WriteLine(lamp);

            var notify = new Percentiles("presence change -> NOTIFY at the watcher's socket");
            var unmatched = 0;
            foreach (var (at, extension, states) in notifies)
            {
                if (probe.ChangeBefore(extension, states, at) is { } changed)
                {
                    notify.Add(Stopwatch.GetElapsedTime(changed, at).TotalMilliseconds);
                }
                else
                {
                    unmatched++;
                }
            }
            Console.WriteLine(notify);
            Console.WriteLine($"NOTIFYs without a matching change: {unmatched}; NOTIFY retransmissions received: {retransmissions}");

            var key = await MeasureKeysAsync(panel, host.Services.GetRequiredService<SimulatedGpioLines>(), realm, appliance, presses).ConfigureAwait(false);
            Console.WriteLine(key);

            foreach (var phone in callers.Concat(callees))
            {
                await phone.DisposeAsync().ConfigureAwait(false);
            }
            await host.StopAsync().ConfigureAwait(false);
            return unmatched == 0 && notify.Count > 0 && lamp.Count > 0 && key.Count == presses ? 0 : 1;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    // The receptionist's phone refuses each call (486), so each click-to-call ends at its first message.
    private static async Task<Percentiles> MeasureKeysAsync(FrontPanel panel, SimulatedGpioLines board, string realm, IPEndPoint appliance, int presses)
    {
        var result = new Percentiles("debounced key press -> its first SIP message at the receptionist's phone");
        await using var receptionist = new BenchPhone(Receptionist, Password, realm, appliance);
        await using var target = new BenchPhone(KeyTarget, Password, realm, appliance);
        Expect(await receptionist.RegisterAsync().ConfigureAwait(false), 200, "REGISTER");
        Expect(await target.RegisterAsync().ConfigureAwait(false), 200, "REGISTER");
        var pressed = new ConcurrentQueue<long>();
        panel.KeyPressed += (_, press) => pressed.Enqueue(press.Timestamp);
        var line = panel.Profile.Keys.First(k => k.Id == KeyUnderTest).Line.Offset;
        for (var i = 0; i < presses; i++)
        {
            var invited = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            receptionist.OnInvite = call =>
            {
                call.Decline();
                invited.TrySetResult(call.ReceivedAt);
                return Task.CompletedTask;
            };
            board.Tap(line, TimeSpan.FromMilliseconds(100), TapSettled);
            var at = await invited.Task.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            if (pressed.TryDequeue(out var press))
            {
                result.Add(Stopwatch.GetElapsedTime(press, at).TotalMilliseconds);
            }
            // Let the refused call end before the next press (the key would otherwise transfer a call in progress).
            await Task.Delay(TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
        }
        return result;
    }

    // Keys 1-15 watch the first 15 called extensions (LED blfN with key N).
    private static string? LampExtension(string ledId, int calls) =>
        ledId.StartsWith("blf", StringComparison.Ordinal) && int.TryParse(ledId.AsSpan(3), CultureInfo.InvariantCulture, out var n)
            && n <= Math.Min(LampKeys, calls)
            ? (CalleeBase + n - 1).ToString(CultureInfo.InvariantCulture)
            : null;

    private static ExtensionActivity ActivityOf(LedPattern pattern) =>
        pattern == LedPalette.Ringing ? ExtensionActivity.Ringing : pattern == LedPalette.Idle ? ExtensionActivity.Idle : ExtensionActivity.InUse;

    // A call rings for a moment, is answered, talks for a moment and is hung up: four presence changes of the callee.
    private static async Task OneCallAsync(BenchPhone caller, string callee, int stagger, int hold)
    {
        if (stagger > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(stagger))).ConfigureAwait(false);
        }
        var call = await caller.CallAsync(callee, 9).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(hold / 5, hold))).ConfigureAwait(false);
        await caller.HangUpAsync(call).ConfigureAwait(false);
    }

    private static async Task RingThenAnswerAsync(IncomingCall call, int hold)
    {
        call.Ring();
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(hold / 5, hold))).ConfigureAwait(false);
        call.Answer(9);
        call.Invite.Dispose();
    }

    private static List<BenchPhone> Phones(int first, int count, string realm, IPEndPoint appliance) =>
        Enumerable.Range(first, count).Select(n => new BenchPhone(n.ToString(CultureInfo.InvariantCulture), Password, realm, appliance)).ToList();

    private static void Expect(Sip.Messages.SipMessage response, int status, string what)
    {
        using (response)
        {
            if (response.StatusCode != status)
            {
                throw new InvalidOperationException($"{what}: {response.StatusCode} {response.ReasonPhrase}");
            }
        }
    }

    private static string Seed(string data, int calls, int watchers)
    {
        var database = ContactCenterDatabase.Open(data, TimeProvider.System);
        var extensions = new ExtensionRepository(database);
        foreach (var (first, count) in new[] { (CallerBase, calls), (CalleeBase, calls), (WatcherBase, watchers) })
        {
            for (var n = first; n < first + count; n++)
            {
                var number = n.ToString(CultureInfo.InvariantCulture);
                if (extensions.Add(new NewExtension(number, $"Bench {number}", Password)) != ChangeResult.Done)
                {
                    throw new InvalidOperationException($"could not add extension {number}");
                }
            }
        }
        foreach (var number in new[] { Receptionist, KeyTarget })
        {
            if (extensions.Add(new NewExtension(number, $"Bench {number}", Password)) != ChangeResult.Done)
            {
                throw new InvalidOperationException($"could not add extension {number}");
            }
        }
        // The panel as an admin would set it: the receptionist, busy lamps of the called extensions, one key under test.
        var panel = new PanelRepository(database);
        var settings = new SettingsRepository(database);
        settings.Set(PanelRepository.SeededKey, "bench");
        Check(panel.SetReceptionist(Receptionist));
        for (var n = 1; n <= Math.Min(LampKeys, calls); n++)
        {
            Check(panel.SetKey(new PanelKeyBinding($"key{n}", PanelKeyAction.BusyLamp, (CalleeBase + n - 1).ToString(CultureInfo.InvariantCulture))));
        }
        Check(panel.SetKey(new PanelKeyBinding(KeyUnderTest, PanelKeyAction.BusyLamp, KeyTarget)));
        var realm = settings.SipRealm();
        return realm;
    }

    private static void Check(SettingChange change)
    {
        if (!change.Succeeded)
        {
            throw new InvalidOperationException(change.Error);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    [GeneratedRegex("sip=([0-9]+)")]
    private static partial Regex SipPortPattern();

}
