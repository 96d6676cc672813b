using ContactCenter.Media.Clock;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Prompts;
using ContactCenter.Media.Tests.Tools;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Media.Tests.Prompts;

/// <summary>
/// A prompt catalogue in a scratch directory whose recordings are 8 kHz WAVE files of one constant sample value per key
/// and language (the mark), a whole number of 20 ms frames long, so that any frame read from a voice says which prompt
/// it belongs to. Shared with the Pbx tests, which hear the test extensions through it.
/// </summary>
internal sealed class MarkedPrompts : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<short, string> _keys = [];

    public MarkedPrompts(PromptLanguage language = PromptLanguage.French)
    {
        Catalogue = new PromptCatalogue(
            new PromptCatalogueOptions { DefaultDirectory = _directory.File("defaults"), CustomDirectory = _directory.File("custom"), DefaultLanguage = language },
            NullLogger<PromptCatalogue>.Instance);
    }

    public PromptCatalogue Catalogue { get; }

    public AudioClipCache Clips { get; } = new(TimeSpan.FromMinutes(1));

    /// <summary>Writes the default recording of <paramref name="key"/> in <paramref name="language"/>; returns its mark.</summary>
    public short Write(string key, int frames = 2, PromptLanguage language = PromptLanguage.French)
    {
        short mark = checked((short)(1000 + (100 * _keys.Count)));
        _keys[mark] = Name(key, language);
        string path = Path.Combine(_directory.File("defaults"), PromptLanguages.Code(language), key + ".wav");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = WavWriter.Create(path, MediaFrame.NarrowbandRate);
        var samples = new short[frames * MediaFrame.Samples(MediaFrame.NarrowbandRate)];
        Array.Fill(samples, mark);
        writer.Write(samples);
        return mark;
    }

    /// <summary>Writes each key (in French, <paramref name="frames"/> frames long).</summary>
    public void WriteAll(IEnumerable<string> keys, int frames = 2)
    {
        foreach (var key in keys)
        {
            Write(key, frames);
        }
    }

    /// <summary>Loads every recording written so far into <see cref="Clips"/>, so that a voice queues them without waiting.</summary>
    public async Task WarmAsync()
    {
        foreach (var file in Directory.EnumerateFiles(_directory.File("defaults"), "*.wav", SearchOption.AllDirectories))
        {
            Xunit.Assert.Equal(WavReadStatus.Ok, (await Clips.LoadAsync(file)).Status);
        }
    }

    /// <summary>
    /// The prompt a frame belongs to: its key (with <c>/en</c> for English), null for silence; fails on a frame that is
    /// not all one mark (a prompt cut inside a frame, or mixed audio).
    /// </summary>
    public string? KeyOf(ReadOnlySpan<short> frame)
    {
        short mark = frame[0];
        Xunit.Assert.True(!frame.ContainsAnyExcept(mark), "a frame mixes two prompts or a prompt and silence");
        return mark == 0 ? null : _keys.TryGetValue(mark, out var key) ? key : throw new Xunit.Sdk.XunitException($"sample {mark} is no prompt's mark");
    }

    public void Dispose() => _directory.Dispose();

    private static string Name(string key, PromptLanguage language) => language == PromptLanguage.French ? key : $"{key}/{PromptLanguages.Code(language)}";
}
