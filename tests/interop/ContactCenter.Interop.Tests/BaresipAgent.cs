using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// A real softphone for interop tests: Debian's <c>baresip</c> (1.0.0, with libre 1.1.0) as a headless child process
/// bound to 127.0.0.1, with a private configuration directory, driven through its <c>ctrl_tcp</c> module.
/// <para>What Debian's baresip 1.0.0 does, found by running it against the appliance (issue #3 §7):</para>
/// <list type="bullet">
/// <item>Digest: MD5 only (with qop=auth; it sends no <c>algorithm</c> parameter). libre 1.1.0 reads every
/// <c>WWW-Authenticate</c>/<c>Proxy-Authenticate</c> header and gives up with ENOSYS ("Register: Function not
/// implemented") as soon as one names another algorithm, whatever the order: the appliance's default SHA-256 + MD5
/// challenge, and MD5 + SHA-256 too, make it fail. Tests therefore run the appliance with
/// <c>Registrar:DigestAlgorithms = MD5</c> (<see cref="BaresipAppliance"/>).</item>
/// <item>A wrong password: it answers each fresh 401 nonce again with the same wrong credentials, 16 REGISTERs back to
/// back, then reports REGISTER_FAIL "401 Unauthorized"; that is enough to trip the appliance's guessing ban.</item>
/// <item>TCP: <c>;transport=tcp</c> on the account URI; it appends the account URI's parameters to every URI it dials
/// (so a dialled <c>;transport=tcp</c> would appear twice). It listens on TCP at its SIP port too, and registers that
/// port as its Contact, while its REGISTERs come from an ephemeral port.</item>
/// <item>Control: <c>ctrl_tcp</c> (one connection at a time, netstring JSON, see <see cref="BaresipControl"/>) runs the
/// menu commands (<c>uanew</c>, <c>dial</c>, <c>accept</c>, <c>hangup</c>) and reports UA events (REGISTER_OK/FAIL,
/// CALL_INCOMING, CALL_ESTABLISHED, CALL_CLOSED with "486 Busy Here" or "Connection reset by user"…). Events before the
/// connection are lost, hence accounts are added with <c>uanew</c> once connected, not from an accounts file.</item>
/// <item>Audio: <c>aufile</c> is a source only (no file player in 1.0.0), needs 8 kHz mono S16 for G.711, and ends the
/// call when the file runs out, hence a long tone. With no player module loaded baresip still decodes, and the
/// <c>sndfile</c> filter writes what it decoded to <c>dump-TIME-dec.wav</c>, written as packets arrive.</item>
/// <item>RTP statistics: with <c>rtp_stats yes</c> it prints, when a call with media ends, "packets: SENT RECEIVED" for
/// the audio stream. The <c>rtcpsummary</c> module is no help: its figures come from RTCP reports, every 5 s.</item>
/// </list>
/// Dispose kills the process by its id and removes the directory.
/// </summary>
public sealed partial class BaresipAgent : IAsyncDisposable
{
    /// <summary>How long start-up (ready line, control connection) may take.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How long one awaited event (registration, call progress, an answer to a command) may take.</summary>
    public static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(20);

    // aufile hangs up when its file ends: longer than any test call, short enough to write quickly (1.9 MB).
    private static readonly TimeSpan ToneLength = TimeSpan.FromMinutes(2);

    private const int StartAttempts = 3;
    private const string ReadyLine = "baresip is ready.";

    private readonly Process _process;
    private readonly string _directory;
    private readonly ObservedList<string> _output;
    private readonly ObservedList<BaresipEvent> _events = new();
    private readonly Task _pumps;
    private BaresipControl? _control;

    private BaresipAgent(string name, Process process, string directory, ObservedList<string> output, Task pumps, int sipPort, int toneHertz)
    {
        Name = name;
        _process = process;
        _directory = directory;
        _output = output;
        _pumps = pumps;
        SipPort = sipPort;
        ToneHertz = toneHertz;
    }

    /// <summary>The name given at start, used in failure messages.</summary>
    public string Name { get; }

    /// <summary>Its SIP port on 127.0.0.1 (UDP and TCP).</summary>
    public int SipPort { get; }

    /// <summary>The frequency of the tone it sends (0 when it plays a file instead).</summary>
    public int ToneHertz { get; }

    /// <summary>Every UA event so far.</summary>
    public IReadOnlyList<BaresipEvent> Events => _events.Snapshot();

    /// <summary>Its standard output and error so far (colour codes removed).</summary>
    public IReadOnlyList<string> Output => _output.Snapshot();

    /// <summary>The baresip executable from PATH; a missing one fails the test (never a skip).</summary>
    public static string Executable() => ExternalTool.Find("baresip", "baresip");

    /// <summary>Starts an agent with no account yet that sends a tone of <paramref name="toneHertz"/>; waits until it takes commands.</summary>
    public static Task<BaresipAgent> StartAsync(string name, int toneHertz) => StartAsync(name, toneHertz, microphone: null);

    /// <summary>
    /// Starts an agent with no account yet whose microphone is <paramref name="microphone"/> (8 kHz mono 16-bit WAV; the
    /// call ends when it runs out, so make it longer than the call); waits until it takes commands.
    /// </summary>
    public static Task<BaresipAgent> StartAsync(string name, string microphone) => StartAsync(name, toneHertz: 0, microphone);

