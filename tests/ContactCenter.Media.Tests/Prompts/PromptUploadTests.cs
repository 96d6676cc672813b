using ContactCenter.Media.Prompts;
using ContactCenter.Media.Tests.Tools;
using ContactCenter.Sip.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ContactCenter.Media.Tests.Prompts;

/// <summary>An administrator's recording replacing a default prompt; the files are made by sox.</summary>
public sealed class PromptUploadTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeLoggerFactory _logs = new();
    private readonly PromptCatalogue _catalogue;

    public PromptUploadTests()
    {
        string defaults = _directory.File("defaults");
        Directory.CreateDirectory(Path.Combine(defaults, "fr"));
        File.WriteAllBytes(Path.Combine(defaults, "fr", PromptKeys.GreetingWelcome + ".wav"), [1]);
        _catalogue = new PromptCatalogue(
            new PromptCatalogueOptions { DefaultDirectory = defaults, CustomDirectory = CustomDirectory, MaxRecordingDuration = TimeSpan.FromSeconds(5) },
            _logs.CreateLogger<PromptCatalogue>());
    }

    private string CustomDirectory => _directory.File("custom");

    private string CustomFrench => Path.Combine(CustomDirectory, "fr");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task PlayableWav_ReplacesTheDefault_ByteForByte()
    {
        byte[] upload = Sox("up.wav", "-r", "16000", "-c", "1", "-b", "16", "synth", "1", "sine", "440");

        var result = await Replace(PromptKeys.GreetingWelcome, upload);

        Assert.True(result.Succeeded, result.Reason);
        Assert.True(_catalogue.TryGetPath(PromptKeys.GreetingWelcome, PromptLanguage.French, out var path));
        Assert.Equal(Path.Combine(CustomFrench, "greeting-welcome.wav"), path);
        Assert.Equal(upload, File.ReadAllBytes(path));
        Assert.Equal(["greeting-welcome.wav"], Directory.GetFiles(CustomFrench).Select(Path.GetFileName));
        Assert.Equal(1, _logs.Count(2902));
    }

    [Fact]
    public async Task SecondUpload_ReplacesTheFirst_AndRevertBringsBackTheDefault()
    {
        Assert.True((await Replace(PromptKeys.GreetingWelcome, Sox("a.wav", "-r", "8000", "-c", "1", "-e", "u-law", "synth", "0.5", "sine", "300"))).Succeeded);
        byte[] second = Sox("b.wav", "-r", "8000", "-c", "1", "-e", "a-law", "synth", "0.7", "sine", "500");

        Assert.True((await Replace(PromptKeys.GreetingWelcome, second)).Succeeded);
        Assert.Equal(second, File.ReadAllBytes(Path.Combine(CustomFrench, "greeting-welcome.wav")));
        Assert.Single(Directory.GetFiles(CustomFrench));

        Assert.True(_catalogue.RevertToDefault(PromptKeys.GreetingWelcome, PromptLanguage.French).Succeeded);
        Assert.Equal(PromptState.Default, _catalogue.GetState(PromptKeys.GreetingWelcome, PromptLanguage.French));
    }

    [Theory]
    [InlineData("2 channels: save the recording in mono", "-r", "8000", "-c", "2", "-b", "16", "synth", "1", "sine", "440")]
    [InlineData("44100 Hz: save the recording at 8000 or 16000 Hz", "-r", "44100", "-c", "1", "-b", "16", "synth", "1", "sine", "440")]
    [InlineData("24-bit samples: save as 16-bit PCM", "-r", "8000", "-c", "1", "-b", "24", "synth", "1", "sine", "440")]
    [InlineData("WAVE format 3 is not supported: save as 16-bit PCM (or G.711 µ-law / A-law)", "-r", "8000", "-c", "1", "-e", "floating-point", "-b", "32", "synth", "1", "sine", "440")]
    [InlineData("longer than the 5 seconds allowed", "-r", "8000", "-c", "1", "-b", "16", "synth", "6", "sine", "440")]
    public async Task UnplayableWav_IsRefusedWithItsReason_AndChangesNothing(string reason, params string[] soxEffects)
    {
        byte[] previous = Sox("ok.wav", "-r", "8000", "-c", "1", "-b", "16", "synth", "1", "sine", "440");
        Assert.True((await Replace(PromptKeys.GreetingWelcome, previous)).Succeeded);

        var result = await Replace(PromptKeys.GreetingWelcome, Sox("bad.wav", soxEffects));

        Assert.Equal(PromptChangeStatus.InvalidRecording, result.Status);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(previous, File.ReadAllBytes(Path.Combine(CustomFrench, "greeting-welcome.wav")));
        Assert.Single(Directory.GetFiles(CustomFrench));
        Assert.Equal(1, _logs.Count(2903));
    }

    [Fact]
    public async Task NotAWav_OrACutOne_IsRefused_AndNothingIsCreated()
    {
        var text = await Replace(PromptKeys.GreetingWelcome, "hello, this is not audio"u8.ToArray());
        byte[] whole = Sox("cut.wav", "-r", "8000", "-c", "1", "-b", "16", "synth", "1", "sine", "440");
        var cut = await Replace(PromptKeys.GreetingWelcome, whole[..(whole.Length / 2)]);

        Assert.Equal(("not a WAVE file (.wav)", PromptChangeStatus.InvalidRecording), (text.Reason, text.Status));
        Assert.Equal(("the WAVE file is damaged or cut short (Truncated)", PromptChangeStatus.InvalidRecording), (cut.Reason, cut.Status));
        Assert.False(Directory.Exists(CustomDirectory));
    }

    [Fact]
    public async Task HugeUpload_IsRefusedWithoutBeingReadWhole()
    {
        using var endless = new CountingZeroStream();

        var result = await _catalogue.ReplaceAsync(PromptKeys.GreetingWelcome, PromptLanguage.French, endless);

        Assert.Equal(PromptChangeStatus.InvalidRecording, result.Status);
        Assert.StartsWith("longer than", result.Reason, StringComparison.Ordinal);
        Assert.InRange(endless.Position, 1, (2 * 1024 * 1024) + 64 * 1024);
        Assert.False(Directory.Exists(CustomDirectory));
    }

    [Theory]
    [InlineData("no-such-prompt")]
    [InlineData("../../escape")]
    [InlineData("greeting-welcome/../../x")]
    public async Task UnknownKey_IsRefused_AndNothingIsWritten(string key)
    {
        byte[] upload = Sox("up.wav", "-r", "8000", "-c", "1", "-b", "16", "synth", "1", "sine", "440");

        var result = await Replace(key, upload);

        Assert.Equal(PromptChangeStatus.UnknownKey, result.Status);
        Assert.Contains("is not a prompt key", result.Reason, StringComparison.Ordinal);
        Assert.False(Directory.Exists(CustomDirectory));
        Assert.DoesNotContain(Directory.GetFiles(_directory.Path, "*", SearchOption.AllDirectories), f => f.Contains("escape", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancelledUpload_ChangesNothing()
    {
        byte[] upload = Sox("up.wav", "-r", "8000", "-c", "1", "-b", "16", "synth", "1", "sine", "440");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _catalogue.ReplaceAsync(PromptKeys.GreetingWelcome, PromptLanguage.French, new MemoryStream(upload), cancelled.Token));

        Assert.Equal(PromptState.Default, _catalogue.GetState(PromptKeys.GreetingWelcome, PromptLanguage.French));
    }

    private async Task<PromptChangeResult> Replace(string key, byte[] upload)
    {
        using var stream = new MemoryStream(upload);
        return await _catalogue.ReplaceAsync(key, PromptLanguage.French, stream);
    }

    private byte[] Sox(string name, params string[] formatAndEffects)
    {
        string path = _directory.File(name);
        int synth = Array.IndexOf(formatAndEffects, "synth");
        ExternalTool.Run("sox", ["-n", .. formatAndEffects[..synth], path, .. formatAndEffects[synth..]]);
        return File.ReadAllBytes(path);
    }

    /// <summary>An endless stream of zeros that counts how much was read.</summary>
    private sealed class CountingZeroStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            Position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
