namespace ContactCenter.Media.Prompts;

/// <summary>
/// Reads a prompt text file (<c>Prompts/Default/&lt;lang&gt;.txt</c>): one <c>key&lt;TAB&gt;text</c> line per prompt,
/// <c>#</c> lines are translators' notes. The key ends at the first space or tab, so a translator's editor that turns
/// the tab into spaces does no harm. <c>generate-prompts.sh</c> reads the same format.
/// </summary>
internal static class PromptTextFile
{
    /// <summary>Parses the whole file; throws <see cref="FormatException"/> naming the first bad line.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(TextReader reader, string name)
    {
        var entries = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            int separator = line.AsSpan().IndexOfAny(' ', '\t');
            string key = separator < 0 ? line : line[..separator];
            string text = separator < 0 ? string.Empty : line[separator..].Trim();
            if (!PromptKeys.IsWellFormed(key) || text.Length == 0)
            {
                throw new FormatException($"{name}:{number}: expected \"key<TAB>text\" with a key of a-z 0-9 - _ .");
            }

            if (!seen.Add(key))
            {
                throw new FormatException($"{name}:{number}: the key {key} appears twice");
            }

            entries.Add(new(key, text));
        }

        return entries;
    }
}
