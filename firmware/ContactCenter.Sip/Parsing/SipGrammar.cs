using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Parsing;

/// <summary>
/// Character sets and small tokenizing helpers of the RFC 3261 §25 grammar, shared by every typed
/// header and URI parser. Every method works on spans, never throws on bad input and always
/// advances, so parsers built on it cannot hang.
/// </summary>
internal static class SipGrammar
{
    private const string Alphanum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Mark = "-_.!~*'()";
    private const string Unreserved = Alphanum + Mark;

    /// <summary>RFC 3261 §25.1 <c>token</c> characters.</summary>
    public static readonly SearchValues<char> TokenChars = SearchValues.Create(Alphanum + "-.!%*_+`'~");

    /// <summary>Characters of a generic-param value written without quotes: <c>token</c> or <c>host</c> (which adds <c>[</c>, <c>]</c> and <c>:</c> for IPv6).</summary>
    public static readonly SearchValues<char> GenValueChars = SearchValues.Create(Alphanum + "-.!%*_+`'~[]:");

    /// <summary>RFC 3261 §25.1 <c>unreserved</c>.</summary>
    public static readonly SearchValues<char> UnreservedChars = SearchValues.Create(Unreserved);

    /// <summary>Characters a URI user part may hold unescaped (<c>unreserved / user-unreserved</c>).</summary>
    public static readonly SearchValues<char> UserChars = SearchValues.Create(Unreserved + "&=+$,;?/");

    /// <summary>Characters a URI password may hold unescaped.</summary>
    public static readonly SearchValues<char> PasswordChars = SearchValues.Create(Unreserved + "&=+$,");

    /// <summary>RFC 3261 <c>paramchar</c> without <c>escaped</c> (also RFC 3966 <c>paramchar</c>).</summary>
    public static readonly SearchValues<char> ParamChars = SearchValues.Create(Unreserved + "[]/:&+$");

    /// <summary>RFC 3261 <c>hname</c>/<c>hvalue</c> characters without <c>escaped</c>.</summary>
    public static readonly SearchValues<char> HeaderChars = SearchValues.Create(Unreserved + "[]/?:+$");

    /// <summary>RFC 3261 §25.1 <c>word</c> (Call-ID halves).</summary>
    public static readonly SearchValues<char> WordChars = SearchValues.Create(Alphanum + "-.!%*_+`'~()<>:\\\"/[]?{}");

    /// <summary>Hexadecimal digits in either case.</summary>
    public static readonly SearchValues<char> HexChars = SearchValues.Create("0123456789ABCDEFabcdef");

    /// <summary>Characters allowed in a host name or IPv4 address.</summary>
    public static readonly SearchValues<char> HostNameChars = SearchValues.Create(Alphanum + "-.");

