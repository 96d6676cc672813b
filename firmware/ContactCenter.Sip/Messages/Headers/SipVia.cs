using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages.Headers;

/// <summary>
/// One <c>via-parm</c> of a Via header field (RFC 3261 §20.42, §25.1; RFC 3581 <c>rport</c>).
/// Immutable; LWS is accepted around <c>/</c>, <c>:</c>, <c>;</c>, <c>=</c> and commas.
/// </summary>
public sealed class SipVia
{
    /// <summary>The RFC 3261 §8.1.1.7 branch prefix that marks a branch as globally unique.</summary>
    public const string MagicCookie = "z9hG4bK";

    private string? _text;

    private SipVia(string protocolName, string protocolVersion, string transport, string host, SipHostKind hostKind, int? port,
        SipParameter[] parameters)
    {
        ProtocolName = protocolName;
        ProtocolVersion = protocolVersion;
        Transport = transport;
        Host = host;
        HostKind = hostKind;
        Port = port;
        Parameters = parameters;
    }

    /// <summary>Builds a <c>SIP/2.0</c> Via.</summary>
    /// <param name="transport">Transport token (UDP, TCP, TLS, WS…); upper-cased.</param>
    /// <param name="host">sent-by host (IPv6 in brackets).</param>
    /// <param name="port">sent-by port, or null.</param>
    /// <param name="branch">The branch (normally starting with <see cref="MagicCookie"/>), or null.</param>
    /// <param name="parameters">Further parameters, emitted after the branch.</param>
    /// <exception cref="ArgumentException">The parts do not form a valid Via.</exception>
    public SipVia(string transport, string host, int? port, string? branch, IEnumerable<SipParameter>? parameters = null)
        : this("SIP", "2.0", transport?.ToUpperInvariant() ?? "", host ?? "", SipHostKind.None, port,
            branch is null ? parameters?.ToArray() ?? [] : [new SipParameter("branch", branch), .. parameters ?? []])
    {
        if (!SipGrammar.TryClassifyHost(Host, out var kind))
        {
            throw new ArgumentException("Not a valid host.", nameof(host));
        }
        HostKind = kind;
        EnsureValid();
    }

    /// <summary>The protocol name of sent-protocol (<c>SIP</c>).</summary>
    public string ProtocolName { get; }

    /// <summary>The protocol version of sent-protocol (<c>2.0</c>).</summary>
    public string ProtocolVersion { get; }

    /// <summary><c>name/version</c>, normally <c>SIP/2.0</c>.</summary>
    public string Protocol => ProtocolName + "/" + ProtocolVersion;

    /// <summary>Transport token, upper-cased (UDP, TCP, TLS, SCTP, WS, WSS or an extension).</summary>
    public string Transport { get; }

    /// <summary>sent-by host as written (IPv6 references keep brackets).</summary>
    public string Host { get; }

    /// <summary>What <see cref="Host"/> is.</summary>
    public SipHostKind HostKind { get; }

    /// <summary>sent-by port, when given.</summary>
    public int? Port { get; }

    /// <summary><c>host[:port]</c>.</summary>
    public string SentBy => Port is { } port ? Host + ":" + port.ToString(CultureInfo.InvariantCulture) : Host;

    /// <summary>All parameters in order (quotes removed; flag parameters have a null value).</summary>
    public IReadOnlyList<SipParameter> Parameters { get; }

    /// <summary>The branch parameter, or null.</summary>
    public string? Branch => GetParameter("branch");

    /// <summary>True when <see cref="Branch"/> starts with <see cref="MagicCookie"/> (compared case-sensitively).</summary>
    public bool IsRfc3261Branch => Branch?.StartsWith(MagicCookie, StringComparison.Ordinal) == true;

    /// <summary>The received parameter, or null.</summary>
    public string? Received => GetParameter("received");

    /// <summary>True when an rport parameter is present, with or without a value (RFC 3581).</summary>
    public bool HasRPort => HasParameter("rport");

    /// <summary>The rport value, or null when absent or written as a flag.</summary>
    public int? RPort => SipGrammar.TryParseNumber(GetParameter("rport"), 65535, out var port) ? (int)port : null;

