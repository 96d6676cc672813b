using System.Text.Json;

namespace ContactCenter.Board.Profiles;

/// <summary>
/// Finds and validates board profiles. The shipped profiles are embedded in the assembly; a file named
/// <c>&lt;name&gt;.json</c> in the override directory replaces the embedded profile of that name, and a path to a
/// <c>.json</c> file loads that file.
/// </summary>
public static class BoardProfileLoader
{
    private const string ResourcePrefix = "ContactCenter.Board.Profiles.";
    private const string JsonExtension = ".json";

    /// <summary>The profiles shipped in the assembly.</summary>
    public static IReadOnlyList<string> EmbeddedNames { get; } =
    [
        .. typeof(BoardProfileLoader).Assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(JsonExtension, StringComparison.Ordinal))
            .Select(r => r[ResourcePrefix.Length..^JsonExtension.Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Loads a profile by name (override file first, then embedded) or by path to a <c>.json</c> file.</summary>
    /// <param name="nameOrPath">A profile name such as <c>pi-hat-8</c>, or a file path ending in <c>.json</c>.</param>
    /// <param name="overrideDirectory">A directory whose <c>&lt;name&gt;.json</c> files replace embedded profiles.</param>
    /// <returns>The profile, or every problem found.</returns>
    public static BoardProfileResult Load(string nameOrPath, string? overrideDirectory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrPath);
        if (nameOrPath.EndsWith(JsonExtension, StringComparison.OrdinalIgnoreCase))
        {
            return LoadFile(nameOrPath);
        }

        if (overrideDirectory is not null)
        {
            var file = Path.Combine(overrideDirectory, nameOrPath + JsonExtension);
            if (File.Exists(file))
            {
                return LoadFile(file);
            }
        }

        using var embedded = typeof(BoardProfileLoader).Assembly.GetManifestResourceStream(ResourcePrefix + nameOrPath + JsonExtension);
        if (embedded is null)
        {
            return BoardProfileResult.Failure(
                [$"unknown board profile '{nameOrPath}' (built in: {string.Join(", ", EmbeddedNames)}; or give a path to a .json file)"]);
        }

        using var reader = new StreamReader(embedded);
        return Parse(reader.ReadToEnd(), $"built-in profile '{nameOrPath}'");
    }

    /// <summary>Parses and validates a profile's JSON text.</summary>
    /// <param name="json">The profile.</param>
    /// <param name="source">Where it came from, for messages about malformed JSON.</param>
    /// <returns>The profile, or every problem found.</returns>
    public static BoardProfileResult Parse(string json, string source)
    {
        ProfileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, ProfileJsonContext.Default.ProfileDocument);
        }
        catch (JsonException e)
        {
            return BoardProfileResult.Failure([$"{source}: {e.Message}"]);
        }

        return document is null
            ? BoardProfileResult.Failure([$"{source}: the profile is null"])
            : ProfileValidator.Validate(document);
    }

    private static BoardProfileResult LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return BoardProfileResult.Failure([$"board profile file '{path}': {e.Message}"]);
        }

        return Parse(json, $"board profile file '{path}'");
    }
}
