using System.Security.Cryptography;

namespace ContactCenter.Sip.Messages;

/// <summary>Fresh branches, tags and Call-IDs. RFC 3261 §19.3 asks for cryptographic randomness (at least 32 bits) in tags and Call-IDs; branches get the same so they are unique across restarts.</summary>
public static class SipIdentifiers
{
    /// <summary>The RFC 3261 branch magic cookie (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    /// <summary>A new branch: the magic cookie and 64 random bits.</summary>
    public static string NewBranch() => MagicCookie + RandomHex(8);

    /// <summary>A new From/To tag: 64 random bits.</summary>
    public static string NewTag() => RandomHex(8);

    /// <summary>A new Call-ID: 128 random bits.</summary>
    public static string NewCallId() => RandomHex(16);

    private static string RandomHex(int bytes)
    {
        Span<byte> buffer = stackalloc byte[16];
        RandomNumberGenerator.Fill(buffer[..bytes]);
        return Convert.ToHexStringLower(buffer[..bytes]);
    }
}
