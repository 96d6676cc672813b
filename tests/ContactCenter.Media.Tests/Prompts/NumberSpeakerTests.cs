using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Prompts;
using Xunit;

namespace ContactCenter.Media.Tests.Prompts;

public sealed class NumberSpeakerTests
{
    [Theory]
    [InlineData(0, "0", "zéro")]
    [InlineData(1, "1", "un")]
    [InlineData(11, "11", "onze")]
    [InlineData(16, "16", "seize")]
    [InlineData(17, "17", "dix-sept")]
    [InlineData(21, "21", "vingt et un")]
    [InlineData(70, "70", "soixante-dix")]
    [InlineData(71, "71", "soixante et onze")]
    [InlineData(77, "77", "soixante-dix-sept")]
    [InlineData(80, "80", "quatre-vingts")]
    [InlineData(81, "81", "quatre-vingt-un")]
    [InlineData(91, "91", "quatre-vingt-onze")]
    [InlineData(99, "99", "quatre-vingt-dix-neuf")]
    [InlineData(100, "hundred", "cent")]
    [InlineData(101, "hundred 1", "cent un")]
    [InlineData(180, "hundred 80", "cent quatre-vingts")]
    [InlineData(200, "2 hundreds", "deux cents")]
    [InlineData(201, "2 hundred 1", "deux cent un")]
    [InlineData(1000, "thousand", "mille")]
    [InlineData(1001, "thousand 1", "mille un")]
    [InlineData(1080, "thousand 80", "mille quatre-vingts")]
    [InlineData(1200, "thousand 2 hundreds", "mille deux cents")]
    [InlineData(2000, "2 thousand", "deux mille")]
    [InlineData(21_000, "21 thousand", "vingt et un mille")]
    [InlineData(80_000, "80-joined thousand", "quatre-vingt mille")]
    [InlineData(80_080, "80-joined thousand 80", "quatre-vingt mille quatre-vingts")]
    [InlineData(100_000, "hundred thousand", "cent mille")]
    [InlineData(180_000, "hundred 80-joined thousand", "cent quatre-vingt mille")]
    [InlineData(200_000, "2 hundred thousand", "deux cent mille")]
    [InlineData(999_999, "9 hundred 99 thousand 9 hundred 99",
        "neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf")]
    public void French_Masculine(int value, string pieces, string words) =>
        AssertNumber(value, PromptLanguage.French, GrammaticalGender.Masculine, pieces, words);

    [Theory]
    [InlineData(1, "1-feminine", "une")]
    [InlineData(2, "2", "deux")]
    [InlineData(11, "11", "onze")]
    [InlineData(21, "21-feminine", "vingt et une")]
    [InlineData(61, "61-feminine", "soixante et une")]
    [InlineData(71, "71", "soixante et onze")]
    [InlineData(81, "81-feminine", "quatre-vingt-une")]
    [InlineData(91, "91", "quatre-vingt-onze")]
    [InlineData(101, "hundred 1-feminine", "cent une")]
    [InlineData(1001, "thousand 1-feminine", "mille une")]
    [InlineData(21_000, "21-feminine thousand", "vingt et une mille")]
    [InlineData(80_000, "80-joined thousand", "quatre-vingt mille")]
    public void French_Feminine(int value, string pieces, string words) =>
        AssertNumber(value, PromptLanguage.French, GrammaticalGender.Feminine, pieces, words);

