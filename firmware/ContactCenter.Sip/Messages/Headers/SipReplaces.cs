using System.Diagnostics.CodeAnalysis;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages.Headers;

/// <summary>
/// A Replaces value (RFC 3891 §6.1): <c>callid;to-tag=…;from-tag=…[;early-only]</c>. Both tags
/// are required. When it arrives as a Refer-To URI header, pass the unescaped header value.
/// </summary>
public sealed class SipReplaces
{
    private SipReplaces(string callId, SipParameter[] parameters)
    {
        CallId = callId;
        Parameters = parameters;
    }

    /// <summary>Builds a Replaces value.</summary>
    /// <exception cref="ArgumentException">The Call-ID is not <c>word [@ word]</c> or a tag is not a token.</exception>
    public SipReplaces(string callId, string toTag, string fromTag, bool earlyOnly = false)
        : this(callId, earlyOnly
            ? [new SipParameter("to-tag", toTag), new SipParameter("from-tag", fromTag), new SipParameter("early-only", null)]
            : [new SipParameter("to-tag", toTag), new SipParameter("from-tag", fromTag)])
    {
        if (!IsCallId(callId) || !SipGrammar.IsToken(toTag) || !SipGrammar.IsToken(fromTag))
        {
            throw new ArgumentException("Not a valid Call-ID or tag.");
        }
    }

    /// <summary>The Call-ID of the dialog to replace.</summary>
    public string CallId { get; }

    /// <summary>The to-tag parameter.</summary>
    public string ToTag => GetParameter("to-tag") ?? "";

    /// <summary>The from-tag parameter.</summary>
    public string FromTag => GetParameter("from-tag") ?? "";

    /// <summary>True when <c>early-only</c> is present.</summary>
    public bool EarlyOnly => SipGrammar.IndexOfParameter(Parameters, "early-only") >= 0;

    /// <summary>All parameters in order.</summary>
    public IReadOnlyList<SipParameter> Parameters { get; }

    /// <summary>The value of parameter <paramref name="name"/> (ASCII case-insensitive): its value, <c>""</c> for a flag, null when absent.</summary>
    public string? GetParameter(string name) => SipGrammar.FindParameter(Parameters, name);

    /// <summary>Parses a Replaces value; false when malformed or when a tag is missing or repeated. Never throws.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SipReplaces? replaces)
    {
        replaces = null;
        if (value is null)
        {
            return false;
        }
        var text = value.AsSpan();
        var pos = SipGrammar.SkipLws(text, 0);
        var end = text[pos..].IndexOfAny(';', ' ', '\t');
        end = end < 0 ? text.Length : pos + end;
        var callId = text[pos..end];
        var parameters = new List<SipParameter>();
        if (!IsCallId(callId) || !SipGrammar.TryParseParameters(text, end, parameters) || SipGrammar.HasDuplicateNames(parameters))
        {
            return false;
        }
        var toTag = SipGrammar.FindParameter(parameters, "to-tag");
        var fromTag = SipGrammar.FindParameter(parameters, "from-tag");
        var early = SipGrammar.IndexOfParameter(parameters, "early-only");
        if (!SipGrammar.IsToken(toTag) || !SipGrammar.IsToken(fromTag) || (early >= 0 && parameters[early].Value is not null))
        {
            return false;
        }
        replaces = new SipReplaces(callId.ToString(), [.. parameters]);
        return true;
    }

    /// <summary>The header value (unescaped; escape it with the URI when used as a Refer-To header).</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(CallId);
        SipGrammar.AppendParameters(builder, Parameters);
        return builder.ToString();
    }

    private static bool IsCallId(ReadOnlySpan<char> text)
    {
        // callid = word [ "@" word ]
        var at = text.IndexOf('@');
        return at < 0
            ? IsWord(text)
            : IsWord(text[..at]) && IsWord(text[(at + 1)..]);

        static bool IsWord(ReadOnlySpan<char> word) => !word.IsEmpty && !word.ContainsAnyExcept(SipGrammar.WordChars);
    }
}
