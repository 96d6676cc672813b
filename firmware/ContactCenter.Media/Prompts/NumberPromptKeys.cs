namespace ContactCenter.Media.Prompts;

/// <summary>The keys of the number and keypad pieces in <c>Prompts/Default/*.txt</c>, built once.</summary>
internal static class NumberPromptKeys
{
    public const string And = "number-and";
    public const string Hundred = "number-hundred";
    public const string Hundreds = "number-hundreds";
    public const string Thousand = "number-thousand";
    public const string EightyJoined = "number-80-joined";

    private static readonly string[] Whole = [.. Enumerable.Range(0, 100).Select(n => "number-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The numbers whose French feminine differs: the ones ending in "un" ("une", "vingt et une" …).</summary>
    private static readonly int[] WithFeminine = [1, 21, 31, 41, 51, 61, 81];

    private static readonly string[] Feminine = [.. Enumerable.Range(0, 100).Select(n =>
        WithFeminine.Contains(n) ? Whole[n] + "-feminine" : Whole[n])];

    /// <summary>"number-0" … "number-99": the number said on its own.</summary>
    public static string Number(int below100) => Whole[below100];

    /// <summary>The feminine form of <paramref name="below100"/> where there is one, else the plain form.</summary>
    public static string FeminineNumber(int below100) => Feminine[below100];

    /// <summary>The key that reads one keypad key aloud, or null for a character that is not a DTMF key.</summary>
    public static string? Keypad(char key) => key switch
    {
        >= '0' and <= '9' => Whole[key - '0'],
        '*' => "digit-star",
        '#' => "digit-hash",
        'A' => "digit-a",
        'B' => "digit-b",
        'C' => "digit-c",
        'D' => "digit-d",
        _ => null,
    };
}
