using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages.Headers;

/// <summary>
/// A From, To, Contact, Route, Record-Route, Refer-To, Referred-By or Reply-To value: a
/// <c>name-addr</c> or <c>addr-spec</c> followed by header parameters (RFC 3261 §20.10, §25.1).
/// In the addr-spec form every <c>;param</c> after the URI belongs to the header, not the URI.
/// </summary>
/// <remarks>
/// <see cref="GetParameter"/> returns the value, <c>""</c> for a flag parameter and null when
/// absent. A Contact of <c>*</c> is not a name-addr: <see cref="TryParse"/> returns false for it.
/// </remarks>
public sealed class SipNameAddress
{
    private static readonly SearchValues<char> SchemeChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-.");

    private string? _text;

    private SipNameAddress(string? displayName, string uriText, SipUri? uri, SipParameter[] parameters)
    {
        DisplayName = displayName;
        UriText = uriText;
        Uri = uri;
        Parameters = parameters;
    }

    /// <summary>Builds a name-addr around <paramref name="uri"/>.</summary>
    /// <param name="uri">The address.</param>
    /// <param name="displayName">The display name (unquoted), or null.</param>
    /// <param name="parameters">Header parameters (tag, expires…), in order.</param>
    /// <exception cref="ArgumentException">A parameter name is not a token.</exception>
    public SipNameAddress(SipUri uri, string? displayName = null, IEnumerable<SipParameter>? parameters = null)
        : this(displayName, uri?.ToString() ?? throw new ArgumentNullException(nameof(uri)), uri, parameters?.ToArray() ?? [])
    {
        EnsureValid();
    }

    /// <summary>The display name, unquoted and unescaped; null when none was given.</summary>
    public string? DisplayName { get; }

    /// <summary>The URI text as written, without angle brackets.</summary>
    public string UriText { get; }

    /// <summary>The URI when its scheme is sip, sips or tel; null for other absoluteURI schemes.</summary>
    public SipUri? Uri { get; }

    /// <summary>Header parameters in order (quotes removed; flag parameters have a null value).</summary>
    public IReadOnlyList<SipParameter> Parameters { get; }

    /// <summary>The tag parameter, or null.</summary>
    public string? Tag => GetParameter("tag");

    /// <summary>Contact <c>expires</c> in seconds (saturating), or null when absent or malformed.</summary>
    public int? Expires => SipGrammar.TryParseDeltaSeconds(GetParameter("expires"), out var seconds) ? seconds : null;

    /// <summary>Contact <c>q</c> (0 to 1), or null when absent or not a valid <c>qvalue</c>.</summary>
    public decimal? Q => TryParseQValue(GetParameter("q"), out var q) ? q : null;

    /// <summary>
    /// The Contact <c>+sip.instance</c> (RFC 5626 §4.1) without its quotes and angle brackets
    /// (e.g. <c>urn:uuid:…</c>), or null.
    /// </summary>
    public string? InstanceId
    {
        get
        {
            var value = GetParameter("+sip.instance");
            return value is ['<', .., '>'] ? value[1..^1] : string.IsNullOrEmpty(value) ? null : value;
        }
    }

    /// <summary>The value of header parameter <paramref name="name"/> (ASCII case-insensitive): its value, <c>""</c> for a flag, null when absent.</summary>
    public string? GetParameter(string name) => SipGrammar.FindParameter(Parameters, name);

    /// <summary>True when header parameter <paramref name="name"/> is present (ASCII case-insensitive).</summary>
    public bool HasParameter(string name) => SipGrammar.IndexOfParameter(Parameters, name) >= 0;

    /// <summary>Parses exactly one value (name-addr or addr-spec, then header params). Never throws.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SipNameAddress? address)
    {
        address = null;
        return value is not null && TryParseOne(value, out address);
    }

    // The parser's path: the header value as chars, never turned into a string.
    internal static bool TryParseValue(ReadOnlySpan<char> value, [NotNullWhen(true)] out SipNameAddress? address) =>
        TryParseOne(value, out address);

    /// <summary>
    /// Parses a comma-separated list (Contact, Route, Record-Route), respecting quotes and angle
    /// brackets, appending to <paramref name="into"/>. On failure nothing is appended.
    /// </summary>
    public static bool TryParseList(string? value, List<SipNameAddress> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        return value is not null && SipGrammar.TryParseList(value, into, TryParseOne);
    }

    /// <summary>A copy with the tag parameter set (replaced or appended).</summary>
    /// <exception cref="ArgumentException"><paramref name="tag"/> is not a token.</exception>
    public SipNameAddress WithTag(string tag)
    {
        if (!SipGrammar.IsToken(tag))
        {
            throw new ArgumentException("A tag is a token.", nameof(tag));
        }
        return WithParameter("tag", tag);
    }

    /// <summary>A copy with header parameter <paramref name="name"/> set (replaced or appended); a null value makes a flag.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a token.</exception>
    public SipNameAddress WithParameter(string name, string? value) =>
        new SipNameAddress(DisplayName, UriText, Uri, SipGrammar.SetParameter(Parameters, name, value)).EnsureValid();

    /// <summary>A copy without header parameter <paramref name="name"/>.</summary>
    public SipNameAddress WithoutParameter(string name) =>
        new(DisplayName, UriText, Uri, SipGrammar.RemoveParameter(Parameters, name));

