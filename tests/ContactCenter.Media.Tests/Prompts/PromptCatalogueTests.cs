using ContactCenter.Media.Prompts;
using ContactCenter.Media.Tests.Tools;
using ContactCenter.Sip.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ContactCenter.Media.Tests.Prompts;

public sealed class PromptCatalogueTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeLoggerFactory _logs = new();
    private readonly PromptCatalogue _catalogue;

    public PromptCatalogueTests() => _catalogue = Create(PromptLanguage.French);

    private string DefaultDirectory => _directory.File("defaults");

    private string CustomDirectory => _directory.File("data-prompts");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void DefaultRecording_IsFoundInTheLanguageAsked()
    {
        string french = WriteDefault(PromptKeys.GreetingWelcome, "fr");
        string english = WriteDefault(PromptKeys.GreetingWelcome, "en");

        Assert.True(_catalogue.TryGetPath(PromptKeys.GreetingWelcome, PromptLanguage.French, out var path));
        Assert.Equal(french, path);
        Assert.True(_catalogue.TryGetPath(PromptKeys.GreetingWelcome, PromptLanguage.English, out path));
        Assert.Equal(english, path);
        Assert.True(_catalogue.TryGetPath(PromptKeys.GreetingWelcome, out path));
        Assert.Equal(french, path);
    }

    [Fact]
    public void DefaultLanguage_ComesFromTheOptions()
    {
        WriteDefault(PromptKeys.GreetingWelcome, "fr");
        string english = WriteDefault(PromptKeys.GreetingWelcome, "en");
        var catalogue = Create(PromptLanguage.English);

        Assert.Equal(PromptLanguage.English, catalogue.DefaultLanguage);
        Assert.True(catalogue.TryGetPath(PromptKeys.GreetingWelcome, out var path));
        Assert.Equal(english, path);
    }

    [Fact]
    public void CustomRecording_WinsOverTheDefault_InItsLanguageOnly()
    {
        WriteDefault(PromptKeys.GreetingWelcome, "fr");
        string english = WriteDefault(PromptKeys.GreetingWelcome, "en");
        string custom = WriteCustom(PromptKeys.GreetingWelcome, "fr");

        Assert.True(_catalogue.TryGetPath(PromptKeys.GreetingWelcome, PromptLanguage.French, out var path));
        Assert.Equal(custom, path);
        Assert.True(_catalogue.TryGetPath(PromptKeys.GreetingWelcome, PromptLanguage.English, out path));
        Assert.Equal(english, path);
        Assert.Equal(PromptState.Custom, _catalogue.GetState(PromptKeys.GreetingWelcome, PromptLanguage.French));
        Assert.Equal(PromptState.Default, _catalogue.GetState(PromptKeys.GreetingWelcome, PromptLanguage.English));
    }

    [Fact]
    public void MissingInOneLanguage_PlaysTheOther_CustomFirst()
    {
        WriteDefault(PromptKeys.QueueAllAgentsBusy, "en");

        Assert.True(_catalogue.TryGetPath(PromptKeys.QueueAllAgentsBusy, PromptLanguage.French, out var path));
        Assert.Equal(Path.Combine(DefaultDirectory, "en", "queue-all-agents-busy.wav"), path);

        string custom = WriteCustom(PromptKeys.QueueAllAgentsBusy, "en");
        Assert.True(_catalogue.TryGetPath(PromptKeys.QueueAllAgentsBusy, PromptLanguage.French, out path));
        Assert.Equal(custom, path);
        Assert.Equal(PromptState.Missing, _catalogue.GetState(PromptKeys.QueueAllAgentsBusy, PromptLanguage.French));
    }

    [Fact]
    public void NoRecordingAnywhere_IsNotFound()
    {
        Assert.False(_catalogue.TryGetPath(PromptKeys.TestEcho, PromptLanguage.English, out var path));
        Assert.Null(path);
    }

    [Theory]
    [InlineData("no-such-prompt")]
    [InlineData("../en/greeting-welcome")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public void UnknownOrHostileKey_FindsNothing_EvenWhenAFileExists(string key)
    {
        WriteDefault(PromptKeys.GreetingWelcome, "en");
        WriteDefault("no-such-prompt", "en");

        Assert.False(_catalogue.TryGetPath(key, PromptLanguage.English, out _));
        Assert.Throws<ArgumentException>(() => _catalogue.GetState(key, PromptLanguage.English));
        Assert.Equal(PromptChangeStatus.UnknownKey, _catalogue.RevertToDefault(key, PromptLanguage.English).Status);
    }

    [Fact]
    public void List_GivesEveryKeyInEveryLanguage_WithStateAndWords()
    {
        WriteDefault(PromptKeys.GreetingWelcome, "fr");
        WriteCustom(PromptKeys.GreetingWelcome, "en");

        var list = _catalogue.List();

        Assert.Equal(DefaultPromptTexts.Keys.Count * 2, list.Count);
        var french = Assert.Single(list, p => p.Key == PromptKeys.GreetingWelcome && p.Language == PromptLanguage.French);
        Assert.Equal(PromptState.Default, french.State);
        Assert.Equal("Bonjour, et merci de votre appel.", french.Text);
        var english = Assert.Single(list, p => p.Key == PromptKeys.GreetingWelcome && p.Language == PromptLanguage.English);
        Assert.Equal(PromptState.Custom, english.State);
        Assert.Equal("Welcome, and thank you for calling.", english.Text);
        Assert.Equal(DefaultPromptTexts.Keys.Count * 2 - 2, list.Count(p => p.State == PromptState.Missing));
    }

    [Fact]
    public void ReportMissing_WarnsWithTheCountAndHowToInstallTheTools()
    {
        WriteDefault(PromptKeys.GreetingWelcome, "fr");

        var missing = _catalogue.ReportMissing();

        int total = DefaultPromptTexts.Keys.Count * 2;
        Assert.Equal(total - 1, missing.Count);
        Assert.DoesNotContain(missing, p => p.Key == PromptKeys.GreetingWelcome && p.Language == PromptLanguage.French);
        var warning = Assert.Single(_logs.Entries, e => e.EventId.Id == 2900);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains($"{total - 1} of {total}", warning.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install espeak-ng sox", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportMissing_WithEveryRecording_SaysSoOnce()
    {
        foreach (var language in PromptLanguages.All)
        {
            foreach (string key in DefaultPromptTexts.Keys)
            {
                WriteDefault(key, PromptLanguages.Code(language));
            }
        }

        WriteCustom(PromptKeys.IvrMainMenu, "fr");

        Assert.Empty(_catalogue.ReportMissing());
        Assert.Equal(0, _logs.Count(2900));
        var ready = Assert.Single(_logs.Entries, e => e.EventId.Id == 2901);
        Assert.Contains("1 replaced", ready.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RevertToDefault_RemovesTheCustomRecording()
    {
        string french = WriteDefault(PromptKeys.GreetingWelcome, "fr");
        WriteCustom(PromptKeys.GreetingWelcome, "fr");
        string english = WriteCustom(PromptKeys.GreetingWelcome, "en");

        var result = _catalogue.RevertToDefault(PromptKeys.GreetingWelcome, PromptLanguage.French);

        Assert.True(result.Succeeded);
        Assert.True(_catalogue.TryGetPath(PromptKeys.GreetingWelcome, PromptLanguage.French, out var path));
        Assert.Equal(french, path);
        Assert.True(File.Exists(english));
        Assert.Equal(1, _logs.Count(2904));
    }

    [Fact]
    public void RevertToDefault_WithoutACustomRecording_IsDone_AndChangesNothing()
    {
        string french = WriteDefault(PromptKeys.GreetingWelcome, "fr");

        Assert.True(_catalogue.RevertToDefault(PromptKeys.GreetingWelcome, PromptLanguage.French).Succeeded);
        Assert.True(File.Exists(french));
        Assert.Equal(0, _logs.Count(2904));
    }

    [Fact]
    public void Options_WithoutACustomDirectory_AreRefused() =>
        Assert.Throws<ArgumentException>(() => new PromptCatalogue(
            new PromptCatalogueOptions { DefaultDirectory = DefaultDirectory }, _logs.CreateLogger<PromptCatalogue>()));

    private PromptCatalogue Create(PromptLanguage language) => new(
        new PromptCatalogueOptions { DefaultDirectory = DefaultDirectory, CustomDirectory = CustomDirectory, DefaultLanguage = language },
        _logs.CreateLogger<PromptCatalogue>());

    private string WriteDefault(string key, string code) => Write(DefaultDirectory, key, code);

    private string WriteCustom(string key, string code) => Write(CustomDirectory, key, code);

    // The catalogue only looks for files; what they hold is the player's business (and checked on upload).
    private static string Write(string root, string key, string code)
    {
        string path = Path.Combine(root, code, key + ".wav");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
        return path;
    }
}
