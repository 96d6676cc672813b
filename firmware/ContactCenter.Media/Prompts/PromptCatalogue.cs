using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Prompts;

/// <summary>
/// Finds the recording to play for a prompt key in a language, and lets an administrator replace a default recording
/// with their own (and go back). Layout: <c>&lt;dir&gt;/&lt;lang&gt;/&lt;key&gt;.wav</c> under
/// <see cref="PromptCatalogueOptions.DefaultDirectory"/> (generated at build time) and
/// <see cref="PromptCatalogueOptions.CustomDirectory"/> (uploads, in the data directory). A custom recording wins over
/// the default one; a prompt with neither in the language asked for plays in the other language.
/// </summary>
/// <remarks>
/// The files are the state: every lookup asks the file system, so a restored backup or a second process (the admin
/// command line) is seen at once. Lookups happen when a prompt starts, never per media frame. Writes replace a file by
/// renaming a complete one over it, so a player opening a prompt gets the old recording or the new one, never a part.
/// Thread-safe.
/// </remarks>
public sealed partial class PromptCatalogue
{
    private const string Extension = ".wav";

    private readonly PromptCatalogueOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the catalogue; touches no file.</summary>
    /// <param name="options">Directories and languages; validated here.</param>
    /// <param name="logger">Where missing prompts and changes are reported.</param>
    public PromptCatalogue(PromptCatalogueOptions options, ILogger<PromptCatalogue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _options = options;
        _logger = logger;
    }

    /// <summary>The language used when the caller's is not known.</summary>
    public PromptLanguage DefaultLanguage => _options.DefaultLanguage;

    /// <summary>The recording to play for <paramref name="key"/> in <see cref="DefaultLanguage"/>.</summary>
    /// <param name="key">A prompt key.</param>
    /// <param name="path">The WAV file, when there is one in either language.</param>
    /// <returns>False for an unknown key or when no recording exists in any language.</returns>
    public bool TryGetPath(string key, [NotNullWhen(true)] out string? path) => TryGetPath(key, DefaultLanguage, out path);

    /// <summary>
    /// The recording to play for <paramref name="key"/> in <paramref name="language"/>: the custom one, else the
    /// default one, else the same in the other language.
    /// </summary>
    /// <param name="key">A prompt key.</param>
    /// <param name="language">The caller's language.</param>
    /// <param name="path">The WAV file, when there is one in either language.</param>
    /// <returns>False for an unknown key or when no recording exists in any language.</returns>
    public bool TryGetPath(string key, PromptLanguage language, [NotNullWhen(true)] out string? path)
    {
        path = null;
        if (!DefaultPromptTexts.IsKnown(key))
        {
            return false;
        }

        if (TryGetFile(key, language, out path))
        {
            return true;
        }

        var fallback = PromptLanguages.Fallback(language);
        if (TryGetFile(key, fallback, out path))
        {
            PromptLog.FellBack(_logger, key, language, fallback);
            return true;
        }

        return false;
    }

    /// <summary>Which recording <paramref name="key"/> plays in <paramref name="language"/>, fallback aside.</summary>
    /// <param name="key">A known prompt key.</param>
    /// <param name="language">A language.</param>
    /// <returns>Custom, default, or missing.</returns>
    /// <exception cref="ArgumentException">The key is not a known prompt.</exception>
    public PromptState GetState(string key, PromptLanguage language)
    {
        if (!DefaultPromptTexts.IsKnown(key))
        {
            throw new ArgumentException($"'{key}' is not a prompt key", nameof(key));
        }

        return File.Exists(CustomPath(key, language)) ? PromptState.Custom
            : File.Exists(DefaultPath(key, language)) ? PromptState.Default
            : PromptState.Missing;
    }

    /// <summary>Every known prompt in every language with its state and default words, in file order.</summary>
    /// <returns>One entry per key and language.</returns>
    public IReadOnlyList<PromptStatus> List()
    {
        var list = new List<PromptStatus>(DefaultPromptTexts.Keys.Count * PromptLanguages.All.Count);
        foreach (var language in PromptLanguages.All)
        {
            foreach (string key in DefaultPromptTexts.Keys)
            {
                DefaultPromptTexts.TryGetText(key, language, out var text);
                list.Add(new PromptStatus(key, language, GetState(key, language), text ?? string.Empty));
            }
        }

        return list;
    }

    /// <summary>
    /// Logs at start what callers will hear: a warning naming the prompts without any recording (the build could not
    /// generate them), else a summary line.
    /// </summary>
    /// <returns>The prompts with no recording in their language.</returns>
    public IReadOnlyList<PromptStatus> ReportMissing()
    {
        var all = List();
        var missing = all.Where(p => p.State == PromptState.Missing).ToList();
        if (missing.Count > 0)
        {
            string examples = string.Join(", ", missing.Take(3).Select(p => $"{PromptLanguages.Code(p.Language)}/{p.Key}"));
            PromptLog.DefaultsMissing(_logger, missing.Count, all.Count, _options.DefaultDirectory, examples);
        }
        else
        {
            PromptLog.Ready(_logger, DefaultPromptTexts.Keys.Count, _options.DefaultDirectory,
                all.Count(p => p.State == PromptState.Custom), DefaultLanguage);
        }

        return missing;
    }

    /// <summary>Removes the administrator's recording of <paramref name="key"/>: the default one plays again.</summary>
    /// <param name="key">A known prompt key.</param>
    /// <param name="language">The language of the recording removed.</param>
    /// <returns>Done (also when there was no custom recording), or <see cref="PromptChangeStatus.UnknownKey"/>.</returns>
    public PromptChangeResult RevertToDefault(string key, PromptLanguage language)
    {
        if (!DefaultPromptTexts.IsKnown(key))
        {
            return PromptChangeResult.UnknownKey(key);
        }

        string custom = CustomPath(key, language);
        if (File.Exists(custom))
        {
            File.Delete(custom);
            PromptLog.Reverted(_logger, key, language);
        }

        return PromptChangeResult.Done;
    }

    private bool TryGetFile(string key, PromptLanguage language, [NotNullWhen(true)] out string? path)
    {
        path = CustomPath(key, language);
        if (File.Exists(path))
        {
            return true;
        }

        path = DefaultPath(key, language);
        if (File.Exists(path))
        {
            return true;
        }

        path = null;
        return false;
    }

    // Only known keys reach these: their shape (PromptKeys.IsWellFormed) keeps the file inside the language folder.
    private string CustomPath(string key, PromptLanguage language) => Path.Combine(CustomFolder(language), key + Extension);

    private string CustomFolder(PromptLanguage language) => Path.Combine(_options.CustomDirectory, PromptLanguages.Code(language));

    private string DefaultPath(string key, PromptLanguage language) =>
        Path.Combine(_options.DefaultDirectory, PromptLanguages.Code(language), key + Extension);
}
