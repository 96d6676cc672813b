using System.Security.Cryptography;

namespace ContactCenter.Data.Credentials;

/// <summary>
/// Strong SIP passwords from the OS CSPRNG: <see cref="DefaultLength"/> characters from an alphabet without
/// look-alikes (no 0/O, 1/l/I), so they can be typed from a printout into a phone's keypad menu.
/// 20 characters of 55 symbols ≈ 115 bits.
/// </summary>
public static class SipPasswordGenerator
{
    /// <summary>The length of generated passwords.</summary>
    public const int DefaultLength = 20;

    /// <summary>The characters used.</summary>
    public const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A new password of <paramref name="length"/> (at least 16) characters.</summary>
    public static string Generate(int length = DefaultLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 16);
        return RandomNumberGenerator.GetString(Alphabet, length);
    }
}
