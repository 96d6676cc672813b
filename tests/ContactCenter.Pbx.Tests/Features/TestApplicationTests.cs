using ContactCenter.Media.Dtmf;
using ContactCenter.Pbx.Features;
using ContactCenter.Pbx.Tests.Calls;
using ContactCenter.Sip.Tests.Fakes;

using Xunit;

namespace ContactCenter.Pbx.Tests.Features;

/// <summary>The three test applications on a fake endpoint, with a voice the test drives.</summary>
public sealed class TestApplicationTests : IAsyncDisposable
{
    private readonly FakeTestMedia _media = new();
    private readonly FakeMediaEndpoint _endpoint = new(30000);
    private readonly FakeLoggerFactory _logs = new();
    private readonly CancellationTokenSource _hangUp = new();
    private Task _running = Task.CompletedTask;

    [Fact]
    public async Task Echo_PutsTheEchoOnTheEndpoint_AndRunsUntilHangUp()
    {
        // The echo is in place before the application first waits, so as soon as it has started.
        Start(FeatureCode.EchoTest);

        Assert.Same(_media.Echo, _endpoint.Sink);
        Assert.Same(_media.Echo, _endpoint.Source);
        Assert.False(_running.IsCompleted);
        await HangUpAsync();
    }

    [Fact]
    public async Task Playback_PlaysThePromptAgainAndAgain_UntilHangUp()
    {
        Start(FeatureCode.PlaybackTest);
        var voice = await _media.Voices.TakeAsync(_ => true, () => "no voice");
        Assert.Same(voice, _endpoint.Source);

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal("prompt", await voice.Said.TakeAsync(_ => true, () => $"round {round} never played"));
            voice.Finish();
        }

        Assert.Equal("prompt", await voice.Said.TakeAsync(_ => true, () => "the fourth round never played"));
        await HangUpAsync();
    }

    [Fact]
    public async Task Readback_SaysTheDigitsEndedWithHash_AndLogsHowTheyCame()
    {
        Start(FeatureCode.DtmfReadbackTest);
        var voice = await _media.Voices.TakeAsync(_ => true, () => "no voice");

        Press("12", DtmfSource.TelephoneEvent);
        Press("3#", DtmfSource.InBand);

        Assert.Equal("digits:123", await voice.Said.TakeAsync(_ => true, () => "nothing said"));
        Assert.Contains(_logs.Entries, e => e.Message == "Call call-1: DTMF read-back heard 123 (signalled by TelephoneEvent+InBand)");
        voice.Finish();
        Press("9#", DtmfSource.SipInfo);
        Assert.Equal("digits:9", await voice.Said.TakeAsync(_ => true, () => "the second number was not said"));
        await HangUpAsync();
    }

    [Fact]
    public async Task Readback_ADigitPressedWhileSpeaking_CutsItShort_AndStartsTheNextNumber()
    {
        Start(FeatureCode.DtmfReadbackTest);
        var voice = await _media.Voices.TakeAsync(_ => true, () => "no voice");
        Press("12#", DtmfSource.TelephoneEvent);
        await voice.Said.TakeAsync(s => s == "digits:12", () => "12 not said");

        Press("45#", DtmfSource.TelephoneEvent);

        Assert.Equal("digits:12", await voice.Interrupted.TakeAsync(_ => true, () => "12 was not interrupted"));
        Assert.Equal("digits:45", await voice.Said.TakeAsync(_ => true, () => "45 not said"));
        await HangUpAsync();
    }

    [Fact]
    public async Task Readback_AHashAlone_SaysNothing()
    {
        Start(FeatureCode.DtmfReadbackTest);
        var voice = await _media.Voices.TakeAsync(_ => true, () => "no voice");

        Press("##7#", DtmfSource.TelephoneEvent);

        Assert.Equal("digits:7", await voice.Said.TakeAsync(_ => true, () => "7 not said"));
        await HangUpAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _running.WaitAsync(FakeUa.ExpectTimeout));
        _hangUp.Dispose();
        _logs.Dispose();
    }

    private void Start(FeatureCode code) =>
        _running = new TestApplications(_media, _logs).Create(code, "call-1").RunAsync(_endpoint, _hangUp.Token);

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
