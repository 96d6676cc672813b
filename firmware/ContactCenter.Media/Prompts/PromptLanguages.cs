using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Media.Prompts;

/// <summary>The ISO 639-1 codes of <see cref="PromptLanguage"/> (folder and file names) and the fallback between them.</summary>
public static class PromptLanguages
{
    /// <summary>Every prompt language, French first.</summary>
    public static IReadOnlyList<PromptLanguage> All { get; } = [PromptLanguage.French, PromptLanguage.English];

    /// <summary>The two-letter code: <c>fr</c> or <c>en</c>.</summary>
    /// <param name="language">A language.</param>
    /// <returns>The code used for folders (<c>prompts/fr/</c>) and text files (<c>fr.txt</c>).</returns>
    public static string Code(PromptLanguage language) => language switch
    {
        PromptLanguage.French => "fr",
        PromptLanguage.English => "en",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "not a prompt language"),
    };

    /// <summary>Reads a two-letter code (exactly <c>fr</c> or <c>en</c>, lower case).</summary>
    /// <param name="code">The code, for example from a web form.</param>
    /// <param name="language">The language when the code is known.</param>
    /// <returns>False for anything else.</returns>
    public static bool TryParse([NotNullWhen(true)] string? code, out PromptLanguage language)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(code, Code(candidate), StringComparison.Ordinal))
            {
                language = candidate;
                return true;
            }
        }

        language = default;
        return false;
    }

    /// <summary>The language tried when a prompt is missing in <paramref name="language"/>: the other one.</summary>
    /// <param name="language">The language asked for.</param>
    /// <returns>English for French and French for English.</returns>
    public static PromptLanguage Fallback(PromptLanguage language) =>
        language == PromptLanguage.French ? PromptLanguage.English : PromptLanguage.French;
}