    /// <summary>The maddr parameter, or null.</summary>
    public string? Maddr => GetParameter("maddr");

    /// <summary>The ttl parameter (0–255), or null.</summary>
    public int? Ttl => SipGrammar.TryParseNumber(GetParameter("ttl"), 255, out var ttl) ? (int)ttl : null;

    /// <summary>The value of parameter <paramref name="name"/> (ASCII case-insensitive): its value, <c>""</c> for a flag, null when absent.</summary>
    public string? GetParameter(string name) => SipGrammar.FindParameter(Parameters, name);

    /// <summary>True when parameter <paramref name="name"/> is present (ASCII case-insensitive).</summary>
    public bool HasParameter(string name) => SipGrammar.IndexOfParameter(Parameters, name) >= 0;

    /// <summary>Parses exactly one via-parm; false for lists, malformed values or null. Never throws.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SipVia? via)
    {
        via = null;
        return value is not null && TryParseOne(value, out via);
    }

    /// <summary>
    /// Parses one Via header field value, which may hold several comma-separated via-parms,
    /// appending them to <paramref name="into"/>. On failure nothing is appended.
    /// </summary>
    public static bool TryParseList(string? value, List<SipVia> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        return value is not null && TryParseListValue(value, into);
    }

    // The parser's path: the header value as chars. A value with one via-parm (no comma, quote or angle bracket,
    // so splitting would give the whole value back) skips the split.
    internal static bool TryParseListValue(ReadOnlySpan<char> value, List<SipVia> into)
    {
        if (value.IndexOfAny(ListSyntax) < 0)
        {
            if (!TryParseOne(SipGrammar.TrimLws(value), out var single))
            {
                return false;
            }
            into.Add(single);
            return true;
        }
        return SipGrammar.TryParseList(value, into, TryParseOne);
    }

