using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ContactCenter.Board.Leds;
using ContactCenter.Firmware.Panel;
using Xunit;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// Issue #5 §7: a BLF watch from a real SIP peer. sipp subscribes to the dialog package of extension 101 (as a desk
/// phone's BLF key would, with digest auth) and is notified of a real call between two baresip phones through the
/// appliance: ringing (early), answered (confirmed), hung up (terminated), with the caller's identity for pickup. The
/// same presence drives the simulated front panel: the busy lamp of 101 blinks, then is lit, then goes dark.
/// </summary>
[Collection(ApplianceCollection.Name)]
public sealed partial class DialogSubscriptionTests
{
    private const string Caller = "100";
    private const string Watched = "101";
    private const string Watcher = "102";

    // First-start panel defaults: 100 is the receptionist and the first key is the busy lamp of the next extension.
    private const string WatchedLamp = "blf1";
    private static readonly TimeSpan LampTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SippWatching101_IsNotifiedEarlyConfirmedTerminated_AndItsLampBlinksThenLightsThenGoesDark_OnARealCall()
    {
        await using var appliance = await InProcessAppliance.StartAsync([Caller, Watched, Watcher]);
        var lamp = new ObservedList<LedPattern>();
        appliance.Service<FrontPanel>().LedChanged += (_, change) =>
        {
            if (change.LedId == WatchedLamp)
            {
                lamp.Add(change.Pattern);
            }
        };
        await using var alice = await appliance.StartAgentAsync("alice", 1000);
        await using var bob = await appliance.StartAgentAsync("bob", 600);
        await alice.RegisterAsync(appliance.SipPort, Caller, appliance.Password(Caller), tcp: false);
        await bob.RegisterAsync(appliance.SipPort, Watched, appliance.Password(Watched), tcp: false, autoAnswer: false);
        await alice.WaitUntilRegisteredAsync();
        await bob.WaitUntilRegisteredAsync();

        using var signal = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var work = Directory.CreateTempSubdirectory("cc-sipp-inf-").FullName;
        try
        {
            var injection = Path.Combine(work, "watch.csv");
            await File.WriteAllLinesAsync(injection,
            [
                "SEQUENTIAL",
                $"{Watcher};{Watched};[authentication username={Watcher} password={appliance.Password(Watcher)}];{((IPEndPoint)signal.Client.LocalEndPoint!).Port}",
            ]);
            var watch = Sipp.RunAsync("subscribe_dialog.xml", appliance.SipPort, injectionFile: injection, authUri: $"{Watched}@127.0.0.1:{appliance.SipPort}");
            // sipp's datagram says its first NOTIFY is in: the watch is in place before the call starts.
            var subscribed = signal.ReceiveAsync();
            if (await Task.WhenAny(subscribed, watch) != subscribed)
            {
                Assert.Fail($"sipp ended before its watch was in place:\n{await watch}{appliance.Log()}");
            }

            await alice.DialExtensionAsync(Watched);
            await bob.WaitForIncomingCallAsync();
            await bob.AcceptAsync();
            await alice.WaitForEstablishedAsync();
            await bob.WaitForEstablishedAsync();
            await alice.HangUpAsync();
            await bob.WaitForClosedAsync();
            Assert.True(await lamp.WaitAsync(p => p == LedPalette.Idle, LampTimeout) is not null, $"lamp {WatchedLamp}: {string.Join(", ", lamp.Snapshot())}");
            Assert.Equal([LedPalette.Ringing, LedPalette.Busy, LedPalette.Idle], lamp.Snapshot());

            var result = await watch;
            Assert.True(result.ExitCode == 0, result + appliance.Log());
            var notifies = NotifyBodies(result.MessageLog);
            var states = notifies.Select(b => string.Join(',', StatePattern().Matches(b).Select(m => m.Groups[1].Value))).ToList();
            // The first NOTIFY is the idle state; then the call, in order; nothing after it ended.
            Assert.Equal("", states[0]);
            var early = states.IndexOf("early");
            var confirmed = states.IndexOf("confirmed");
            var terminated = states.IndexOf("terminated");
            Assert.True(early > 0 && confirmed > early && terminated == states.Count - 1, $"dialog states notified: [{string.Join("] [", states)}]");
            // RFC 4235 §4.1.6: the remote identity lets the watching phone show the caller (and pick up the call).
            Assert.Contains($"sip:{Caller}@", notifies[early], StringComparison.Ordinal);
            Assert.Contains("direction=\"recipient\"", notifies[early], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // The bodies of the NOTIFYs sipp received, in order, from its message trace.
    private static List<string> NotifyBodies(string messageLog) =>
        messageLog.Split("-----------------------------------------------")
            .Where(block => block.Contains("message received", StringComparison.Ordinal) && block.Contains("NOTIFY sip:", StringComparison.Ordinal))
            .Select(block => block[block.IndexOf("<?xml", StringComparison.Ordinal)..])
            .ToList();

    [GeneratedRegex("<state[^>]*>([a-z]+)</state>")]
    private static partial Regex StatePattern();
}
