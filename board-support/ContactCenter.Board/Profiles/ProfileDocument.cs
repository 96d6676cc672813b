using System.Text.Json.Serialization;

namespace ContactCenter.Board.Profiles;

// The profile file as written, every field optional so that validation, not the deserializer, names what is missing.

/// <summary>A profile file.</summary>
internal sealed class ProfileDocument
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public int? LongPressMs { get; set; }

    public List<ChipDocument?>? Chips { get; set; }

    public List<LedDocument?>? Leds { get; set; }

    public List<KeyDocument?>? Keys { get; set; }
}

/// <summary>A chip as written.</summary>
internal sealed class ChipDocument
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public string? Device { get; set; }

    public int? Address { get; set; }

    public LineDocument? Interrupt { get; set; }

    public int? Lines { get; set; }
}

/// <summary>A line reference as written: <c>line</c> on GPIO and simulated chips, <c>pin</c> on expanders.</summary>
internal sealed class LineDocument
{
    public string? Chip { get; set; }

    public int? Line { get; set; }

    public int? Pin { get; set; }
}

/// <summary>An LED as written: <c>line</c>, or <c>red</c> and <c>green</c>.</summary>
internal sealed class LedDocument
{
    public string? Id { get; set; }

    public string? Role { get; set; }

    public string? Polarity { get; set; }

    public LineDocument? Line { get; set; }

    public LineDocument? Red { get; set; }

    public LineDocument? Green { get; set; }
}

/// <summary>A key as written.</summary>
internal sealed class KeyDocument
{
    public string? Id { get; set; }

    public string? Polarity { get; set; }

    public string? Bias { get; set; }

    public LineDocument? Line { get; set; }

    public int? DebounceMs { get; set; }
}

/// <summary>Source-generated (trim-safe) serialization of profile files; unknown members are errors, so typos show.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ProfileDocument))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;
