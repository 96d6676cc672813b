using System.Diagnostics;

namespace ContactCenter.Media.Tests.Tools;

/// <summary>
/// Runs the independent Debian tools the media tests compare against (sox, ffmpeg, espeak-ng). A missing tool is a
/// test failure that says how to install it, never a skip. Every run is bounded in time.
/// </summary>
internal static class ExternalTool
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="tool"/> and returns its standard output; throws with stderr on a non-zero exit.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        string path = Locate(tool);
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within {Limit.TotalSeconds} s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }

    /// <summary>Reads headerless 16-bit little-endian mono PCM (what <c>sox … -t raw -e signed -b 16</c> writes).</summary>
    public static short[] ReadRawPcm(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var samples = new short[bytes.Length / 2];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(bytes[2 * i] | (bytes[(2 * i) + 1] << 8));
        }

        return samples;
    }

    /// <summary>Writes headerless 16-bit little-endian mono PCM.</summary>
    public static void WriteRawPcm(string path, ReadOnlySpan<short> samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++)
        {
            bytes[2 * i] = (byte)samples[i];
            bytes[(2 * i) + 1] = (byte)(samples[i] >> 8);
        }

        File.WriteAllBytes(path, bytes);
    }

    private static string Locate(string tool)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            string candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        string package = tool == "espeak-ng" ? "espeak-ng" : tool;
        throw new InvalidOperationException($"{tool} is not installed: the media tests compare against it. Install it with `sudo apt-get install {package}` (.ci/run does).");
    }
}
