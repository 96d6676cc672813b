using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace ContactCenter.Panel.LatencyBench;

/// <summary>
/// The watching phones in a process of their own, as they are other devices on a real LAN: the appliance's thread pool
/// then runs only the appliance's work. Subscribes every phone to every watched extension, says <c>subscribed</c>, and
/// answers two commands on standard input once the NOTIFY flow has settled: <c>clear</c> (forget what arrived so far,
/// say <c>cleared</c>) and <c>dump</c> (one line per NOTIFY: arrival timestamp, extension, dialog states; then
/// <c>end RETRANSMISSIONS</c>, and exit). Timestamps are Stopwatch's, CLOCK_MONOTONIC on Linux, the parent's clock too.
/// </summary>
internal static partial class WatcherProcess
{
    /// <summary>The first argument that starts this mode.</summary>
    public const string Flag = "--watcher-process";

    /// <summary>The child's side.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var appliance = new IPEndPoint(IPAddress.Loopback, int.Parse(args[1], CultureInfo.InvariantCulture));
        var realm = args[2];
        var password = args[3];
        var first = int.Parse(args[4], CultureInfo.InvariantCulture);
        var count = int.Parse(args[5], CultureInfo.InvariantCulture);
        var watched = args[6].Split(',');
        var phones = Enumerable.Range(first, count)
            .Select(n => new BenchPhone(n.ToString(CultureInfo.InvariantCulture), password, realm, appliance)).ToList();
        foreach (var phone in phones)
        {
            await Task.WhenAll(watched.Select(async w =>
            {
                using var answer = await phone.SubscribeDialogAsync(w).ConfigureAwait(false);
                if (answer.StatusCode != 200)
                {
                    throw new InvalidOperationException($"SUBSCRIBE {phone.Extension} -> {w}: {answer.StatusCode}");
                }
            })).ConfigureAwait(false);
        }
        await QuietAsync(phones).ConfigureAwait(false);
        Clear(phones);
        Console.WriteLine("subscribed");
        while (Console.ReadLine() is { } command)
        {
            await QuietAsync(phones).ConfigureAwait(false);
            if (command == "clear")
            {
                Clear(phones);
                Console.WriteLine("cleared");
                continue;
            }
            foreach (var (at, body) in phones.SelectMany(p => p.Notifies))
            {
                var states = string.Join(',', StatePattern().Matches(body).Select(m => m.Groups[1].Value));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{at}\t{EntityPattern().Match(body).Groups[1].Value}\t{states}"));
            }
            Console.WriteLine($"end {phones.Sum(p => p.RetransmittedNotifies)}");
            break;
        }
        foreach (var phone in phones)
        {
            await phone.DisposeAsync().ConfigureAwait(false);
        }
        return 0;
    }

    /// <summary>Starts the child for <paramref name="count"/> phones from <paramref name="first"/>, watching <paramref name="watched"/>; returns once all are subscribed.</summary>
    public static async Task<Process> StartAsync(IPEndPoint appliance, string realm, string password, int first, int count, IEnumerable<string> watched)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Run as `dotnet bench.dll` the host needs the assembly; run as the apphost, it is the program itself.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(WatcherProcess).Assembly.Location);
        }
        foreach (var argument in new[]
        {
            Flag, appliance.Port.ToString(CultureInfo.InvariantCulture), realm, password,
            first.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture), string.Join(',', watched),
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the watchers' process");
        await ExpectLineAsync(process, "subscribed").ConfigureAwait(false);
        return process;
    }

    /// <summary>Forgets the NOTIFYs so far (the warm-up's), once they have settled.</summary>
    public static async Task ClearAsync(Process child)
    {
        await child.StandardInput.WriteLineAsync("clear").ConfigureAwait(false);
        await child.StandardInput.FlushAsync().ConfigureAwait(false);
        await ExpectLineAsync(child, "cleared").ConfigureAwait(false);
    }

    /// <summary>Every NOTIFY since the last clear, once settled, and how many retransmissions arrived; the child then exits.</summary>
    public static async Task<(List<(long At, string Extension, string States)> Notifies, int Retransmissions)> DumpAsync(Process child)
    {
        await child.StandardInput.WriteLineAsync("dump").ConfigureAwait(false);
        await child.StandardInput.FlushAsync().ConfigureAwait(false);
        var notifies = new List<(long, string, string)>();
        while (await child.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("end ", StringComparison.Ordinal))
            {
                await child.WaitForExitAsync().ConfigureAwait(false);
                return (notifies, int.Parse(line[4..], CultureInfo.InvariantCulture));
            }
            var fields = line.Split('\t');
            notifies.Add((long.Parse(fields[0], CultureInfo.InvariantCulture), fields[1], fields[2]));
        }
        throw new InvalidOperationException("the watchers' process ended without its dump");
    }

    private static async Task ExpectLineAsync(Process child, string expected)
    {
        var line = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        if (line != expected)
        {
            throw new InvalidOperationException($"the watchers' process said '{line}' instead of '{expected}'");
        }
    }

    private static void Clear(List<BenchPhone> phones)
    {
        foreach (var phone in phones)
        {
            phone.Notifies.Clear();
        }
    }

    // The NOTIFY flow has settled when no phone received anything for a whole second (bounded: one minute).
    private static async Task QuietAsync(List<BenchPhone> phones)
    {
        var last = -1;
        for (var i = 0; i < 60; i++)
        {
            var count = phones.Sum(w => w.Notifies.Count);
            if (count == last)
            {
                return;
            }
            last = count;
            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
    }

    [GeneratedRegex("entity=\"sip:([0-9]+)@")]
    private static partial Regex EntityPattern();

    [GeneratedRegex("<state[^>]*>([a-z]+)</state>")]
    private static partial Regex StatePattern();
}
