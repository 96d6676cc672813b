namespace ContactCenter.Media.Prompts;

/// <summary>One prompt in one language, as the administration pages list it.</summary>
/// <param name="Key">The prompt key, for example <c>greeting-welcome</c>.</param>
/// <param name="Language">The language.</param>
/// <param name="State">Which recording plays.</param>
/// <param name="Text">The words of the default recording (a custom one may say something else).</param>
public sealed record PromptStatus(string Key, PromptLanguage Language, PromptState State, string Text);
