namespace ContactCenter.Sip.Parsing;

/// <summary>Limits checked before any copying; beyond them a message is refused, never grown into.</summary>
public sealed record SipParseLimits
{
    /// <summary>The defaults of issue #2: 64 KiB, 256 headers, 64 Via values, 8 KiB lines.</summary>
    public static SipParseLimits Default { get; } = new();

    /// <summary>Largest message accepted, headers and body.</summary>
    public int MaxMessageSize { get; init; } = 64 * 1024;

    /// <summary>Most header fields (lines, after unfolding).</summary>
    public int MaxHeaders { get; init; } = 256;

    /// <summary>Most Via values across all Via header fields.</summary>
    public int MaxVias { get; init; } = 64;

    /// <summary>Longest start line or header field (after unfolding).</summary>
    public int MaxLineLength { get; init; } = 8 * 1024;
}
