using ContactCenter.Media.Prompts;

namespace ContactCenter.Media.Tests.Prompts;

/// <summary>What a key sequence says, from the default texts: "deux cent un".</summary>
internal static class PromptWords
{
    public static string Say(IEnumerable<string> keys, PromptLanguage language) =>
        string.Join(' ', keys.Select(key => DefaultPromptTexts.TryGetText(key, language, out var text)
            ? text
            : throw new InvalidOperationException($"no text for {key} in {language}")));
}
