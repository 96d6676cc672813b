using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Data;
using ContactCenter.Data.Repositories;
using ContactCenter.Firmware.CommandLine;
using ContactCenter.Firmware.Hosting;
using ContactCenter.Pbx.Presence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Panel.LatencyBench;

/// <summary>
/// Issue #5 §6: the appliance in this process (the real composition, simulated front panel), WATCHERS phones each
/// subscribed to the dialog package of every called extension, and CALLS concurrent calls ringing, answered and hung up
/// ROUNDS times. Prints p50/p99 from each presence change to each NOTIFY's arrival at a watcher's socket. Every phone
/// is on loopback; the run is bounded by ROUNDS and by the 10 s answer timeout of each request.
/// </summary>
internal static partial class Program
{
    private const string Password = "bench-Pw-7319";
    private const int CallerBase = 2000;
    private const int CalleeBase = 3000;
    private const int WatcherBase = 4000;

    private static async Task<int> Main(string[] args)
    {
        var watchers = Option(args, "--watchers", 50);
        var calls = Option(args, "--calls", 20);
        var rounds = Option(args, "--rounds", 10);
        var data = Directory.CreateTempSubdirectory("cc-panel-bench-").FullName;
        try
        {
            var realm = Seed(data, calls, watchers);
            var settings = new ApplianceSettings { DataDirectory = data, SipPort = 0, RtpPorts = (41000, 41999) };
            settings.BindAddresses.Add(IPAddress.Loopback);
            Console.WriteLine($"panel latency: {watchers} watchers x {calls} watched extensions, {calls} concurrent calls x {rounds} rounds");
            using var host = ApplianceHost.Build(settings, null, new Serilog.LoggerConfiguration().CreateLogger());
            var probe = new PresenceProbe();
            // First observer: the moment of the change, before the NOTIFY fan-out and the panel see it.
            host.Services.GetRequiredService<PresenceModel>().AddObserver(probe.OnChanged);
            await host.StartAsync().ConfigureAwait(false);
            var sipPort = int.Parse(SipPortPattern().Match(host.Services.GetRequiredService<ReadyLine>().Pairs()).Groups[1].Value, CultureInfo.InvariantCulture);
            var appliance = new IPEndPoint(IPAddress.Loopback, sipPort);

            var callers = Phones(CallerBase, calls, realm, appliance);
            var callees = Phones(CalleeBase, calls, realm, appliance);
            var watcherPhones = Phones(WatcherBase, watchers, realm, appliance);
            foreach (var callee in callees)
            {
                Expect(await callee.RegisterAsync().ConfigureAwait(false), 200, "REGISTER");
                callee.OnInvite = RingThenAnswerAsync;
            }
            foreach (var watcher in watcherPhones)
            {
                await Task.WhenAll(callees.Select(async c => Expect(await watcher.SubscribeDialogAsync(c.Extension).ConfigureAwait(false), 200, "SUBSCRIBE")))
                    .ConfigureAwait(false);
            }
            await QuietAsync(watcherPhones).ConfigureAwait(false);
            foreach (var watcher in watcherPhones)
            {
                watcher.Notifies.Clear();
            }

            for (var round = 0; round < rounds; round++)
            {
                await Task.WhenAll(callers.Select((caller, i) => OneCallAsync(caller, callees[i].Extension))).ConfigureAwait(false);
            }
            await QuietAsync(watcherPhones).ConfigureAwait(false);

            var notify = new Percentiles("presence change -> NOTIFY at the watcher's socket");
            var unmatched = 0;
            foreach (var watcher in watcherPhones)
            {
                foreach (var (at, body) in watcher.Notifies)
                {
                    var extension = EntityPattern().Match(body).Groups[1].Value;
                    var states = string.Join(',', StatePattern().Matches(body).Select(m => m.Groups[1].Value));
                    if (probe.ChangeBefore(extension, states, at) is { } changed)
                    {
                        notify.Add(Stopwatch.GetElapsedTime(changed, at).TotalMilliseconds);
                    }
                    else
                    {
                        unmatched++;
                    }
                }
            }
            Console.WriteLine(notify);
            Console.WriteLine($"NOTIFYs without a matching change: {unmatched}; NOTIFY retransmissions received: {watcherPhones.Sum(w => w.RetransmittedNotifies)}");

            foreach (var phone in callers.Concat(callees).Concat(watcherPhones))
            {
                await phone.DisposeAsync().ConfigureAwait(false);
            }
            await host.StopAsync().ConfigureAwait(false);
            return unmatched == 0 && notify.Count > 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    // A call rings for a moment, is answered, talks for a moment and is hung up: four presence changes of the callee.
    private static async Task OneCallAsync(BenchPhone caller, string callee)
    {
        var call = await caller.CallAsync(callee, 9).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(50, 250))).ConfigureAwait(false);
        await caller.HangUpAsync(call).ConfigureAwait(false);
    }

    private static async Task RingThenAnswerAsync(IncomingCall call)
    {
        call.Ring();
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(50, 250))).ConfigureAwait(false);
        call.Answer(9);
        call.Invite.Dispose();
    }

    // The NOTIFY flow has settled when no watcher received anything for a whole second.
    private static async Task QuietAsync(IReadOnlyList<BenchPhone> watchers)
    {
        var last = -1;
        for (var i = 0; i < 60; i++)
        {
            var count = watchers.Sum(w => w.Notifies.Count);
            if (count == last)
            {
                return;
            }
            last = count;
            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
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
        var realm = new SettingsRepository(database).SipRealm();
        return realm;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    [GeneratedRegex("sip=([0-9]+)")]
    private static partial Regex SipPortPattern();

    [GeneratedRegex("entity=\"sip:([0-9]+)@")]
    private static partial Regex EntityPattern();

    [GeneratedRegex("<state[^>]*>([a-z]+)</state>")]
    private static partial Regex StatePattern();
}
