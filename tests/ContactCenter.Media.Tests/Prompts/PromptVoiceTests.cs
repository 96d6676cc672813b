using ContactCenter.Media.Clock;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Prompts;
using Xunit;

namespace ContactCenter.Media.Tests.Prompts;

/// <summary>
/// <see cref="PromptVoice"/> read frame by frame as an endpoint reads its source. The recordings are loaded into the
/// cache first, so a sentence is queued before <see cref="PromptVoice.SayAsync"/> returns and every frame read is
/// known in advance.
/// </summary>
public sealed class PromptVoiceTests : IDisposable
{
    private readonly MarkedPrompts _prompts = new();
    private readonly short[] _frame = new short[MediaFrame.Samples(MediaFrame.NarrowbandRate)];

    public void Dispose() => _prompts.Dispose();

    [Fact]
    public async Task Sentence_IsSaidKeyAfterKey_WithoutAGap_ThenSilence()
    {
        _prompts.Write(PromptKeys.TestYouPressed, frames: 3);
        _prompts.Write("number-4", frames: 2);
        _prompts.Write("digit-hash", frames: 1);
        await _prompts.WarmAsync();
        var voice = new PromptVoice(_prompts.Catalogue, _prompts.Clips, PromptLanguage.French);

        var said = voice.SayAsync([PromptKeys.TestYouPressed, "number-4", "number-4", "digit-hash"]);

        Assert.Equal(
            [PromptKeys.TestYouPressed, PromptKeys.TestYouPressed, PromptKeys.TestYouPressed, "number-4", "number-4", "number-4", "number-4", "digit-hash", null],
            Read(voice, 9));
        Assert.Equal(PromptOutcome.Played, await said);
    }

    [Fact]
    public async Task Language_PicksTheRecording_AndFallsBackPerPrompt()
    {
        _prompts.Write(PromptKeys.TestYouPressed, frames: 1, PromptLanguage.French);
        _prompts.Write(PromptKeys.TestYouPressed, frames: 1, PromptLanguage.English);
        _prompts.Write("number-7", frames: 1, PromptLanguage.French);
        await _prompts.WarmAsync();
        var voice = new PromptVoice(_prompts.Catalogue, _prompts.Clips, PromptLanguage.English);

        var said = voice.SayAsync([PromptKeys.TestYouPressed, "number-7"]);

        Assert.Equal([$"{PromptKeys.TestYouPressed}/en", "number-7"], Read(voice, 2));
        Assert.Equal(PromptOutcome.Played, await said);
    }

    [Fact]
    public async Task Interrupt_CutsTheSentence_AndTheNextOneStartsAtOnce()
    {
        _prompts.WriteAll([PromptKeys.TestYouPressed, "number-1", "number-2"], frames: 5);
        await _prompts.WarmAsync();
        var voice = new PromptVoice(_prompts.Catalogue, _prompts.Clips, PromptLanguage.French);
        var first = voice.SayAsync([PromptKeys.TestYouPressed, "number-1"]);
        Read(voice, 6);

        voice.Interrupt();
        var second = voice.SayAsync(["number-2"]);

        Assert.Equal(PromptOutcome.Interrupted, await first);
        Assert.Equal(["number-2", "number-2", "number-2", "number-2", "number-2", null], Read(voice, 6));
        Assert.Equal(PromptOutcome.Played, await second);
    }

    [Fact]
    public async Task Interrupt_WhileTheRecordingsLoad_SaysNothing()
    {
        // Not warmed: the files are read on the thread pool, after the interruption whatever the scheduling.
        _prompts.WriteAll([PromptKeys.TestDtmf]);
        var voice = new PromptVoice(_prompts.Catalogue, _prompts.Clips, PromptLanguage.French);

        var said = voice.SayAsync([PromptKeys.TestDtmf]);
        voice.Interrupt();

        Assert.Equal(PromptOutcome.Interrupted, await said);
        Assert.Equal([null], Read(voice, 1));
    }

    [Fact]
    public async Task Cancelling_StopsTheVoice()
    {
        _prompts.WriteAll([PromptKeys.TestPlayback], frames: 10);
        await _prompts.WarmAsync();
        var voice = new PromptVoice(_prompts.Catalogue, _prompts.Clips, PromptLanguage.French);
        using var hangUp = new CancellationTokenSource();
        var said = voice.SayAsync([PromptKeys.TestPlayback], hangUp.Token);
        Read(voice, 1);

        await hangUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => said);
        Assert.Equal([null], Read(voice, 1));
    }

    [Fact]
    public async Task PromptWithoutRecording_FailsSayingWhy_AndNothingIsSaid()
    {
        _prompts.WriteAll([PromptKeys.TestYouPressed]);
        await _prompts.WarmAsync();
        var voice = new PromptVoice(_prompts.Catalogue, _prompts.Clips, PromptLanguage.French);

        var missing = await Assert.ThrowsAsync<FileNotFoundException>(() => voice.SayAsync([PromptKeys.TestYouPressed, "number-3"]));

        Assert.Contains("'number-3'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("espeak-ng", missing.Message, StringComparison.Ordinal);
        Assert.Equal([null], Read(voice, 1));
    }

    [Fact]
    public async Task UnplayableRecording_FailsWithItsStatus()
    {
        string path = Path.Combine(Path.GetDirectoryName(WrittenPath(PromptKeys.TestEcho))!, PromptKeys.TestEcho + ".wav");
        await File.WriteAllBytesAsync(path, [1, 2, 3]);
        var voice = new PromptVoice(_prompts.Catalogue, _prompts.Clips, PromptLanguage.French);

        var unplayable = await Assert.ThrowsAsync<InvalidDataException>(() => voice.SayAsync([PromptKeys.TestEcho]));

        Assert.Contains(PromptKeys.TestEcho, unplayable.Message, StringComparison.Ordinal);
    }

    private string WrittenPath(string key)
    {
        _prompts.Write(key);
        Assert.True(_prompts.Catalogue.TryGetPath(key, out var path));
        return path;
    }

    private List<string?> Read(PromptVoice voice, int frames)
    {
        var heard = new List<string?>();
        for (int i = 0; i < frames; i++)
        {
            voice.Source.Read(_frame, MediaFrame.NarrowbandRate);
            heard.Add(_prompts.KeyOf(_frame));
        }

        return heard;
    }
}