    /// <summary>
    /// A copy with <c>received</c> set to <paramref name="received"/> and, when this Via carries
    /// <c>rport</c> and <paramref name="rport"/> is given, <c>rport</c> set to it (RFC 3581 §4: the
    /// server fills rport only when the client asked for it). Deciding whether received is needed
    /// (RFC 3261 §18.2.1) is the caller's job.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="received"/> is not an address or <paramref name="rport"/> is out of range.</exception>
    public SipVia WithReceived(string received, int? rport)
    {
        if (!IsValidReceived(received))
        {
            throw new ArgumentException("Not an IP address.", nameof(received));
        }
        var parameters = SipGrammar.SetParameter(Parameters, "received", received);
        if (rport is { } port && HasRPort)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(port, nameof(rport));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535, nameof(rport));
            parameters = SipGrammar.SetParameter(parameters, "rport", port.ToString(CultureInfo.InvariantCulture));
        }
        return new SipVia(ProtocolName, ProtocolVersion, Transport, Host, HostKind, Port, parameters);
    }

    /// <summary>A copy with parameter <paramref name="name"/> set (replaced in place or appended); null value makes a flag.</summary>
    /// <exception cref="ArgumentException">The result would not be a valid Via.</exception>
    public SipVia WithParameter(string name, string? value) =>
        new SipVia(ProtocolName, ProtocolVersion, Transport, Host, HostKind, Port, SipGrammar.SetParameter(Parameters, name, value)).EnsureValid();

    /// <summary>The via-parm as written on the wire: <c>SIP/2.0/UDP host:port;params</c>.</summary>
    public override string ToString()
    {
        if (_text is null)
        {
            var builder = new StringBuilder(64);
            builder.Append(ProtocolName).Append('/').Append(ProtocolVersion).Append('/').Append(Transport).Append(' ').Append(SentBy);
            SipGrammar.AppendParameters(builder, Parameters);
            _text = builder.ToString();
        }
        return _text;
    }

    private SipVia EnsureValid() =>
        TryParse(ToString(), out var check) && check.Parameters.Count == Parameters.Count
            ? this
            : throw new ArgumentException("The parts do not form a valid Via.");

    private static bool IsValidReceived(ReadOnlySpan<char> value) =>
        SipGrammar.IsIPv6Address(value) || SipGrammar.TryClassifyHost(value, out _);

    private static bool TryParseOne(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipVia? via)
    {
        via = null;
        var pos = SipGrammar.SkipLws(text, 0);
        if (!TryReadToken(text, ref pos, out var name) || !TryReadSlash(text, ref pos)
            || !TryReadToken(text, ref pos, out var version) || !TryReadSlash(text, ref pos)
            || !TryReadToken(text, ref pos, out var transport))
        {
            return false;
        }
        var hostStart = SipGrammar.SkipLws(text, pos);
        if (hostStart == pos || hostStart >= text.Length)
        {
            return false; // sent-protocol LWS sent-by: the LWS is mandatory.
        }
        int hostEnd;
        if (text[hostStart] == '[')
        {
            hostEnd = text[hostStart..].IndexOf(']');
            if (hostEnd < 0)
            {
                return false;
            }
            hostEnd += hostStart + 1;
        }
        else
        {
            hostEnd = SipGrammar.ReadRun(text, hostStart, SipGrammar.HostNameChars);
        }
        var host = text[hostStart..hostEnd];
        if (!SipGrammar.TryClassifyHost(host, out var hostKind))
        {
            return false;
        }
        pos = SipGrammar.SkipLws(text, hostEnd);
        int? port = null;
        if (pos < text.Length && text[pos] == ':')
        {
            var portStart = SipGrammar.SkipLws(text, pos + 1);
            var portEnd = SipGrammar.ReadRun(text, portStart, Digits);
            if (!SipGrammar.TryParseNumber(text[portStart..portEnd], 65535, out var number))
            {
                return false;
            }
            port = (int)number;
            pos = portEnd;
        }
        var parameters = new List<SipParameter>();
        if (!SipGrammar.TryParseParameters(text, pos, parameters) || !ValidateParameters(parameters))
        {
            return false;
        }
        via = new SipVia(name, version, transport.AsSpan().ContainsAnyInRange('a', 'z') ? transport.ToUpperInvariant() : transport,
            host.ToString(), hostKind, port, [.. parameters]);
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    private static readonly System.Buffers.SearchValues<char> ListSyntax = System.Buffers.SearchValues.Create(",\"<");

    private static bool ValidateParameters(List<SipParameter> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            // Ordinal ASCII case-insensitive comparisons: no upper-cased copy of each name (STYLE §6).
            var valid =
                Ascii.EqualsIgnoreCase(name, "branch") ? SipGrammar.IsToken(value)
                : Ascii.EqualsIgnoreCase(name, "ttl") ? value is not null && value.Length <= 3 && SipGrammar.TryParseNumber(value, 255, out _)
                : Ascii.EqualsIgnoreCase(name, "maddr") ? value is not null && SipGrammar.TryClassifyHost(value, out _)
                : Ascii.EqualsIgnoreCase(name, "received") ? value is not null && IsValidReceived(value)
                : !Ascii.EqualsIgnoreCase(name, "rport") || value is null || SipGrammar.TryParseNumber(value, 65535, out _);
            if (!valid)
            {
                return false;
            }
        }
        return true;
    }

    // The protocol tokens nearly every Via carries, so that parsing one allocates no string for them.
    private static readonly string[] CommonTokens = ["SIP", "2.0", "UDP", "TCP", "TLS", "SCTP", "WS", "WSS"];

    private static bool TryReadToken(ReadOnlySpan<char> text, ref int pos, out string token)
    {
        var end = SipGrammar.ReadRun(text, pos, SipGrammar.TokenChars);
        token = Intern(text[pos..end]);
        pos = end;
        return token.Length > 0;
    }

    private static string Intern(ReadOnlySpan<char> token)
    {
        foreach (var common in CommonTokens)
        {
            if (token.SequenceEqual(common))
            {
                return common;
            }
        }
        return token.ToString();
    }

    private static bool TryReadSlash(ReadOnlySpan<char> text, ref int pos)
    {
        pos = SipGrammar.SkipLws(text, pos);
        if (pos >= text.Length || text[pos] != '/')
        {
            return false;
        }
        pos = SipGrammar.SkipLws(text, pos + 1);
        return true;
    }
}
