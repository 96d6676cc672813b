using System.Globalization;
using System.Text.RegularExpressions;

namespace ContactCenter.Interop.Tests;

/// <summary>Accounts, commands, awaited events, and what a call carried.</summary>
public sealed partial class BaresipAgent
{
    private const string RecordingLine = "sndfile: dumping decode audio to ";

    // Waits consume events in order, like an expect script: the next wait starts after the event the last one returned.
    private int _eventCursor;

    // Output index from which the current call's recording line and statistics are looked for.
    private int _mediaCursor;

    private int? _appliancePort;

    /// <summary>The SIP URI other agents dial to reach this one directly (a peer-to-peer account, see <see cref="AddPeerAccountAsync"/>).</summary>
    public string PeerUri(string user) => $"sip:{user}@127.0.0.1:{SipPort}";

    /// <summary>
    /// Adds an account registering extension <paramref name="number"/> at the appliance on 127.0.0.1:<paramref name="appliancePort"/>
    /// over UDP or TCP; the REGISTER goes out at once (await <see cref="WaitForRegistrationAsync"/>).
    /// </summary>
    public async Task RegisterAsync(int appliancePort, string number, string password, bool tcp, bool autoAnswer = true)
    {
        _appliancePort = appliancePort;
        var transport = tcp ? ";transport=tcp" : "";
        await CommandAsync("uanew", $"<sip:{number}@127.0.0.1:{appliancePort}{transport}>;auth_pass={password};answermode={AnswerMode(autoAnswer)};regint=600");
    }

    /// <summary>Adds an account that never registers, reachable at <see cref="PeerUri"/> (agent-to-agent calls).</summary>
    public Task AddPeerAccountAsync(string user, bool autoAnswer = true) =>
        CommandAsync("uanew", $"<{PeerUri(user)}>;regint=0;answermode={AnswerMode(autoAnswer)}");

    /// <summary>The registration's outcome: REGISTER_OK or REGISTER_FAIL (whose <see cref="BaresipEvent.Param"/> is the final response).</summary>
    public Task<BaresipEvent> WaitForRegistrationAsync() =>
        WaitForEventAsync(e => e.Type is "REGISTER_OK" or "REGISTER_FAIL", "registration outcome");

    /// <summary>Waits for REGISTER_OK; fails on REGISTER_FAIL.</summary>
    public async Task WaitUntilRegisteredAsync()
    {
        var outcome = await WaitForRegistrationAsync();
        if (outcome.Type != "REGISTER_OK")
        {
            throw new InvalidOperationException($"baresip {Name} did not register: {outcome}.\n{DescribeFailure()}");
        }
    }

    /// <summary>
    /// Calls extension <paramref name="number"/> through the appliance it registered with, over the same transport:
    /// baresip appends its account URI's parameters (<c>;transport=tcp</c>) to whatever it dials.
    /// </summary>
    public Task DialExtensionAsync(string number) =>
        _appliancePort is { } port
            ? DialAsync($"sip:{number}@127.0.0.1:{port}")
            : throw new InvalidOperationException($"baresip {Name} has no registered account");

    /// <summary>Calls <paramref name="uri"/>.</summary>
    public Task DialAsync(string uri) => CommandAsync("dial", uri);

    /// <summary>
    /// Sends <paramref name="keys"/> in the current call with the menu's <c>sndcode</c>: one key after the other, then the
    /// release. baresip 1.0.0 sends them as RFC 4733 telephone-events (it has no SIP INFO or in-band mode).
    /// </summary>
    public Task SendDigitsAsync(string keys) => CommandAsync("sndcode", keys);

    /// <summary>Answers the ringing call (accounts with manual answer).</summary>
    public Task AcceptAsync() => CommandAsync("accept", null);

    /// <summary>Hangs up the current call: BYE when established, CANCEL while it rings.</summary>
    public Task HangUpAsync() => CommandAsync("hangup", null);

    /// <summary>Waits for an incoming call to ring here (manual answer only: auto-answer skips CALL_INCOMING).</summary>
    public Task<BaresipEvent> WaitForIncomingCallAsync() =>
        WaitForCallEventAsync("CALL_INCOMING");

    /// <summary>Waits for the far end to ring (180/183); fails if the call closes first.</summary>
    public Task<BaresipEvent> WaitForRingingAsync() =>
        WaitForCallEventAsync("CALL_RINGING", "CALL_PROGRESS");

    /// <summary>Waits for the call to be established; fails if it closes first.</summary>
    public Task<BaresipEvent> WaitForEstablishedAsync() =>
        WaitForCallEventAsync("CALL_ESTABLISHED");

    /// <summary>Waits for the call to end; <see cref="BaresipEvent.Param"/> says why ("486 Busy Here", "Connection reset by peer"…).</summary>
    public Task<BaresipEvent> WaitForClosedAsync() =>
        WaitForEventAsync(e => e.Type == "CALL_CLOSED", "CALL_CLOSED");

