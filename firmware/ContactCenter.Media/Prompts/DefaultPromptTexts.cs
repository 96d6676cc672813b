using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Media.Prompts;

/// <summary>
/// The default prompt set as written in <c>Prompts/Default/&lt;lang&gt;.txt</c>, embedded in this assembly: the keys
/// the appliance knows (an upload for any other key is refused) and the words each default recording says.
/// </summary>
public static class DefaultPromptTexts
{
    private static readonly Lazy<Texts> Loaded = new(Load);

    /// <summary>Every known key, in the order of the French file.</summary>
    public static IReadOnlyList<string> Keys => Loaded.Value.Keys;

    /// <summary>Whether <paramref name="key"/> is one of <see cref="Keys"/>.</summary>
    /// <param name="key">A candidate key.</param>
    /// <returns>True for a known key.</returns>
    public static bool IsKnown([NotNullWhen(true)] string? key) => key is not null && Loaded.Value.Known.Contains(key);

    /// <summary>The words the default prompt <paramref name="key"/> says in <paramref name="language"/>.</summary>
    /// <param name="key">A key.</param>
    /// <param name="language">A language.</param>
    /// <param name="text">The words, when the key is known in that language.</param>
    /// <returns>False for an unknown key.</returns>
    public static bool TryGetText(string key, PromptLanguage language, [NotNullWhen(true)] out string? text) =>
        Loaded.Value.ByLanguage[(int)language].TryGetValue(key, out text);

    private static Texts Load()
    {
        var byLanguage = new FrozenDictionary<string, string>[PromptLanguages.All.Count];
        var keys = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var language in PromptLanguages.All)
        {
            string name = PromptLanguages.Code(language) + ".txt";
            using var stream = typeof(DefaultPromptTexts).Assembly.GetManifestResourceStream("ContactCenter.Media.Prompts.Default." + name)
                ?? throw new InvalidOperationException($"the prompt texts {name} are not embedded in {typeof(DefaultPromptTexts).Assembly.GetName().Name}");
            using var reader = new StreamReader(stream);
            var entries = PromptTextFile.Parse(reader, name);
            byLanguage[(int)language] = entries.ToFrozenDictionary(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (known.Add(entry.Key))
                {
                    keys.Add(entry.Key);
                }
            }
        }

        return new Texts(keys, known.ToFrozenSet(StringComparer.Ordinal), byLanguage);
    }

    private sealed record Texts(IReadOnlyList<string> Keys, FrozenSet<string> Known, FrozenDictionary<string, string>[] ByLanguage);
}