    /// <summary>A copy with the same display name and parameters around another URI.</summary>
    public SipNameAddress WithUri(SipUri uri) =>
        new(DisplayName, uri?.ToString() ?? throw new ArgumentNullException(nameof(uri)), uri, [.. Parameters]);

    /// <summary>Always the <c>name-addr</c> form: <c>"Display" &lt;uri&gt;;params</c>, the display name quoted when needed.</summary>
    public override string ToString()
    {
        if (_text is null)
        {
            var builder = new StringBuilder(UriText.Length + 32);
            if (DisplayName is not null)
            {
                if (IsTokenWords(DisplayName))
                {
                    builder.Append(DisplayName);
                }
                else
                {
                    SipGrammar.AppendQuoted(builder, DisplayName);
                }
                builder.Append(' ');
            }
            builder.Append('<').Append(UriText).Append('>');
            SipGrammar.AppendParameters(builder, Parameters);
            _text = builder.ToString();
        }
        return _text;
    }

    /// <summary>Parses a Contact <c>qvalue</c>: <c>0[.ddd]</c> or <c>1[.000]</c>.</summary>
    public static bool TryParseQValue(ReadOnlySpan<char> text, out decimal q)
    {
        q = 0;
        if (text.IsEmpty || text.Length > 5 || text[0] is not ('0' or '1'))
        {
            return false;
        }
        if (text.Length > 1)
        {
            var fraction = text[2..];
            if (text[1] != '.' || fraction.ContainsAnyExceptInRange('0', '9') || (text[0] == '1' && fraction.ContainsAnyExcept('0')))
            {
                return false;
            }
        }
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out q);
    }

    private SipNameAddress EnsureValid()
    {
        foreach (var parameter in Parameters)
        {
            if (!SipGrammar.IsToken(parameter.Name))
            {
                throw new ArgumentException("Header parameter names are tokens.", nameof(Parameters));
            }
        }
        return this;
    }

    private static bool IsTokenWords(string text)
    {
        if (text.Length == 0 || text[0] == ' ' || text[^1] == ' ' || text.Contains("  ", StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var range in text.AsSpan().Split(' '))
        {
            if (!SipGrammar.IsToken(text.AsSpan()[range]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool TryParseOne(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipNameAddress? address)
    {
        address = null;
        var pos = SipGrammar.SkipLws(text, 0);
        if (pos >= text.Length)
        {
            return false;
        }
        string? displayName = null;
        ReadOnlySpan<char> uriText;
        if (text[pos] == '"')
        {
            if (!SipGrammar.TryReadQuotedString(text, ref pos, out var quoted))
            {
                return false;
            }
            displayName = quoted;
            pos = SipGrammar.SkipLws(text, pos);
            if (pos >= text.Length || text[pos] != '<')
            {
                return false;
            }
        }
        else
        {
            var angle = text[pos..].IndexOf('<');
            if (angle > 0)
            {
                // display-name = *(token LWS); tolerate UTF-8 letters that phones put here unquoted.
                var words = SipGrammar.TrimLws(text.Slice(pos, angle));
                foreach (var c in words)
                {
                    if (c < 0x80 && !SipGrammar.IsWhitespace(c) && !SipGrammar.TokenChars.Contains(c))
                    {
                        return false;
                    }
                }
                displayName = words.ToString();
            }
            pos += Math.Max(angle, 0);
        }
        if (pos < text.Length && text[pos] == '<')
        {
            var close = text[pos..].IndexOf('>');
            if (close < 0)
            {
                return false;
            }
            uriText = SipGrammar.TrimLws(text.Slice(pos + 1, close - 1));
            pos += close + 1;
        }
        else
        {
            // addr-spec: RFC 3261 §20.10 - the URI stops at the first ';', which starts header params.
            var end = text[pos..].IndexOfAny(';', ' ', '\t');
            end = end < 0 ? text.Length : pos + end;
            uriText = text[pos..end];
            pos = end;
            // RFC 3261 §20: a URI containing a comma, question mark or semicolon must be in name-addr form.
            // RFC 4475 §3.1.2.13 (regbadct): an unbracketed URI with escaped headers is malformed.
            if (uriText.IndexOfAny('?', ',') >= 0)
            {
                return false;
            }
        }
        var uriString = uriText.ToString();
        if (!TryParseAddress(uriString, out var uri))
        {
            return false;
        }
        var parameters = new List<SipParameter>();
        if (!SipGrammar.TryParseParameters(text, pos, parameters))
        {
            return false;
        }
        address = new SipNameAddress(displayName, uriString, uri, [.. parameters]);
        return true;
    }

    private static bool TryParseAddress(string text, out SipUri? uri)
    {
        uri = null;
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1 || !char.IsAsciiLetter(text[0]) || text.AsSpan(0, colon).ContainsAnyExcept(SchemeChars))
        {
            return false;
        }
        var scheme = text.AsSpan(0, colon);
        if (Ascii.EqualsIgnoreCase(scheme, "sip") || Ascii.EqualsIgnoreCase(scheme, "sips") || Ascii.EqualsIgnoreCase(scheme, "tel"))
        {
            return SipUri.TryParse(text, out uri);
        }
        foreach (var c in text)
        {
            if (c <= ' ' || c >= 0x7F || c is '<' or '>' or '"')
            {
                return false;
            }
        }
        return true;
    }
}
