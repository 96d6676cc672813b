using System.Reflection;
using ContactCenter.Media.Prompts;
using Xunit;

namespace ContactCenter.Media.Tests.Prompts;

public sealed class DefaultPromptTextsTests
{
    [Fact]
    public void BothLanguages_HoldTheSameKeys_EachWithWords()
    {
        Assert.True(DefaultPromptTexts.Keys.Count > 150, $"only {DefaultPromptTexts.Keys.Count} keys");
        foreach (var language in PromptLanguages.All)
        {
            Assert.All(DefaultPromptTexts.Keys, key =>
            {
                Assert.True(DefaultPromptTexts.TryGetText(key, language, out var text), $"{key} missing in {language}");
                Assert.False(string.IsNullOrWhiteSpace(text));
            });
        }
    }

    [Fact]
    public void EveryNamedKey_IsInTheFiles()
    {
        var named = typeof(PromptKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.True(named.Count > 40);
        Assert.All(named, key => Assert.True(DefaultPromptTexts.IsKnown(key), key));
    }

    [Fact]
    public void FrenchTexts_AreFrench()
    {
        Assert.True(DefaultPromptTexts.TryGetText(PromptKeys.QueueAllAgentsBusy, PromptLanguage.French, out var busy));
        Assert.Contains("occupés", busy, StringComparison.Ordinal);
        Assert.True(DefaultPromptTexts.TryGetText("number-80", PromptLanguage.French, out var eighty));
        Assert.Equal("quatre-vingts", eighty);
        Assert.True(DefaultPromptTexts.TryGetText(PromptKeys.UnitSecond, PromptLanguage.French, out var second));
        Assert.Equal("seconde", second);
    }

    [Theory]
    [InlineData("greeting-welcome", true)]
    [InlineData("number-80-joined", true)]
    [InlineData("a.b_c-9", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData(".hidden", false)]
    [InlineData("-x", false)]
    [InlineData("../etc/passwd", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("Welcome", false)]
    [InlineData("two words", false)]
    [InlineData("é", false)]
    public void KeyShape_IsChecked(string? key, bool wellFormed) =>
        Assert.Equal(wellFormed, PromptKeys.IsWellFormed(key));

    [Fact]
    public void KeyShape_IsAtMost64Characters()
    {
        Assert.True(PromptKeys.IsWellFormed(new string('a', 64)));
        Assert.False(PromptKeys.IsWellFormed(new string('a', 65)));
    }

    [Fact]
    public void TextFile_TakesTabsOrSpaces_AndSkipsNotes()
    {
        const string file = "# a note\n\nfirst\tHello there.\r\nsecond    Bonjour, à tous.  \n  \n";

        var entries = PromptTextFile.Parse(new StringReader(file), "t.txt");

        Assert.Equal(
            [new("first", "Hello there."), new("second", "Bonjour, à tous.")],
            entries);
    }

    [Theory]
    [InlineData("lonely\n", "t.txt:1:")]
    [InlineData("# note\nkey\t   \n", "t.txt:2:")]
    [InlineData("Bad-Key\ttext\n", "t.txt:1:")]
    [InlineData("../up\ttext\n", "t.txt:1:")]
    [InlineData("same\tone\nsame\ttwo\n", "t.txt:2: the key same appears twice")]
    public void TextFile_BadLine_IsNamed(string file, string message)
    {
        var error = Assert.Throws<FormatException>(() => PromptTextFile.Parse(new StringReader(file), "t.txt"));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
