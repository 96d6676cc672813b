using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>Maps method tokens to <see cref="SipMethod"/> and back. Method names are case-sensitive (RFC 3261 §7.1).</summary>
public static class SipMethods
{
    private static readonly string[] Names =
    [
        "", "INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "INFO", "UPDATE", "PRACK",
        "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH",
    ];

    private static readonly byte[][] Utf8Names = Array.ConvertAll(Names, Encoding.ASCII.GetBytes);

    /// <summary>The methods this stack's core answers for in <c>Allow</c>.</summary>
    public static IReadOnlyList<string> All { get; } = Names[1..];

    /// <summary>The canonical token of a known method.</summary>
    public static string ToToken(this SipMethod method) => Names[(int)method];

    /// <summary>Looks a method token up; unknown tokens give <see cref="SipMethod.Unknown"/>.</summary>
    public static SipMethod FromToken(ReadOnlySpan<byte> token)
    {
        for (var i = 1; i < Utf8Names.Length; i++)
        {
            if (token.SequenceEqual(Utf8Names[i]))
            {
                return (SipMethod)i;
            }
        }
        return SipMethod.Unknown;
    }

    /// <summary>Looks a method token up without creating a string; unknown tokens give <see cref="SipMethod.Unknown"/>.</summary>
    internal static SipMethod FromToken(ReadOnlySpan<char> token)
    {
        for (var i = 1; i < Names.Length; i++)
        {
            if (token.SequenceEqual(Names[i]))
            {
                return (SipMethod)i;
            }
        }
        return SipMethod.Unknown;
    }

    /// <summary>Looks a method token up; unknown tokens give <see cref="SipMethod.Unknown"/>.</summary>
    public static SipMethod FromToken(string token)
    {
        var index = Array.IndexOf(Names, token, 1);
        return index < 0 ? SipMethod.Unknown : (SipMethod)index;
    }

    /// <summary>Canonical token for a known method, else <paramref name="token"/> itself: avoids a string per parse for known methods.</summary>
    public static string Intern(ReadOnlySpan<byte> token, SipMethod method) =>
        method == SipMethod.Unknown ? Encoding.ASCII.GetString(token) : Names[(int)method];
}
