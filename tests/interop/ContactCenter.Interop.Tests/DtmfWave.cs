using System.Diagnostics;
using System.Globalization;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// In-band DTMF for a softphone's microphone, made by sox (not by our own code, so the appliance's detector is judged
/// against an outside generator): each key the ITU-T Q.23 pair of tones for 150 ms, 150 ms apart, after a lead-in of
/// silence and followed by a long one (baresip's <c>aufile</c> ends the call when its file ends).
/// </summary>
public static class DtmfWave
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    // Q.23: the low (row) and high (column) frequency of each key.
    private static readonly Dictionary<char, (int Low, int High)> Pairs = new()
    {
        ['1'] = (697, 1209), ['2'] = (697, 1336), ['3'] = (697, 1477), ['A'] = (697, 1633),
        ['4'] = (770, 1209), ['5'] = (770, 1336), ['6'] = (770, 1477), ['B'] = (770, 1633),
        ['7'] = (852, 1209), ['8'] = (852, 1336), ['9'] = (852, 1477), ['C'] = (852, 1633),
        ['*'] = (941, 1209), ['0'] = (941, 1336), ['#'] = (941, 1477), ['D'] = (941, 1633),
    };

    /// <summary>Writes <paramref name="keys"/> as 8 kHz mono 16-bit PCM to <paramref name="path"/>, at about -10 dBFS per tone.</summary>
    public static async Task WriteAsync(string path, string keys, TimeSpan leadIn, TimeSpan tail)
    {
        var sox = ExternalTool.Find("sox", "sox");
        var directory = Path.GetDirectoryName(path)!;
        var parts = new List<string> { await SilenceAsync(sox, Path.Combine(directory, "lead.wav"), leadIn) };
        var gap = await SilenceAsync(sox, Path.Combine(directory, "gap.wav"), TimeSpan.FromMilliseconds(150));
        for (var i = 0; i < keys.Length; i++)
        {
            var (low, high) = Pairs[keys[i]];
            var tone = Path.Combine(directory, $"key{i}.wav");
            await RunAsync(sox, ["-n", "-r", "8000", "-c", "1", "-b", "16", tone, "synth", "0.15",
                "sine", Hertz(low), "sine", Hertz(high), "channels", "1", "gain", "-10"]);
            parts.Add(tone);
            parts.Add(gap);
        }

        parts.Add(await SilenceAsync(sox, Path.Combine(directory, "tail.wav"), tail));
        await RunAsync(sox, [.. parts, path]);
    }

    private static async Task<string> SilenceAsync(string sox, string path, TimeSpan length)
    {
        await RunAsync(sox, ["-n", "-r", "8000", "-c", "1", "-b", "16", path, "trim", "0",
            length.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)]);
        return path;
    }

    private static string Hertz(int hertz) => hertz.ToString(CultureInfo.InvariantCulture);

    private static async Task RunAsync(string sox, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(sox) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start sox");
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(ToolTimeout);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"sox {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        }
    }
}
