using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// An immutable sip, sips (RFC 3261 §19.1) or tel (RFC 3966) URI. Text parts are held unescaped;
/// <see cref="ToString"/> re-escapes them, so <c>Parse(uri.ToString())</c> equals <c>uri</c>.
/// Equality follows RFC 3261 §19.1.4 for sip/sips and RFC 3966 §4 for tel.
/// </summary>
/// <remarks>
/// <see cref="GetParameter"/> returns the value of a parameter, <c>""</c> for a flag parameter
/// written without a value (<c>;lr</c>), and null when the parameter is absent.
/// </remarks>
public sealed class SipUri : IEquatable<SipUri>
{
    private static readonly string[] MustMatchParameters = ["user", "ttl", "method", "maddr", "transport"];

    private string? _text;
    private string? _hostKey;

    private SipUri(SipUriScheme scheme, string? user, string? password, string host, SipHostKind hostKind, int? port,
        SipParameter[] parameters, SipParameter[] headers)
    {
        Scheme = scheme;
        User = user;
        Password = password;
        Host = host;
        HostKind = hostKind;
        Port = port;
        Parameters = parameters;
        Headers = headers;
    }

    /// <summary>
    /// Builds a URI. For <see cref="SipUriScheme.Tel"/>, <paramref name="user"/> is the number
    /// (<c>+33 1 23…</c> written with optional visual separators), <paramref name="host"/> must be
    /// empty and <paramref name="port"/> null. Values are given unescaped.
    /// </summary>
    /// <exception cref="ArgumentException">The parts do not form a valid URI.</exception>
    public SipUri(SipUriScheme scheme, string? user, string host, int? port = null,
        IEnumerable<SipParameter>? parameters = null, IEnumerable<SipParameter>? headers = null, string? password = null)
        : this(scheme, user, password, host ?? "", SipHostKind.None, port, parameters?.ToArray() ?? [], headers?.ToArray() ?? [])
    {
        if (scheme == SipUriScheme.Tel)
        {
            if (Host.Length != 0 || port is not null || Headers.Count != 0 || password is not null)
            {
                throw new ArgumentException("A tel URI has no host, port, password or headers.", nameof(host));
            }
        }
        else if (!SipGrammar.TryClassifyHost(Host, out var kind))
        {
            throw new ArgumentException("Not a valid host name, IPv4 address or bracketed IPv6 reference.", nameof(host));
        }
        else
        {
            HostKind = kind;
        }
        EnsureValid();
    }

    /// <summary>sip, sips or tel.</summary>
    public SipUriScheme Scheme { get; }

    /// <summary>User part, unescaped (null when absent); for tel URIs the number as written.</summary>
    public string? User { get; }

    /// <summary>Password part of the userinfo, unescaped (null when absent). RFC 3261 §19.1.1 discourages its use.</summary>
    public string? Password { get; }

    /// <summary>Host as written (IPv6 references keep their brackets); empty for tel URIs.</summary>
    public string Host { get; }

    /// <summary>What <see cref="Host"/> is.</summary>
    public SipHostKind HostKind { get; }

    /// <summary>Port, when given. An absent port is not the same URI as port 5060 (RFC 3261 §19.1.4).</summary>
    public int? Port { get; }

    /// <summary>URI parameters in order, names and values unescaped; a flag parameter has a null value.</summary>
    public IReadOnlyList<SipParameter> Parameters { get; }

    /// <summary>URI headers (<c>?name=value&amp;…</c>) in order, unescaped.</summary>
    public IReadOnlyList<SipParameter> Headers { get; }

    /// <summary>The <c>transport</c> parameter, or null.</summary>
    public string? Transport => GetParameter("transport");

    /// <summary>True when the <c>lr</c> parameter is present (RFC 3261 §19.1.1 loose routing).</summary>
    public bool IsLooseRouter => HasParameter("lr");

    /// <summary>The <c>maddr</c> parameter, or null.</summary>
    public string? Maddr => GetParameter("maddr");

    /// <summary>The <c>user</c> parameter (<c>phone</c>, <c>ip</c>…), or null.</summary>
    public string? UserParam => GetParameter("user");

    /// <summary>The <c>method</c> parameter, or null.</summary>
    public string? MethodParam => GetParameter("method");