    /// <summary>
    /// Waits until this agent has decoded at least <paramref name="duration"/> of audio from the other party in the current call
    /// (its recording grows as packets arrive); fails if the call closes first.
    /// </summary>
    public async Task WaitForPeerAudioAsync(TimeSpan duration)
    {
        var recording = await CurrentRecordingAsync();
        var size = WaveFile.BytesFor(duration);
        var grown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(recording)!, Path.GetFileName(recording))
        {
            NotifyFilter = NotifyFilters.Size | NotifyFilters.LastWrite,
        };
        void Check()
        {
            if (File.Exists(recording) && new FileInfo(recording).Length >= size)
            {
                grown.TrySetResult();
            }
        }

        watcher.Changed += (_, _) => Check();
        watcher.EnableRaisingEvents = true;
        Check();

        var closed = _events.WaitAsync(e => e.Type == "CALL_CLOSED", EventTimeout, _eventCursor);
        var first = await Task.WhenAny(grown.Task, closed);
        if (first != grown.Task)
        {
            var why = await closed is { } close ? $"the call closed first ({close.Item})" : $"not within {EventTimeout.TotalSeconds} s";
            throw new TimeoutException($"baresip {Name} did not receive {duration.TotalSeconds} s of audio: {why}; {recording} has {new FileInfo(recording).Length} bytes.\n{DescribeFailure()}");
        }
    }

    /// <summary>The RTP packets the last call with media sent and received; waits for baresip to print them once the call ended.</summary>
    public async Task<RtpPacketCounts> WaitForRtpCountsAsync()
    {
        var found = await _output.WaitAsync(l => PacketsLine().IsMatch(l), EventTimeout, _mediaCursor)
            ?? throw new TimeoutException($"baresip {Name} printed no RTP statistics within {EventTimeout.TotalSeconds} s (did the call have media, has it ended?).\n{DescribeFailure()}");
        _mediaCursor = found.Index + 1;
        var match = PacketsLine().Match(found.Item);
        return new RtpPacketCounts(
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>What this agent decoded from the other party in its most recent call with media.</summary>
    public AudioSummary RecordedAudio() => WaveFile.Analyse(LastRecording());

    /// <summary>The WAV file holding what this agent decoded from the other party in its most recent call with media.</summary>
    public string LastRecording() =>
        Output.LastOrDefault(l => l.StartsWith(RecordingLine, StringComparison.Ordinal))?[RecordingLine.Length..]
            ?? throw new InvalidOperationException($"baresip {Name} recorded no call.\n{DescribeFailure()}");

    /// <summary>The SIP messages of its <c>-s</c> trace so far, sent and received, in order.</summary>
    public IReadOnlyList<SipTraceMessage> SipTrace()
    {
        var output = Output;
        var messages = new List<SipTraceMessage>();
        for (var i = 0; i + 1 < output.Count; i++)
        {
            var header = TraceHeader().Match(output[i]);
            if (header.Success)
            {
                messages.Add(new SipTraceMessage(header.Groups[1].Value, header.Groups[2].Value, header.Groups[3].Value, output[i + 1]));
            }
        }

        return messages;
    }

    /// <summary>Waits for the next event (after those already awaited) that matches.</summary>
    public async Task<BaresipEvent> WaitForEventAsync(Func<BaresipEvent, bool> match, string what)
    {
        var found = await _events.WaitAsync(match, EventTimeout, _eventCursor)
            ?? throw new TimeoutException($"baresip {Name}: no {what} within {EventTimeout.TotalSeconds} s.\n{DescribeFailure()}");
        _eventCursor = found.Index + 1;
        return found.Item;
    }

    private async Task<BaresipEvent> WaitForCallEventAsync(params string[] types)
    {
        var e = await WaitForEventAsync(e => types.Contains(e.Type) || e.Type == "CALL_CLOSED", string.Join(" or ", types));
        return e.Type == "CALL_CLOSED" && !types.Contains("CALL_CLOSED")
            ? throw new InvalidOperationException($"baresip {Name}: the call closed ({e.Param}) before {string.Join(" or ", types)}.\n{DescribeFailure()}")
            : e;
    }

    private async Task<string> CurrentRecordingAsync()
    {
        var found = await _output.WaitAsync(l => l.StartsWith(RecordingLine, StringComparison.Ordinal), EventTimeout, _mediaCursor)
            ?? throw new TimeoutException($"baresip {Name} started no recording within {EventTimeout.TotalSeconds} s (no audio stream?).\n{DescribeFailure()}");
        return found.Item[RecordingLine.Length..];
    }

    private async Task CommandAsync(string command, string? parameters)
    {
        var control = _control ?? throw new InvalidOperationException($"baresip {Name} is not connected");
        var response = await control.SendAsync(command, parameters, EventTimeout);
        if (!response.Ok)
        {
            throw new InvalidOperationException($"baresip {Name} refused '{command} {parameters}': {response.Data}\n{DescribeFailure()}");
        }
    }

    private static string AnswerMode(bool autoAnswer) => autoAnswer ? "auto" : "manual";

    [GeneratedRegex(@"^packets:\s+(\d+)\s+(\d+)\s*$")]
    private static partial Regex PacketsLine();

    [GeneratedRegex(@"^(UDP|TCP|TLS) (\S+) -> (\S+)$")]
    private static partial Regex TraceHeader();
}
