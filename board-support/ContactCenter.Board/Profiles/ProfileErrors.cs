using System.Globalization;

namespace ContactCenter.Board.Profiles;

/// <summary>
/// The wording of profile problems, in one place so that validation and the GPIO backend (a busy line) speak alike.
/// Each message names the element at fault: <c>key 'k3'</c>, <c>LED 'blf1' green</c>, <c>chip 'keys' interrupt</c>.
/// </summary>
public static class ProfileErrors
{
    /// <summary>A line the kernel or another process already holds.</summary>
    /// <param name="element">The LED or key that needs it (<c>LED 'blf1' red</c>).</param>
    /// <param name="line">The line.</param>
    /// <param name="consumer">Who holds it, as the kernel reports (the line info's consumer), if known.</param>
    /// <returns>The message.</returns>
    public static string LineBusy(string element, LineRef line, string? consumer) =>
        string.IsNullOrEmpty(consumer)
            ? Format($"{element}: {line} is busy")
            : Format($"{element}: {line} is busy (held by '{consumer}')");

    internal static string Missing(string element, string field) => Format($"{element}: missing \"{field}\"");

    internal static string Invalid(string element, string field, string value, string expected) =>
        Format($"{element}: \"{field}\" is '{value}', expected {expected}");

    internal static string OutOfRange(string element, string field, int value, int min, int max) =>
        Format($"{element}: \"{field}\" is {value}, expected {min}..{max}");

    internal static string UnknownChip(string element, string chip) => Format($"{element}: unknown chip '{chip}'");

    internal static string LineUsedTwice(string element, LineRef line, string firstUser) =>
        Format($"{element}: {line} is already used by {firstUser}");

    internal static string DuplicateId(string element, string firstUser) => Format($"{element}: id already used by {firstUser}");

    internal static string Conflict(string element, string message) => Format($"{element}: {message}");

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
