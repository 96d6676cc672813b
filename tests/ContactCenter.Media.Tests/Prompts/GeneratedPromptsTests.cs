using ContactCenter.Media.Codecs;
using ContactCenter.Media.Prompts;
using ContactCenter.Media.Tests.Codecs;
using Xunit;

namespace ContactCenter.Media.Tests.Prompts;

/// <summary>
/// The prompts the build generated (espeak-ng + sox) and copied beside this assembly, as every project referencing
/// Media gets them. A build without the tools leaves them out: these tests then fail saying so.
/// </summary>
public sealed class GeneratedPromptsTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "prompts");

    [Fact]
    public void EveryKey_HasOneRecordingPerLanguage_AndNothingElse()
    {
        foreach (var language in PromptLanguages.All)
        {
            string folder = LanguageFolder(language);
            var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal);
            var expected = DefaultPromptTexts.Keys.Select(k => k + ".wav").Order(StringComparer.Ordinal);
            Assert.Equal(expected, files);
        }
    }

    [Fact]
    public void EveryRecording_Is8kHzMono16BitSpeech_NormalisedTo3dBBelowFullScale()
    {
        foreach (var language in PromptLanguages.All)
        {
            foreach (string key in DefaultPromptTexts.Keys)
            {
                string path = Path.Combine(LanguageFolder(language), key + ".wav");
                var (info, samples) = GeneratedPrompt.Read(path);

                Assert.True(info is { Encoding: WavEncoding.Pcm16, Channels: 1, SampleRate: 8000 },
                    $"{path}: {info.Encoding}, {info.Channels} channels, {info.SampleRate} Hz");
                // A single syllable ("six", "A") is about a quarter of a second; the longest menu well under 20 s.
                Assert.InRange(samples.Length, 8000 / 5, 8000 * 20);
                int peak = samples.Max(s => Math.Abs((int)s));
                Assert.InRange(peak, 20000, 26000);
                Assert.True(SignalMath.Rms(samples) > 1000, $"{path}: RMS {SignalMath.Rms(samples):F0}, silent?");
            }
        }
    }

    [Fact]
    public void FrenchAndEnglish_AreDifferentRecordings()
    {
        var (_, french) = GeneratedPrompt.Read(Path.Combine(LanguageFolder(PromptLanguage.French), PromptKeys.TestEcho + ".wav"));
        var (_, english) = GeneratedPrompt.Read(Path.Combine(LanguageFolder(PromptLanguage.English), PromptKeys.TestEcho + ".wav"));

        Assert.NotEqual(french, english);
    }

    private static string LanguageFolder(PromptLanguage language)
    {
        string folder = Path.Combine(Root, PromptLanguages.Code(language));
        return Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException(
                $"{folder} is missing: the build did not generate the voice prompts. Install the tools (sudo apt-get install espeak-ng sox) and rebuild.");
    }
}
