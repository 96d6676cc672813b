using System.Diagnostics;

namespace ContactCenter.Interop.Tests;

/// <summary>Runs the real sipp (Debian package sip-tester) with a scenario from <c>tests/interop/scenarios</c> against 127.0.0.1.</summary>
public static class Sipp
{
    /// <summary>sipp's own global timeout (<c>-timeout</c>); the process is killed 15 s after it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>The sipp executable from PATH; a missing sipp fails the test (never a skip).</summary>
    public static string Executable() => ExternalTool.Find("sipp", "sip-tester");

    /// <summary>Runs <paramref name="scenario"/> (a file name in tests/interop/scenarios) for <paramref name="calls"/> calls towards 127.0.0.1:<paramref name="port"/>.</summary>
    /// <param name="scenario">e.g. <c>options.xml</c>.</param>
    /// <param name="port">The appliance's SIP port.</param>
    /// <param name="tcp">TCP (<c>-t t1</c>) instead of UDP (<c>-t u1</c>).</param>
    /// <param name="calls">The <c>-m</c> count.</param>
    /// <param name="injectionFile">An injection CSV (<c>-inf</c>) for <c>[fieldN]</c>, e.g. credentials; null for none.</param>
    /// <param name="authUri">
    /// The digest <c>uri</c> sipp answers challenges with (<c>-auth_uri</c>, without <c>sip:</c>) when the request is not
    /// to <c>remote_ip:remote_port</c>, e.g. <c>101@127.0.0.1:5060</c> for a SUBSCRIBE to 101 (RFC 3261 §22.4: it must be
    /// the Request-URI); null for sipp's default.
    /// </param>
    public static async Task<SippResult> RunAsync(string scenario, int port, bool tcp = false, int calls = 1, string? injectionFile = null,
        string? authUri = null)
    {
        var sipp = Executable();
        var scenarioPath = Path.Combine(RepositoryLayout.Scenarios, scenario);
        if (!File.Exists(scenarioPath))
        {
            throw new FileNotFoundException($"no sipp scenario {scenarioPath}", scenarioPath);
        }

        var work = Directory.CreateTempSubdirectory("cc-sipp-").FullName;
        try
        {
            var errors = Path.Combine(work, "errors.log");
            var messages = Path.Combine(work, "messages.log");
            var start = new ProcessStartInfo(sipp)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = work,
            };
            foreach (var argument in new[]
            {
                "-sf", scenarioPath,
                "-i", "127.0.0.1",
                // sipp would otherwise try 5060 first, which a developer's `make run` may hold.
                "-p", LoopbackPorts.FreeUdpAndTcp().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-t", tcp ? "t1" : "u1",
                "-m", calls.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-timeout", $"{(int)Timeout.TotalSeconds}s",
                "-timeout_error",
                "-nostdin",
                "-trace_err", "-error_file", errors,
                "-trace_msg", "-message_file", messages,
                $"127.0.0.1:{port}",
            })
            {
                start.ArgumentList.Add(argument);
            }
            if (authUri is not null)
            {
                start.ArgumentList.Insert(0, authUri);
                start.ArgumentList.Insert(0, "-auth_uri");
            }
            if (injectionFile is not null)
            {
                start.ArgumentList.Insert(0, injectionFile);
                start.ArgumentList.Insert(0, "-inf");
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start sipp");
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using (var cts = new CancellationTokenSource(Timeout + TimeSpan.FromSeconds(15)))
            {
                try
                {
                    await process.WaitForExitAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"sipp {scenario} did not exit in time:\n{Read(errors)}");
                }
            }

            return new SippResult(process.ExitCode, Read(errors), Read(messages), await stdout + await stderr);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Read(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
}