    /// <summary>The <c>ttl</c> parameter when it is a number 0–255, else null.</summary>
    public int? Ttl => SipGrammar.TryParseNumber(GetParameter("ttl"), 255, out var ttl) ? (int)ttl : null;

    /// <summary>For tel URIs: true when the number is global (starts with <c>+</c>).</summary>
    public bool IsGlobalNumber => Scheme == SipUriScheme.Tel && User is ['+', ..];

    /// <summary>Host plus <c>:port</c> when a port is given.</summary>
    public string HostAndPort => Port is { } port ? Host + ":" + port.ToString(CultureInfo.InvariantCulture) : Host;

    /// <summary>Parses a sip, sips or tel URI; false on anything malformed or any other scheme. Never throws.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SipUri? uri)
    {
        uri = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var span = text.AsSpan();
        var colon = span.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }
        var scheme = span[..colon];
        var rest = span[(colon + 1)..];
        if (Ascii.EqualsIgnoreCase(scheme, "sip"))
        {
            uri = ParseSip(SipUriScheme.Sip, rest);
        }
        else if (Ascii.EqualsIgnoreCase(scheme, "sips"))
        {
            uri = ParseSip(SipUriScheme.Sips, rest);
        }
        else if (Ascii.EqualsIgnoreCase(scheme, "tel"))
        {
            uri = ParseTel(rest);
        }
        return uri is not null;
    }

    /// <summary>Parses a sip, sips or tel URI.</summary>
    /// <exception cref="FormatException">The text is not a valid sip, sips or tel URI.</exception>
    public static SipUri Parse(string text) =>
        TryParse(text, out var uri) ? uri : throw new FormatException("Not a valid sip, sips or tel URI.");

    /// <summary>
    /// The value of parameter <paramref name="name"/> (ASCII case-insensitive): the value,
    /// <c>""</c> for a flag parameter, or null when absent.
    /// </summary>
    public string? GetParameter(string name) => SipGrammar.FindParameter(Parameters, name);

    /// <summary>True when parameter <paramref name="name"/> is present (ASCII case-insensitive), with or without a value.</summary>
    public bool HasParameter(string name) => SipGrammar.IndexOfParameter(Parameters, name) >= 0;

    /// <summary>The value of URI header <paramref name="name"/> (ASCII case-insensitive), or null.</summary>
    public string? GetHeader(string name) => SipGrammar.FindParameter(Headers, name);

    /// <summary>A copy with parameter <paramref name="name"/> set (replaced in place or appended); a null value makes a flag.</summary>
    /// <exception cref="ArgumentException">The result would not be a valid URI (empty name or value).</exception>
    public SipUri WithParameter(string name, string? value = null) =>
        Copy(parameters: SipGrammar.SetParameter(Parameters, name, value)).EnsureValid();

    /// <summary>A copy without parameter <paramref name="name"/>.</summary>
    public SipUri WithoutParameter(string name) => Copy(parameters: SipGrammar.RemoveParameter(Parameters, name));

    /// <summary>A copy without any parameter.</summary>
    public SipUri WithoutParameters() => Copy(parameters: []);

    /// <summary>A copy without URI headers (as required for a Request-URI, RFC 3261 §19.1.5).</summary>
    public SipUri WithoutHeaders() => Copy(headers: []);

    /// <summary>A copy with URI header <paramref name="name"/> set to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The result would not be a valid URI.</exception>
    public SipUri WithHeader(string name, string value) =>
        Copy(headers: SipGrammar.SetParameter(Headers, name, value)).EnsureValid();

    /// <summary>A copy with another user part (null removes it, and the password with it).</summary>
    /// <exception cref="ArgumentException">The result would not be a valid URI.</exception>
    public SipUri WithUser(string? user) =>
        new SipUri(Scheme, user, user is null ? null : Password, Host, HostKind, Port, [.. Parameters], [.. Headers]).EnsureValid();

    /// <summary>A copy with another port (null removes it).</summary>
    /// <exception cref="ArgumentException">The port is outside 0–65535 or the URI is a tel URI.</exception>
    public SipUri WithPort(int? port) =>
        new SipUri(Scheme, User, Password, Host, HostKind, port, [.. Parameters], [.. Headers]).EnsureValid();

    /// <summary>A copy with another host and port.</summary>
    /// <exception cref="ArgumentException">The host or port is not valid, or the URI is a tel URI.</exception>
    public SipUri WithHost(string host, int? port)
    {
        if (Scheme == SipUriScheme.Tel || !SipGrammar.TryClassifyHost(host, out var kind))
        {
            throw new ArgumentException("Not a valid host.", nameof(host));
        }
        return new SipUri(Scheme, User, Password, host, kind, port, [.. Parameters], [.. Headers]).EnsureValid();
    }

    /// <summary>The URI with every part escaped as RFC 3261 §25.1 / RFC 3966 §3 require.</summary>
    public override string ToString() => _text ??= Format();

    /// <summary>Compares per RFC 3261 §19.1.4 (sip, sips) or RFC 3966 §4 (tel).</summary>
    public bool Equals(SipUri? other)
    {
        if (other is null || other.Scheme != Scheme)
        {
            return false;
        }
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        return Scheme == SipUriScheme.Tel ? TelEquals(other) : SipEquals(other);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SipUri);

    /// <summary>A hash consistent with <see cref="Equals(SipUri?)"/>: only the parts that must always match take part.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Scheme);
        if (Scheme == SipUriScheme.Tel)
        {
            hash.Add(NormalizeNumber(User ?? ""), StringComparer.OrdinalIgnoreCase);
            return hash.ToHashCode();
        }
        hash.Add(User, StringComparer.Ordinal);
        hash.Add(Password, StringComparer.Ordinal);
        hash.Add(HostKey, StringComparer.OrdinalIgnoreCase);
        hash.Add(Port);
        foreach (var name in MustMatchParameters)
        {
            hash.Add(GetParameter(name), StringComparer.OrdinalIgnoreCase);
        }
        return hash.ToHashCode();
    }

    private string HostKey => _hostKey ??= HostKind == SipHostKind.IPv6 && IPAddress.TryParse(Host.AsSpan(1, Host.Length - 2), out var address)
        ? address.ToString()
        : Host;

    private bool SipEquals(SipUri other)
    {
        // Userinfo is case-sensitive, the host and everything else is not; escapes are already resolved.
        if (!string.Equals(User, other.User, StringComparison.Ordinal)
            || !string.Equals(Password, other.Password, StringComparison.Ordinal)
            || !string.Equals(HostKey, other.HostKey, StringComparison.OrdinalIgnoreCase)
            || Port != other.Port)
        {
            return false;
        }
        if (!ParametersMatch(this, other) || !ParametersMatch(other, this))
        {
            return false;
        }
        if (Headers.Count != other.Headers.Count)
        {
            return false;
        }
        for (var i = 0; i < Headers.Count; i++)
        {
            var header = Headers[i];
            if (SipGrammar.IndexOfParameter(Headers, header.Name) != i)
            {
                continue; // a repeated name is compared through its first occurrence
            }
            var theirs = other.GetHeader(header.Name);
            if (theirs is null || !string.Equals(header.Value ?? "", theirs, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return true;

        static bool ParametersMatch(SipUri left, SipUri right)
        {
            for (var i = 0; i < left.Parameters.Count; i++)
            {
                var parameter = left.Parameters[i];
                if (SipGrammar.IndexOfParameter(left.Parameters, parameter.Name) != i)
                {
                    continue;
                }
                var theirs = right.GetParameter(parameter.Name);
                if (theirs is null)
                {
                    // §19.1.4: user, ttl, method, maddr and transport must be in both or neither.
                    if (Array.Exists(MustMatchParameters, name => Ascii.EqualsIgnoreCase(name, parameter.Name)))
                    {
                        return false;
                    }
                    continue;
                }
                if (!string.Equals(parameter.Value ?? "", theirs, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
            return true;
        }
    }

    private bool TelEquals(SipUri other)
    {
        // RFC 3966 §4: both global or both local, digits equal without visual separators, and the
        // same set of parameters with equal values; phone-context numbers also lose separators.
        if (IsGlobalNumber != other.IsGlobalNumber
            || !string.Equals(NormalizeNumber(User ?? ""), NormalizeNumber(other.User ?? ""), StringComparison.OrdinalIgnoreCase)
            || Parameters.Count != other.Parameters.Count)
        {
            return false;
        }
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            var theirs = other.GetParameter(parameter.Name);
            if (theirs is null)
            {
                return false;
            }
            if (SipGrammar.IndexOfParameter(Parameters, parameter.Name) != i)
            {
                continue;
            }
            var mine = parameter.Value ?? "";
            if (Ascii.EqualsIgnoreCase(parameter.Name, "phone-context") && mine.StartsWith('+'))
            {
                mine = NormalizeNumber(mine);
                theirs = NormalizeNumber(theirs);
            }
            if (!string.Equals(mine, theirs, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return true;
    }

    private static string NormalizeNumber(string number)
    {
        if (number.AsSpan().IndexOfAny(VisualSeparators) < 0)
        {
            return number;
        }
        var builder = new StringBuilder(number.Length);
        foreach (var c in number)
        {
            if (c is not ('-' or '.' or '(' or ')'))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private string Format()
    {
        var builder = new StringBuilder(64);
        switch (Scheme)
        {
            case SipUriScheme.Tel:
                builder.Append("tel:").Append(User);
                AppendUriParameters(builder, Parameters);
                return builder.ToString();
            case SipUriScheme.Sips:
                builder.Append("sips:");
                break;
            default:
                builder.Append("sip:");
                break;
        }
        if (User is not null)
        {
            SipGrammar.AppendEscaped(builder, User, SipGrammar.UserChars);
            if (Password is not null)
            {
                builder.Append(':');
                SipGrammar.AppendEscaped(builder, Password, SipGrammar.PasswordChars);
            }
            builder.Append('@');
        }
        builder.Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }
        AppendUriParameters(builder, Parameters);
        for (var i = 0; i < Headers.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&');
            SipGrammar.AppendEscaped(builder, Headers[i].Name, SipGrammar.HeaderChars);
            builder.Append('=');
            SipGrammar.AppendEscaped(builder, Headers[i].Value ?? "", SipGrammar.HeaderChars);
        }
        return builder.ToString();

        static void AppendUriParameters(StringBuilder builder, IReadOnlyList<SipParameter> parameters)
        {
            foreach (var parameter in parameters)
            {
                builder.Append(';');
                SipGrammar.AppendEscaped(builder, parameter.Name, SipGrammar.ParamChars);
                if (parameter.Value is not null)
                {
                    builder.Append('=');
                    SipGrammar.AppendEscaped(builder, parameter.Value, SipGrammar.ParamChars);
                }
            }
        }
    }

    private SipUri Copy(SipParameter[]? parameters = null, SipParameter[]? headers = null) =>
        new(Scheme, User, Password, Host, HostKind, Port, parameters ?? [.. Parameters], headers ?? [.. Headers]);

    private SipUri EnsureValid()
    {
        if (!TryParse(ToString(), out var reparsed) || !Equals(reparsed) || reparsed.Parameters.Count != Parameters.Count
            || reparsed.Headers.Count != Headers.Count)
        {
            throw new ArgumentException("The parts do not form a valid " + Scheme.ToString().ToLowerInvariant() + " URI.");
        }
        return this;
    }

    private static SipUri? ParseSip(SipUriScheme scheme, ReadOnlySpan<char> rest)
    {
        string? user = null;
        string? password = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var colon = userInfo.IndexOf(':');
            var userText = colon < 0 ? userInfo : userInfo[..colon];
            if (userText.IsEmpty || !SipGrammar.TryUnescape(userText, SipGrammar.UserChars, out user))
            {
                return null;
            }
            if (colon >= 0 && !SipGrammar.TryUnescape(userInfo[(colon + 1)..], SipGrammar.PasswordChars, out password))
            {
                return null;
            }
            rest = rest[(at + 1)..];
        }
        int hostEnd;
        if (rest is ['[', ..])
        {
            hostEnd = rest.IndexOf(']') + 1;
            if (hostEnd == 0)
            {
                return null;
            }
        }
        else
        {
            hostEnd = rest.IndexOfAny(":;?");
            hostEnd = hostEnd < 0 ? rest.Length : hostEnd;
        }
        var host = rest[..hostEnd];
        if (!SipGrammar.TryClassifyHost(host, out var hostKind))
        {
            return null;
        }
        rest = rest[hostEnd..];
        int? port = null;
        if (rest is [':', ..])
        {
            var portEnd = rest.IndexOfAny(";?");
            portEnd = portEnd < 0 ? rest.Length : portEnd;
            if (!SipGrammar.TryParseNumber(rest[1..portEnd], 65535, out var number))
            {
                return null;
            }
            port = (int)number;
            rest = rest[portEnd..];
        }
        var headersStart = rest.IndexOf('?');
        var paramText = headersStart < 0 ? rest : rest[..headersStart];
        if (!TryParseUriParameters(paramText, SipGrammar.ParamChars, out var parameters))
        {
            return null;
        }
        SipParameter[] headers = [];
        if (headersStart >= 0 && !TryParseHeaders(rest[(headersStart + 1)..], out headers))
        {
            return null;
        }
        return new SipUri(scheme, user, password, host.ToString(), hostKind, port, parameters, headers);
    }

    private static bool TryParseUriParameters(ReadOnlySpan<char> text, System.Buffers.SearchValues<char> nameChars,
        out SipParameter[] parameters)
    {
        parameters = [];
        if (text.IsEmpty)
        {
            return true;
        }
        if (text[0] != ';')
        {
            return false;
        }
        var list = new List<SipParameter>();
        foreach (var range in text[1..].Split(';'))
        {
            var part = text[1..][range];
            var equals = part.IndexOf('=');
            var nameText = equals < 0 ? part : part[..equals];
            // RFC 3966 pname has no escapes; RFC 3261 pname does.
            var escapesAllowed = nameChars != TelParameterNameChars;
            if (nameText.IsEmpty || (!escapesAllowed && nameText.Contains('%'))
                || !SipGrammar.TryUnescape(nameText, nameChars, out var name))
            {
                return false;
            }
            string? value = null;
            if (equals >= 0 && (equals == part.Length - 1
                || !SipGrammar.TryUnescape(part[(equals + 1)..], SipGrammar.ParamChars, out value)))
            {
                return false;
            }
            list.Add(new SipParameter(name, value));
        }
        parameters = [.. list];
        return true;
    }

    private static bool TryParseHeaders(ReadOnlySpan<char> text, out SipParameter[] headers)
    {
        headers = [];
        var list = new List<SipParameter>();
        foreach (var range in text.Split('&'))
        {
            var part = text[range];
            var equals = part.IndexOf('=');
            if (equals <= 0
                || !SipGrammar.TryUnescape(part[..equals], SipGrammar.HeaderChars, out var name)
                || !SipGrammar.TryUnescape(part[(equals + 1)..], SipGrammar.HeaderChars, out var value))
            {
                return false;
            }
            list.Add(new SipParameter(name, value));
        }
        headers = [.. list];
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> TelParameterNameChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    private static readonly System.Buffers.SearchValues<char> GlobalNumberChars = System.Buffers.SearchValues.Create("0123456789-.()");
    private static readonly System.Buffers.SearchValues<char> LocalNumberChars = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF*#-.()");
    private static readonly System.Buffers.SearchValues<char> VisualSeparators = System.Buffers.SearchValues.Create("-.()");

    private static SipUri? ParseTel(ReadOnlySpan<char> rest)
    {
        var semi = rest.IndexOf(';');
        var number = semi < 0 ? rest : rest[..semi];
        bool global;
        if (number is ['+', ..])
        {
            // global-number-digits = "+" *phonedigit DIGIT *phonedigit
            var digits = number[1..];
            if (digits.ContainsAnyExcept(GlobalNumberChars) || digits.IndexOfAnyInRange('0', '9') < 0)
            {
                return null;
            }
            global = true;
        }
        else
        {
            // local-number-digits = *phonedigit-hex (HEXDIG / "*" / "#") *phonedigit-hex
            if (number.IsEmpty || number.ContainsAnyExcept(LocalNumberChars)
                || number.IndexOfAnyExcept(VisualSeparators) < 0)
            {
                return null;
            }
            global = false;
        }
        if (!TryParseUriParameters(semi < 0 ? [] : rest[semi..], TelParameterNameChars, out var parameters))
        {
            return null;
        }
        var context = SipGrammar.IndexOfParameter(parameters, "phone-context");
        if (!global && (context < 0 || parameters[context].Value is null))
        {
            return null; // RFC 3966 §5.1.5: a local number needs its phone-context.
        }
        return new SipUri(SipUriScheme.Tel, number.ToString(), null, "", SipHostKind.None, null, parameters, []);
    }
}