    /// <summary>True for the whitespace of LWS once folding has been replaced (SP, HTAB; CR and LF are tolerated).</summary>
    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    /// <summary>True when <paramref name="text"/> is a non-empty <c>token</c>.</summary>
    public static bool IsToken(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(TokenChars);

    /// <summary>Returns the first index at or after <paramref name="pos"/> that is not whitespace.</summary>
    public static int SkipLws(ReadOnlySpan<char> text, int pos)
    {
        while (pos < text.Length && IsWhitespace(text[pos]))
        {
            pos++;
        }
        return pos;
    }

    /// <summary>Removes leading and trailing LWS.</summary>
    public static ReadOnlySpan<char> TrimLws(ReadOnlySpan<char> text)
    {
        var start = SkipLws(text, 0);
        var end = text.Length;
        while (end > start && IsWhitespace(text[end - 1]))
        {
            end--;
        }
        return text[start..end];
    }

    /// <summary>Returns the end of the run of <paramref name="allowed"/> characters starting at <paramref name="pos"/>.</summary>
    public static int ReadRun(ReadOnlySpan<char> text, int pos, SearchValues<char> allowed)
    {
        var rest = text[pos..];
        var stop = rest.IndexOfAnyExcept(allowed);
        return stop < 0 ? text.Length : pos + stop;
    }

    /// <summary>
    /// Reads a <c>quoted-string</c> whose opening quote is at <paramref name="pos"/>; on success
    /// <paramref name="pos"/> is just past the closing quote and <paramref name="value"/> holds the
    /// content with <c>quoted-pair</c> escapes resolved.
    /// </summary>
    public static bool TryReadQuotedString(ReadOnlySpan<char> text, ref int pos, out string value)
    {
        value = "";
        if (pos >= text.Length || text[pos] != '"')
        {
            return false;
        }
        StringBuilder? builder = null;
        var start = pos + 1;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                value = builder is null ? text[start..i].ToString() : builder.ToString();
                pos = i + 1;
                return true;
            }
            if (c == '\\')
            {
                // RFC 3261 §25.1 quoted-pair: any character except CR and LF.
                if (i + 1 >= text.Length || text[i + 1] is '\r' or '\n')
                {
                    return false;
                }
                builder ??= new StringBuilder().Append(text[start..i]);
                builder.Append(text[++i]);
                continue;
            }
            if (c < 0x20 && c != '\t' || c == 0x7F)
            {
                return false;
            }
            builder?.Append(c);
        }
        return false;
    }

    /// <summary>
    /// Reads a <c>comment</c> (as in Server and User-Agent) whose opening parenthesis is at
    /// <paramref name="pos"/>. Comments nest; <c>quoted-pair</c> escapes are resolved.
    /// <paramref name="text"/> receives the content without the outer parentheses.
    /// </summary>
    public static bool TryReadComment(ReadOnlySpan<char> text, ref int pos, out string comment)
    {
        comment = "";
        if (pos >= text.Length || text[pos] != '(')
        {
            return false;
        }
        var builder = new StringBuilder();
        var depth = 0;
        for (var i = pos; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '(':
                    if (depth++ > 0)
                    {
                        builder.Append(c);
                    }
                    break;
                case ')':
                    if (--depth == 0)
                    {
                        comment = builder.ToString();
                        pos = i + 1;
                        return true;
                    }
                    builder.Append(c);
                    break;
                case '\\':
                    if (i + 1 >= text.Length || text[i + 1] is '\r' or '\n')
                    {
                        return false;
                    }
                    builder.Append(text[++i]);
                    break;
                default:
                    if (c < 0x20 && c != '\t' || c == 0x7F)
                    {
                        return false;
                    }
                    builder.Append(c);
                    break;
            }
        }
        return false;
    }

    /// <summary>Parses one element of a comma list.</summary>
    public delegate bool ElementParser<T>(ReadOnlySpan<char> text, [NotNullWhen(true)] out T? value) where T : class;

    /// <summary>Parses a comma list (split as <see cref="TrySplitList"/> does) element by element, appending all of them to <paramref name="into"/> or, on the first failure, none.</summary>
    public static bool TryParseList<T>(ReadOnlySpan<char> value, List<T> into, ElementParser<T> parseOne) where T : class
    {
        var ranges = new List<Range>();
        if (!TrySplitList(value, ranges))
        {
            return false;
        }
        var parsed = new List<T>(ranges.Count);
        foreach (var range in ranges)
        {
            if (!parseOne(value[range], out var item))
            {
                return false;
            }
            parsed.Add(item);
        }
        into.AddRange(parsed);
        return true;
    }

    /// <summary>
    /// Splits a header value at commas that are outside quoted strings and angle brackets. Each
    /// element is trimmed of LWS; an empty element or an unbalanced quote or bracket fails.
    /// </summary>
    public static bool TrySplitList(ReadOnlySpan<char> text, List<Range> into)
    {
        var start = 0;
        var inAngle = false;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ',' && !inAngle))
            {
                if (!AddTrimmed(text, start, i, into))
                {
                    return false;
                }
                start = i + 1;
                continue;
            }
            switch (text[i])
            {
                case '"':
                    var end = i;
                    if (!TryReadQuotedString(text, ref end, out _))
                    {
                        return false;
                    }
                    i = end - 1;
                    break;
                case '<':
                    if (inAngle)
                    {
                        return false;
                    }
                    inAngle = true;
                    break;
                case '>':
                    if (!inAngle)
                    {
                        return false;
                    }
                    inAngle = false;
                    break;
            }
        }
        return !inAngle;

        static bool AddTrimmed(ReadOnlySpan<char> text, int start, int end, List<Range> into)
        {
            start = SkipLws(text, start);
            while (end > start && IsWhitespace(text[end - 1]))
            {
                end--;
            }
            if (end <= start)
            {
                return false;
            }
            into.Add(new Range(start, end));
            return true;
        }
    }

    /// <summary>
    /// Parses <c>*( SEMI generic-param )</c> from <paramref name="pos"/> to the end of
    /// <paramref name="text"/> (LWS allowed around <c>;</c> and <c>=</c>). Values lose their quotes
    /// and escapes; a flag parameter gets a null value.
    /// </summary>
    public static bool TryParseParameters(ReadOnlySpan<char> text, int pos, List<SipParameter> into)
    {
        pos = SkipLws(text, pos);
        while (pos < text.Length)
        {
            if (text[pos] != ';')
            {
                return false;
            }
            pos = SkipLws(text, pos + 1);
            if (!TryReadParameter(text, ref pos, out var parameter))
            {
                return false;
            }
            into.Add(parameter);
            pos = SkipLws(text, pos);
        }
        return true;
    }

    /// <summary>
    /// Reads one <c>generic-param</c> (<c>token [ EQUAL ( token / host / quoted-string ) ]</c>)
    /// at <paramref name="pos"/>; <paramref name="pos"/> ends just after it.
    /// </summary>
    public static bool TryReadParameter(ReadOnlySpan<char> text, ref int pos, out SipParameter parameter)
    {
        parameter = default;
        var nameEnd = ReadRun(text, pos, TokenChars);
        if (nameEnd == pos)
        {
            return false;
        }
        var name = InternParameterName(text[pos..nameEnd]);
        var next = SkipLws(text, nameEnd);
        if (next >= text.Length || text[next] != '=')
        {
            parameter = new SipParameter(name, null);
            pos = nameEnd;
            return true;
        }
        next = SkipLws(text, next + 1);
        if (next < text.Length && text[next] == '"')
        {
            if (!TryReadQuotedString(text, ref next, out var quoted))
            {
                return false;
            }
            parameter = new SipParameter(name, quoted);
            pos = next;
            return true;
        }
        var valueEnd = ReadRun(text, next, GenValueChars);
        if (valueEnd == next)
        {
            return false;
        }
        parameter = new SipParameter(name, text[next..valueEnd].ToString());
        pos = valueEnd;
        return true;
    }

    // The parameter names found on nearly every message, returned as constants so that parsing them allocates
    // nothing. Exact (case-sensitive) matches only: a name keeps its case as written.
    private static readonly string[] CommonParameterNames =
        ["tag", "branch", "rport", "received", "lr", "transport", "expires", "q", "maddr", "user", "ttl", "+sip.instance", "reg-id"];

    private static string InternParameterName(ReadOnlySpan<char> name)
    {
        foreach (var common in CommonParameterNames)
        {
            if (name.SequenceEqual(common))
            {
                return common;
            }
        }
        return name.ToString();
    }

    /// <summary>
    /// Percent-decodes <paramref name="text"/>, which may hold only <paramref name="allowed"/>
    /// characters and <c>%HH</c> escapes; the decoded bytes must be valid UTF-8.
    /// </summary>
    public static bool TryUnescape(ReadOnlySpan<char> text, SearchValues<char> allowed, out string value)
    {
        value = "";
        if (!text.Contains('%'))
        {
            if (text.ContainsAnyExcept(allowed))
            {
                return false;
            }
            value = text.ToString();
            return true;
        }
        var bytes = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length)
                {
                    return false;
                }
                var high = HexValue(text[i + 1]);
                var low = HexValue(text[i + 2]);
                if (high < 0 || low < 0)
                {
                    return false;
                }
                bytes[count++] = (byte)(high << 4 | low);
                i += 2;
            }
            else if (allowed.Contains(c))
            {
                bytes[count++] = (byte)c;
            }
            else
            {
                return false;
            }
        }
        var chars = new char[count];
        if (Utf8.ToUtf16(bytes[..count], chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return false;
        }
        value = new string(chars, 0, written);
        return true;
    }

    /// <summary>Appends <paramref name="value"/>, percent-escaping (as UTF-8) every character outside <paramref name="allowed"/> and every <c>%</c>.</summary>
    public static void AppendEscaped(StringBuilder builder, string value, SearchValues<char> allowed)
    {
        if (!value.AsSpan().ContainsAnyExcept(allowed) && !value.Contains('%', StringComparison.Ordinal))
        {
            builder.Append(value);
            return;
        }
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && rune.Value != '%' && allowed.Contains((char)rune.Value))
            {
                builder.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < length; i++)
            {
                builder.Append('%').Append(utf8[i].ToString("X2", CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>
    /// Appends <paramref name="value"/> as a <c>quoted-string</c>, escaping <c>"</c>, <c>\</c> and
    /// the control characters a <c>quoted-pair</c> can carry (CR and LF cannot be carried at all).
    /// </summary>
    public static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\' || (c < 0x20 && c is not ('\t' or '\r' or '\n')) || c == 0x7F)
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        builder.Append('"');
    }

    /// <summary>Appends a generic-param value: bare when it is a token or host, otherwise quoted.</summary>
    public static void AppendParameterValue(StringBuilder builder, string value)
    {
        if (value.Length > 0 && !value.AsSpan().ContainsAnyExcept(GenValueChars))
        {
            builder.Append(value);
        }
        else
        {
            AppendQuoted(builder, value);
        }
    }

    /// <summary>Appends <c>;name[=value]</c> for each header parameter.</summary>
    public static void AppendParameters(StringBuilder builder, IReadOnlyList<SipParameter> parameters)
    {
        foreach (var parameter in parameters)
        {
            builder.Append(';').Append(parameter.Name);
            if (parameter.Value is not null)
            {
                builder.Append('=');
                AppendParameterValue(builder, parameter.Value);
            }
        }
    }

    /// <summary>
    /// Finds a parameter by name (ASCII case-insensitive). Returns its value, <c>""</c> for a flag
    /// parameter, or null when absent.
    /// </summary>
    public static string? FindParameter(IReadOnlyList<SipParameter> parameters, string name)
    {
        var index = IndexOfParameter(parameters, name);
        return index < 0 ? null : parameters[index].Value ?? "";
    }

    /// <summary>The index of the first parameter named <paramref name="name"/> (ASCII case-insensitive), or -1.</summary>
    public static int IndexOfParameter(IReadOnlyList<SipParameter> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (Ascii.EqualsIgnoreCase(parameters[i].Name, name))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Returns a copy of <paramref name="parameters"/> where <paramref name="name"/> is set to <paramref name="value"/> (replaced in place, or appended).</summary>
    public static SipParameter[] SetParameter(IReadOnlyList<SipParameter> parameters, string name, string? value)
    {
        var list = new List<SipParameter>(parameters.Count + 1);
        var replaced = false;
        foreach (var parameter in parameters)
        {
            if (Ascii.EqualsIgnoreCase(parameter.Name, name))
            {
                if (!replaced)
                {
                    list.Add(new SipParameter(parameter.Name, value));
                    replaced = true;
                }
                continue;
            }
            list.Add(parameter);
        }
        if (!replaced)
        {
            list.Add(new SipParameter(name, value));
        }
        return [.. list];
    }

    /// <summary>Returns a copy of <paramref name="parameters"/> without any parameter named <paramref name="name"/>.</summary>
    public static SipParameter[] RemoveParameter(IReadOnlyList<SipParameter> parameters, string name)
    {
        var list = new List<SipParameter>(parameters.Count);
        foreach (var parameter in parameters)
        {
            if (!Ascii.EqualsIgnoreCase(parameter.Name, name))
            {
                list.Add(parameter);
            }
        }
        return [.. list];
    }

    /// <summary>True when a parameter name appears twice (ASCII case-insensitive).</summary>
    public static bool HasDuplicateNames(IReadOnlyList<SipParameter> parameters)
    {
        for (var i = 1; i < parameters.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Ascii.EqualsIgnoreCase(parameters[i].Name, parameters[j].Name))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// Parses <c>delta-seconds</c> (<c>1*DIGIT</c>). RFC 3261 §20.19: values too large saturate
    /// (here at <see cref="int.MaxValue"/>).
    /// </summary>
    public static bool TryParseDeltaSeconds(ReadOnlySpan<char> text, out int seconds)
    {
        seconds = 0;
        if (text.IsEmpty || text.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }
        long value = 0;
        foreach (var c in text)
        {
            value = Math.Min(value * 10 + (c - '0'), int.MaxValue);
        }
        seconds = (int)value;
        return true;
    }

    /// <summary>Parses <c>1*DIGIT</c> into a value no greater than <paramref name="max"/>.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, long max, out long number)
    {
        number = 0;
        if (text.IsEmpty || text.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }
        foreach (var c in text)
        {
            number = number * 10 + (c - '0');
            if (number > max)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Validates a <c>host</c>: a host name (RFC 3261 §25.1 <c>hostname</c>, trailing dot allowed),
    /// an IPv4 address, or an IPv6 reference in brackets.
    /// </summary>
    public static bool TryClassifyHost(ReadOnlySpan<char> host, out SipHostKind kind)
    {
        kind = SipHostKind.None;
        if (host.IsEmpty)
        {
            return false;
        }
        if (host[0] == '[')
        {
            if (host.Length < 4 || host[^1] != ']' || !IsIPv6Address(host[1..^1]))
            {
                return false;
            }
            kind = SipHostKind.IPv6;
            return true;
        }
        if (IsIPv4Address(host))
        {
            kind = SipHostKind.IPv4;
            return true;
        }
        if (host.ContainsAnyExcept(HostNameChars))
        {
            return false;
        }
        var name = host[^1] == '.' ? host[..^1] : host;
        if (name.IsEmpty)
        {
            return false;
        }
        var lastLabel = ReadOnlySpan<char>.Empty;
        foreach (var range in name.Split('.'))
        {
            var label = name[range];
            if (label.IsEmpty || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }
            lastLabel = label;
        }
        // toplabel = ALPHA / ALPHA *( alphanum / "-" ) alphanum: a name never ends in a numeric label.
        if (!char.IsAsciiLetter(lastLabel[0]))
        {
            return false;
        }
        kind = SipHostKind.Name;
        return true;
    }

    /// <summary>True for a dotted-quad IPv4 address (<c>1*3DIGIT</c> each, at most 255).</summary>
    public static bool IsIPv4Address(ReadOnlySpan<char> text)
    {
        var parts = 0;
        foreach (var range in text.Split('.'))
        {
            var part = text[range];
            if (++parts > 4 || part.Length is 0 or > 3 || !TryParseNumber(part, 255, out _))
            {
                return false;
            }
        }
        return parts == 4;
    }

    /// <summary>True for an RFC 3261 <c>IPv6address</c> (hex groups, one optional <c>::</c>, optional trailing IPv4).</summary>
    public static bool IsIPv6Address(ReadOnlySpan<char> text)
    {
        if (text.Length < 2)
        {
            return false;
        }
        var doubleColon = text.IndexOf("::");
        if (doubleColon >= 0 && text[(doubleColon + 1)..].IndexOf("::") >= 0)
        {
            return false;
        }
        var groups = 0;
        var hasIPv4 = false;
        var pieces = doubleColon >= 0
            ? (CountGroups(text[..doubleColon], ref groups, ref hasIPv4, last: false) && CountGroups(text[(doubleColon + 2)..], ref groups, ref hasIPv4, last: true))
            : CountGroups(text, ref groups, ref hasIPv4, last: true);
        if (!pieces)
        {
            return false;
        }
        var width = groups + (hasIPv4 ? 2 : 0);
        return doubleColon >= 0 ? width <= 7 : width == 8;

        static bool CountGroups(ReadOnlySpan<char> part, ref int groups, ref bool hasIPv4, bool last)
        {
            if (part.IsEmpty)
            {
                return true;
            }
            var count = 0;
            var total = part.Count(':') + 1;
            foreach (var range in part.Split(':'))
            {
                var group = part[range];
                count++;
                if (last && count == total && group.Contains('.'))
                {
                    if (!IsIPv4Address(group))
                    {
                        return false;
                    }
                    hasIPv4 = true;
                    continue;
                }
                if (group.Length is 0 or > 4 || group.ContainsAnyExcept(HexChars))
                {
                    return false;
                }
                groups++;
            }
            return true;
        }
    }

    /// <summary>The value of a hexadecimal digit, or -1.</summary>
    public static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
