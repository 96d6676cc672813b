namespace ContactCenter.Media.Prompts;

/// <summary>A language the voice prompts exist in (DESIGN.md: French first, then English).</summary>
public enum PromptLanguage
{
    /// <summary>French, code <c>fr</c>.</summary>
    French,

    /// <summary>English, code <c>en</c>.</summary>
    English,
}
