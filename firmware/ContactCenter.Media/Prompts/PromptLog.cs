using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Prompts;

/// <summary>Source-generated log lines of the prompt catalogue (event IDs 2900–2919).</summary>
internal static partial class PromptLog
{
    [LoggerMessage(2900, LogLevel.Warning, "{Missing} of {Total} default voice prompts have no recording under {Directory} (for example {Examples}); callers hear the other language or nothing. Build with espeak-ng and sox installed: sudo apt-get install espeak-ng sox")]
    public static partial void DefaultsMissing(ILogger logger, int missing, int total, string directory, string examples);

    [LoggerMessage(2901, LogLevel.Information, "Voice prompts: {Total} per language under {Directory}, {Custom} replaced by uploaded recordings, default language {Language}")]
    public static partial void Ready(ILogger logger, int total, string directory, int custom, PromptLanguage language);

    [LoggerMessage(2902, LogLevel.Information, "Prompt {Key} ({Language}) replaced by an uploaded recording of {Duration}")]
    public static partial void Replaced(ILogger logger, string key, PromptLanguage language, TimeSpan duration);

    [LoggerMessage(2903, LogLevel.Warning, "Upload for prompt {Key} ({Language}) refused: {Reason}")]
    public static partial void ReplaceRefused(ILogger logger, string key, PromptLanguage language, string reason);

    [LoggerMessage(2904, LogLevel.Information, "Prompt {Key} ({Language}) reverted to its default recording")]
    public static partial void Reverted(ILogger logger, string key, PromptLanguage language);

    [LoggerMessage(2905, LogLevel.Debug, "Prompt {Key} has no recording in {Language}; playing the {Fallback} one")]
    public static partial void FellBack(ILogger logger, string key, PromptLanguage language, PromptLanguage fallback);
}
