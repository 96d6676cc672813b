using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages.Headers;

/// <summary>
/// One reason-value of a Reason header (RFC 3326 §2): <c>SIP;cause=200;text="Call completed elsewhere"</c>
/// or <c>Q.850;cause=16</c>. One header field may hold a comma-separated list.
/// </summary>
public sealed class SipReason
{
    private SipReason(string protocol, SipParameter[] parameters)
    {
        Protocol = protocol;
        Parameters = parameters;
    }

    /// <summary>Builds a reason-value.</summary>
    /// <param name="protocol"><c>SIP</c>, <c>Q.850</c> or another token.</param>
    /// <param name="cause">The cause code.</param>
    /// <param name="text">Free text, or null.</param>
    /// <exception cref="ArgumentException">The protocol is not a token.</exception>
    public SipReason(string protocol, int cause, string? text = null)
        : this(protocol, text is null
            ? [new SipParameter("cause", cause.ToString(CultureInfo.InvariantCulture))]
            : [new SipParameter("cause", cause.ToString(CultureInfo.InvariantCulture)), new SipParameter("text", text)])
    {
        if (!SipGrammar.IsToken(protocol))
        {
            throw new ArgumentException("A protocol is a token.", nameof(protocol));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(cause);
    }

    /// <summary>The protocol token (<c>SIP</c>, <c>Q.850</c>…).</summary>
    public string Protocol { get; }

    /// <summary>The cause, or null when absent.</summary>
    public int? Cause => SipGrammar.TryParseNumber(GetParameter("cause"), int.MaxValue, out var cause) ? (int)cause : null;

    /// <summary>The text (unquoted), or null.</summary>
    public string? Text => GetParameter("text");

    /// <summary>All parameters in order.</summary>
    public IReadOnlyList<SipParameter> Parameters { get; }

    /// <summary>The value of parameter <paramref name="name"/> (ASCII case-insensitive): its value, <c>""</c> for a flag, null when absent.</summary>
    public string? GetParameter(string name) => SipGrammar.FindParameter(Parameters, name);

    /// <summary>Parses exactly one reason-value; false when malformed (non-numeric cause). Never throws.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SipReason? reason)
    {
        reason = null;
        return value is not null && TryParseOne(value, out reason);
    }

    /// <summary>Parses a comma-separated list of reason-values, appending to <paramref name="into"/>. On failure nothing is appended.</summary>
    public static bool TryParseList(string? value, List<SipReason> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        return value is not null && SipGrammar.TryParseList(value, into, TryParseOne);
    }

    /// <summary>The reason-value, text always quoted: <c>SIP;cause=487;text="Request Terminated"</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Protocol);
        foreach (var (name, value) in Parameters)
        {
            builder.Append(';').Append(name);
            if (value is null)
            {
                continue;
            }
            builder.Append('=');
            if (Ascii.EqualsIgnoreCase(name, "text"))
            {
                SipGrammar.AppendQuoted(builder, value);
            }
            else
            {
                SipGrammar.AppendParameterValue(builder, value);
            }
        }
        return builder.ToString();
    }

    private static bool TryParseOne(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipReason? reason)
    {
        reason = null;
        var pos = SipGrammar.SkipLws(text, 0);
        var end = SipGrammar.ReadRun(text, pos, SipGrammar.TokenChars);
        var parameters = new List<SipParameter>();
        if (end == pos || !SipGrammar.TryParseParameters(text, end, parameters))
        {
            return false;
        }
        var cause = SipGrammar.FindParameter(parameters, "cause");
        if (cause is not null && !SipGrammar.TryParseNumber(cause, int.MaxValue, out _))
        {
            return false;
        }
        reason = new SipReason(text[pos..end].ToString(), [.. parameters]);
        return true;
    }
}