    [Theory]
    [InlineData(0, "0", "zero")]
    [InlineData(1, "1", "one")]
    [InlineData(11, "11", "eleven")]
    [InlineData(16, "16", "sixteen")]
    [InlineData(17, "17", "seventeen")]
    [InlineData(21, "21", "twenty-one")]
    [InlineData(70, "70", "seventy")]
    [InlineData(71, "71", "seventy-one")]
    [InlineData(77, "77", "seventy-seven")]
    [InlineData(80, "80", "eighty")]
    [InlineData(81, "81", "eighty-one")]
    [InlineData(91, "91", "ninety-one")]
    [InlineData(99, "99", "ninety-nine")]
    [InlineData(100, "1 hundred", "one hundred")]
    [InlineData(101, "1 hundred and 1", "one hundred and one")]
    [InlineData(115, "1 hundred and 15", "one hundred and fifteen")]
    [InlineData(180, "1 hundred and 80", "one hundred and eighty")]
    [InlineData(200, "2 hundred", "two hundred")]
    [InlineData(201, "2 hundred and 1", "two hundred and one")]
    [InlineData(1000, "1 thousand", "one thousand")]
    [InlineData(1001, "1 thousand and 1", "one thousand and one")]
    [InlineData(1100, "1 thousand 1 hundred", "one thousand one hundred")]
    [InlineData(2000, "2 thousand", "two thousand")]
    [InlineData(21_000, "21 thousand", "twenty-one thousand")]
    [InlineData(80_000, "80 thousand", "eighty thousand")]
    [InlineData(100_000, "1 hundred thousand", "one hundred thousand")]
    [InlineData(999_999, "9 hundred and 99 thousand 9 hundred and 99",
        "nine hundred and ninety-nine thousand nine hundred and ninety-nine")]
    public void English(int value, string pieces, string words)
    {
        AssertNumber(value, PromptLanguage.English, GrammaticalGender.Masculine, pieces, words);
        AssertNumber(value, PromptLanguage.English, GrammaticalGender.Feminine, pieces, words);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void Number_OutOfRange_IsRefused(int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberSpeaker.AppendNumber([], value, PromptLanguage.French));

    [Theory]
    [InlineData("123#", "number-1 number-2 number-3 digit-hash", "un deux trois dièse", "one two three hash")]
    [InlineData("*0ABCD9", "digit-star number-0 digit-a digit-b digit-c digit-d number-9",
        "étoile zéro A B C D neuf", "star zero A B C D nine")]
    [InlineData("", "", "", "")]
    public void Digits_AreReadOneByOne(string digits, string expectedKeys, string french, string english)
    {
        var keys = new List<string>();
        NumberSpeaker.AppendDigits(keys, digits);

        Assert.Equal(expectedKeys, string.Join(' ', keys));
        Assert.Equal(french, PromptWords.Say(keys, PromptLanguage.French));
        Assert.Equal(english, PromptWords.Say(keys, PromptLanguage.English));
    }

    [Theory]
    [InlineData("12x")]
    [InlineData("a")]
    [InlineData("1 2")]
    public void Digits_WithANonKey_AreRefusedAndAppendNothing(string digits)
    {
        var keys = new List<string> { PromptKeys.TestYouPressed };
        Assert.Throws<ArgumentException>(() => NumberSpeaker.AppendDigits(keys, digits));
        Assert.Equal([PromptKeys.TestYouPressed], keys);
    }

    [Theory]
    [InlineData(0, "zéro nouveau message", "zero new messages")]
    [InlineData(1, "un nouveau message", "one new message")]
    [InlineData(2, "deux nouveaux messages", "two new messages")]
    [InlineData(21, "vingt et un nouveaux messages", "twenty-one new messages")]
    public void Count_AgreesWithTheNumber(int count, string french, string english)
    {
        Assert.Equal(french, SayCount(count, PromptLanguage.French));
        Assert.Equal(english, SayCount(count, PromptLanguage.English));

        static string SayCount(int count, PromptLanguage language)
        {
            var keys = new List<string>();
            NumberSpeaker.AppendCount(keys, count, PromptKeys.VoicemailNewMessage, PromptKeys.VoicemailNewMessages,
                GrammaticalGender.Masculine, language);
            return PromptWords.Say(keys, language);
        }
    }

    [Theory]
    [InlineData(0, "zéro seconde", "zero seconds")]
    [InlineData(1, "une seconde", "one second")]
    [InlineData(45.9, "quarante-cinq secondes", "forty-five seconds")]
    [InlineData(60, "une minute", "one minute")]
    [InlineData(90, "une minute et trente secondes", "one minute and thirty seconds")]
    [InlineData(180, "trois minutes", "three minutes")]
    [InlineData(21 * 60 + 1, "vingt et une minutes et une seconde", "twenty-one minutes and one second")]
    [InlineData(81 * 60, "quatre-vingt-une minutes", "eighty-one minutes")]
    [InlineData(200 * 60, "deux cents minutes", "two hundred minutes")]
    public void Duration_SaysMinutesAndSeconds(double seconds, string french, string english)
    {
        Assert.Equal(french, SayDuration(seconds, PromptLanguage.French));
        Assert.Equal(english, SayDuration(seconds, PromptLanguage.English));

        static string SayDuration(double seconds, PromptLanguage language)
        {
            var keys = new List<string>();
            NumberSpeaker.AppendDuration(keys, TimeSpan.FromSeconds(seconds), language);
            return PromptWords.Say(keys, language);
        }
    }

    [Fact]
    public void Duration_OutOfRange_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberSpeaker.AppendDuration([], TimeSpan.FromSeconds(-1), PromptLanguage.English));
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberSpeaker.AppendDuration([], TimeSpan.FromMinutes(NumberSpeaker.MaxValue + 1), PromptLanguage.English));
    }

    [Fact]
    public void EveryKeyTheSpeakerCanEmit_ExistsInBothLanguages()
    {
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var language in PromptLanguages.All)
        {
            for (int value = 0; value <= NumberSpeaker.MaxValue; value++)
            {
                NumberSpeaker.AppendNumber(emitted, value, language, GrammaticalGender.Masculine);
                NumberSpeaker.AppendNumber(emitted, value, language, GrammaticalGender.Feminine);
            }

            for (int seconds = 0; seconds < 7200; seconds++)
            {
                NumberSpeaker.AppendDuration(emitted, TimeSpan.FromSeconds(seconds), language);
            }
        }

        NumberSpeaker.AppendDigits(emitted, DtmfDigit.Keys);

        Assert.All(emitted, key => Assert.True(DefaultPromptTexts.IsKnown(key), key));
        foreach (var language in PromptLanguages.All)
        {
            Assert.All(emitted, key => Assert.True(DefaultPromptTexts.TryGetText(key, language, out _), $"{key} in {language}"));
        }

        // Every number piece of the files is used: none is left for translators to maintain in vain.
        Assert.All(DefaultPromptTexts.Keys.Where(k => k.StartsWith("number-", StringComparison.Ordinal) || k.StartsWith("digit-", StringComparison.Ordinal)),
            key => Assert.Contains(key, emitted));
    }

    private static void AssertNumber(int value, PromptLanguage language, GrammaticalGender gender, string pieces, string words)
    {
        var keys = new List<string>();
        NumberSpeaker.AppendNumber(keys, value, language, gender);

        Assert.Equal(pieces.Split(' ').Select(p => "number-" + p), keys);
        Assert.Equal(words, PromptWords.Say(keys, language));
    }
}
