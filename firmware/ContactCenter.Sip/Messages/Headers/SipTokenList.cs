using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages.Headers;

/// <summary>
/// Comma-separated token lists: Allow, Supported, Require, Proxy-Require, Unsupported and
/// Allow-Events (RFC 3261 §20, RFC 6665 §8.2.2).
/// </summary>
public static class SipTokenList
{
    /// <summary>
    /// Parses a list of tokens, appending to <paramref name="into"/>. An empty value is a valid
    /// empty list (<c>Supported:</c> may be empty); an empty element or a non-token fails and
    /// appends nothing. Never throws on any input.
    /// </summary>
    public static bool TryParse(string? value, List<string> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (value is null)
        {
            return false;
        }
        if (SipGrammar.TrimLws(value).IsEmpty)
        {
            return true;
        }
        var ranges = new List<Range>();
        if (!SipGrammar.TrySplitList(value, ranges))
        {
            return false;
        }
        var tokens = new List<string>(ranges.Count);
        foreach (var range in ranges)
        {
            var token = value.AsSpan()[range];
            if (!SipGrammar.IsToken(token))
            {
                return false;
            }
            tokens.Add(token.ToString());
        }
        into.AddRange(tokens);
        return true;
    }

    /// <summary>True when <paramref name="tokens"/> holds <paramref name="token"/> (ordinal: methods and option-tags are case-sensitive).</summary>
    public static bool Contains(IEnumerable<string> tokens, string token) =>
        tokens?.Contains(token, StringComparer.Ordinal) ?? false;

    /// <summary>True when any <paramref name="header"/> field of <paramref name="message"/> lists <paramref name="token"/>; unparseable fields count as not listing it.</summary>
    public static bool Contains(SipMessage message, SipHeaderId header, string token)
    {
        ArgumentNullException.ThrowIfNull(message);
        var tokens = new List<string>();
        foreach (var value in message.GetHeaders(header))
        {
            tokens.Clear();
            if (TryParse(value, tokens) && Contains(tokens, token))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Formats tokens as a header value: <c>INVITE, ACK, BYE</c>.</summary>
    public static string Format(IEnumerable<string> tokens) => string.Join(", ", tokens ?? []);
}
