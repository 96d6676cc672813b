using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// Shared parsing and formatting of <c>auth-scheme LWS auth-param *(COMMA auth-param)</c>
/// (RFC 3261 §25.1, RFC 7616 §3.3–3.4) for challenges and credentials.
/// </summary>
internal static class SipAuthParameters
{
    /// <summary>Splits the scheme from the parameters: names are case-insensitive, values token or quoted, duplicates rejected.</summary>
    public static bool TryParse(string? value, out string scheme, out List<SipParameter> parameters)
    {
        scheme = "";
        parameters = [];
        if (value is null)
        {
            return false;
        }
        var text = value.AsSpan();
        var pos = SipGrammar.SkipLws(text, 0);
        var schemeEnd = SipGrammar.ReadRun(text, pos, SipGrammar.TokenChars);
        if (schemeEnd == pos)
        {
            return false;
        }
        scheme = text[pos..schemeEnd].ToString();
        var rest = text[schemeEnd..];
        if (rest.IsEmpty || !SipGrammar.IsWhitespace(rest[0]))
        {
            return false;
        }
        var ranges = new List<Range>();
        if (!SipGrammar.TrySplitList(rest, ranges))
        {
            return false;
        }
        foreach (var range in ranges)
        {
            var element = rest[range];
            var at = 0;
            if (!SipGrammar.TryReadParameter(element, ref at, out var parameter) || parameter.Value is null
                || SipGrammar.SkipLws(element, at) != element.Length)
            {
                return false;
            }
            parameters.Add(parameter);
        }
        return !SipGrammar.HasDuplicateNames(parameters);
    }

    /// <summary>Parses an algorithm token (ASCII case-insensitive); null means MD5 (RFC 3261 §22.4).</summary>
    public static SipDigestAlgorithm ParseAlgorithm(string? name) => name?.ToUpperInvariant() switch
    {
        null or "MD5" => SipDigestAlgorithm.Md5,
        "MD5-SESS" => SipDigestAlgorithm.Md5Sess,
        "SHA-256" => SipDigestAlgorithm.Sha256,
        "SHA-256-SESS" => SipDigestAlgorithm.Sha256Sess,
        _ => SipDigestAlgorithm.Unknown,
    };

    /// <summary>Appends <c>, name="value"</c> (or without the comma for the first parameter).</summary>
    public static void AppendQuoted(StringBuilder builder, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        AppendSeparator(builder);
        builder.Append(name).Append('=');
        SipGrammar.AppendQuoted(builder, value);
    }

    /// <summary>Appends <c>, name=token</c>, quoting the value when it is not a token.</summary>
    public static void AppendToken(StringBuilder builder, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        AppendSeparator(builder);
        builder.Append(name).Append('=');
        if (SipGrammar.IsToken(value))
        {
            builder.Append(value);
        }
        else
        {
            SipGrammar.AppendQuoted(builder, value);
        }
    }

    private static void AppendSeparator(StringBuilder builder) =>
        builder.Append(builder[^1] == ' ' ? "" : ", ");
}