    private static async Task<BaresipAgent> StartAsync(string name, int toneHertz, string? microphone)
    {
        var executable = Executable();
        for (var attempt = 1; ; attempt++)
        {
            var agent = Launch(executable, name, toneHertz, microphone, out var controlPort);
            try
            {
                await agent.ConnectAsync(controlPort);
                return agent;
            }
            catch (Exception e) when (attempt < StartAttempts && e is BaresipStartException)
            {
                // Its SIP or control port was taken between our probe and its bind: another pair of ports.
                await agent.DisposeAsync();
            }
            catch
            {
                await agent.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>
    /// What else a failure of this agent should show, e.g. the appliance's log (<see cref="BaresipAppliance"/>), since a
    /// call that never arrives is usually explained on the other side.
    /// </summary>
    public Func<string>? FailureContext { get; set; }

    /// <summary>Everything a failure message needs: ports, events, and the output's tail (with the SIP trace).</summary>
    public string Describe(int outputLines = 150)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"--- baresip {Name} (SIP 127.0.0.1:{SipPort}) events ---\n");
        foreach (var e in Events)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e}\n");
        }

        var output = Output;
        text.Append(CultureInfo.InvariantCulture, $"--- baresip {Name} output (last {Math.Min(outputLines, output.Count)} of {output.Count} lines) ---\n");
        foreach (var line in output.Skip(Math.Max(0, output.Count - outputLines)))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary><see cref="Describe"/> followed by the <see cref="FailureContext"/>.</summary>
    public string DescribeFailure() => FailureContext is { } context ? $"{Describe()}{context()}" : Describe();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_control is not null)
        {
            await _control.DisposeAsync();
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            await _process.WaitForExitAsync();
            await _pumps;
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static BaresipAgent Launch(string executable, string name, int toneHertz, string? microphone, out int controlPort)
    {
        var directory = Directory.CreateTempSubdirectory($"cc-baresip-{name}-").FullName;
        var sipPort = LoopbackPorts.FreeUdpAndTcp();
        controlPort = LoopbackPorts.FreeTcp();
        var tone = microphone ?? Path.Combine(directory, "tone.wav");
        if (microphone is null)
        {
            WaveFile.WriteTone(tone, toneHertz, ToneLength);
        }
        Directory.CreateDirectory(Path.Combine(directory, "recordings"));
        File.WriteAllText(Path.Combine(directory, "config"), Config(sipPort, controlPort, tone, Path.Combine(directory, "recordings")));

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        // -f: this configuration directory only (never ~/.baresip); -s: the SIP trace, for failure messages and the tests.
        foreach (var argument in new[] { "-f", directory, "-s" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start baresip");
        process.StandardInput.Close();
        var output = new ObservedList<string>();
        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput, output), PumpAsync(process.StandardError, output));
        return new BaresipAgent(name, process, directory, output, pumps, sipPort, toneHertz);
    }

    // Only what the tests need is loaded: no audio driver, no video, no NAT helpers, no account file (see the type's notes).
    private static string Config(int sipPort, int controlPort, string tone, string recordings) => string.Create(CultureInfo.InvariantCulture, $"""
        poll_method epoll
        sip_listen 127.0.0.1:{sipPort}
        net_interface 127.0.0.1
        call_local_timeout 120
        call_max_calls 4
        audio_source aufile,{tone}
        ausrc_format s16
        auplay_format s16
        auenc_format s16
        audec_format s16
        rtp_ports 40000-49999
        rtcp_mux no
        rtp_stats yes
        statmode_default off
        module_path /usr/lib/baresip/modules
        module g711.so
        module aufile.so
        module sndfile.so
        module_app menu.so
        module_app ctrl_tcp.so
        ctrl_tcp_listen 127.0.0.1:{controlPort}
        snd_path {recordings}

        """);

    private static async Task PumpAsync(StreamReader reader, ObservedList<string> lines)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lines.Add(AnsiCodes().Replace(line, ""));
        }
    }

    private async Task ConnectAsync(int controlPort)
    {
        var ready = _output.WaitAsync(l => l == ReadyLine, StartTimeout);
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(ready, exited) == exited || await ready is null)
        {
            await Task.WhenAny(_pumps, Task.Delay(TimeSpan.FromSeconds(2)));
            var why = _process.HasExited ? $"exited with code {_process.ExitCode}" : $"printed no '{ReadyLine}' within {StartTimeout.TotalSeconds} s";
            var message = $"baresip {Name} {why}.\n{Describe()}";
            throw Output.Any(l => l.Contains("Address already in use", StringComparison.Ordinal))
                ? new BaresipStartException(message)
                : new InvalidOperationException(message);
        }

        try
        {
            _control = await BaresipControl.ConnectAsync(controlPort, _events.Add);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            // ctrl_tcp logs a warning and baresip carries on without it when its port is taken.
            throw new BaresipStartException($"baresip {Name}: no control connection on port {controlPort} ({e.Message}).\n{Describe()}");
        }
    }

    [GeneratedRegex("\u001B\\[[0-9;]*m")]
    private static partial Regex AnsiCodes();
}
