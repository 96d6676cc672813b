using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Prompts;
using ContactCenter.Media.Tests.Prompts;
using ContactCenter.Pbx.Features;
using ContactCenter.Pbx.Tests.Calls;
using ContactCenter.Sip.Tests.Fakes;

using Xunit;

namespace ContactCenter.Pbx.Tests.Features;

/// <summary>
/// The three test applications on the real media pieces (<see cref="PromptVoice"/> over a catalogue of marked
/// recordings, <see cref="Media.Endpoints.EchoSource"/>), heard through a fake endpoint that the real media clock ticks.
/// Recordings are <see cref="Frames"/> frames long unless a test says otherwise.
/// </summary>
public sealed class TestApplicationTests : IAsyncDisposable
{
    private const int Frames = 2;

    private readonly MarkedPrompts _prompts = new();
    private readonly FakeMediaEndpoint _endpoint = new(30000);
    private readonly FakeLoggerFactory _logs = new();
    private readonly CancellationTokenSource _hangUp = new();
    private readonly CallerEar _ear;
    private Task _running = Task.CompletedTask;

    public TestApplicationTests()
    {
        _ear = new CallerEar(_endpoint, _prompts);
        _prompts.WriteAll([PromptKeys.TestEcho, PromptKeys.TestPlayback, PromptKeys.TestDtmf, PromptKeys.TestYouPressed, PromptKeys.TestNoDigits,
            "number-3", "number-4", "number-5", "number-7", "number-9", "digit-star"], Frames);
    }

    [Fact]
    public async Task Echo_SaysWhatItIs_ThenSendsBackWhatTheCallerSays_UntilHangUp()
    {
        await StartAsync(FeatureCode.EchoTest);

        await _ear.HearsAsync(CallerEar.Run(Frames, PromptKeys.TestEcho));
        await _ear.HearsAsync(CallerEar.Run(3, CallerEar.Caller));
        var heard = _ear.Frames;
        Assert.True(CallerEar.IndexOf(heard, [CallerEar.Caller]) > CallerEar.IndexOf(heard, CallerEar.Run(Frames, PromptKeys.TestEcho)));
        Assert.False(_running.IsCompleted);
        await HangUpAsync();
    }

    [Fact]
    public async Task Playback_PlaysItsPromptAgainAndAgain_UntilHangUp()
    {
        await StartAsync(FeatureCode.PlaybackTest);

        // Three whole rounds, possibly a frame of silence between them while the next is queued, and nothing else.
        await _ear.WaitAsync(heard => heard.Count(k => k == PromptKeys.TestPlayback) >= 3 * Frames, () => "three rounds never played");
        Assert.All(_ear.Frames, k => Assert.True(k is null or PromptKeys.TestPlayback, $"heard {k}"));
        await HangUpAsync();
    }

    [Fact]
    public async Task Readback_SaysWhatItIs_ThenTheDigitsEndedWithHash_AndLogsHowTheyCame()
    {
        await StartAsync(FeatureCode.DtmfReadbackTest);
        await _ear.HearsAsync(CallerEar.Run(Frames, PromptKeys.TestDtmf));

        Press("9*", DtmfSource.TelephoneEvent);
        Press("3#", DtmfSource.InBand);

        await _ear.HearsAsync(CallerEar.Run(Frames, PromptKeys.TestYouPressed, "number-9", "digit-star", "number-3"));
        Assert.Contains(_logs.Entries, e => e.Message == "Call call-1: DTMF read-back heard 9*3 (signalled by TelephoneEvent+InBand)");
        Press("7#", DtmfSource.SipInfo);
        await _ear.HearsAsync(CallerEar.Run(Frames, PromptKeys.TestYouPressed, "number-7"));
        Assert.Contains(_logs.Entries, e => e.Message == "Call call-1: DTMF read-back heard 7 (signalled by SipInfo)");
        await HangUpAsync();
    }

    [Fact]
    public async Task Readback_ADigitPressedWhileSpeaking_CutsItShort_AndStartsTheNextNumber()
    {
        // 20 s each: long enough that only a digit can end the first sentence before the second is pressed, even on a
        // loaded machine (the digit cuts it short, so the test never waits that long when it passes).
        _prompts.Write("number-1", frames: 1000);
        _prompts.Write("number-2", frames: 1000);
        await StartAsync(FeatureCode.DtmfReadbackTest);
        Press("12#", DtmfSource.TelephoneEvent);
        await _ear.HearsAsync([.. CallerEar.Run(Frames, PromptKeys.TestYouPressed), "number-1"]);

        Press("45#", DtmfSource.TelephoneEvent);

        await _ear.HearsAsync(CallerEar.Run(Frames, PromptKeys.TestYouPressed, "number-4", "number-5"));
        Assert.DoesNotContain("number-2", _ear.Frames);
        await HangUpAsync();
    }

    [Fact]
    public async Task Readback_AHashAlone_SaysNoKeyWasPressed_AndLogsNothing()
    {
        await StartAsync(FeatureCode.DtmfReadbackTest);

        Press("#", DtmfSource.TelephoneEvent);

        await _ear.HearsAsync(CallerEar.Run(Frames, PromptKeys.TestNoDigits));
        Press("5#", DtmfSource.TelephoneEvent);
        await _ear.HearsAsync(CallerEar.Run(Frames, PromptKeys.TestYouPressed, "number-5"));
        Assert.Single(_logs.Entries, e => e.Message.Contains("read-back heard", StringComparison.Ordinal));
        await HangUpAsync();
    }

    [Fact]
    public async Task Playback_WithoutItsRecording_FailsSayingWhich()
    {
        using var empty = new MarkedPrompts();
        var run = new TestApplications(empty.Catalogue, empty.Clips, _logs).Create(FeatureCode.PlaybackTest, "call-1").RunAsync(_endpoint, _hangUp.Token);

        var missing = await Assert.ThrowsAsync<FileNotFoundException>(() => run.WaitAsync(FakeUa.ExpectTimeout));
        Assert.Contains(PromptKeys.TestPlayback, missing.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        // Each test hangs up itself; this only stops what a failed test left running.
        await _hangUp.CancelAsync();
        try
        {
            await _running.WaitAsync(FakeUa.ExpectTimeout);
        }
        catch (OperationCanceledException)
        {
            // Stopped by the hang-up, as it should.
        }
        await _ear.DisposeAsync();
        _hangUp.Dispose();
        _logs.Dispose();
        _prompts.Dispose();
    }

    private async Task StartAsync(FeatureCode code)
    {
        await _prompts.WarmAsync();
        _running = new TestApplications(_prompts.Catalogue, _prompts.Clips, _logs).Create(code, "call-1").RunAsync(_endpoint, _hangUp.Token);
    }

    private void Press(string keys, DtmfSource source)
    {
        foreach (var key in keys)
        {
            _endpoint.AcceptSignalledDigit(new DtmfDigit(key, 100, source));
        }
    }

    // The application cancelled by the hang-up ends with the cancellation, not a fault.
    private async Task HangUpAsync()
    {
        await _hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _running.WaitAsync(FakeUa.ExpectTimeout));
    }
}
