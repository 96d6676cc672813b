using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// Authorization or Proxy-Authorization credentials (RFC 3261 §20.7, §25.1; RFC 7616 §3.4).
/// Build with an object initializer; <see cref="ToString"/> gives the header value. Computing and
/// checking the response is the authentication layer's job.
/// </summary>
public sealed class SipDigestCredentials
{
    /// <summary>The auth scheme, normally <c>Digest</c>.</summary>
    public string Scheme { get; init; } = "Digest";

    /// <summary>True when <see cref="Scheme"/> is Digest (ASCII case-insensitive).</summary>
    public bool IsDigest => Ascii.EqualsIgnoreCase(Scheme, "Digest");

    /// <summary>The username (unquoted).</summary>
    public string Username { get; init; } = "";

    /// <summary>The realm (unquoted).</summary>
    public string Realm { get; init; } = "";

    /// <summary>The nonce echoed from the challenge.</summary>
    public string Nonce { get; init; } = "";

    /// <summary>The digest-uri (the Request-URI as the client saw it).</summary>
    public string Uri { get; init; } = "";

    /// <summary>The response digest (hex).</summary>
    public string Response { get; init; } = "";

    /// <summary>The algorithm as written, or null when absent (MD5).</summary>
    public string? AlgorithmName { get; init; }

    /// <summary>The algorithm as a known value (absent = MD5).</summary>
    public SipDigestAlgorithm Algorithm => SipAuthParameters.ParseAlgorithm(AlgorithmName);

    /// <summary>The client nonce, or null.</summary>
    public string? CNonce { get; init; }

    /// <summary>The opaque value echoed from the challenge, or null.</summary>
    public string? Opaque { get; init; }

    /// <summary>The chosen qop (<c>auth</c> or <c>auth-int</c>), or null.</summary>
    public string? Qop { get; init; }

    /// <summary>The nonce count (<c>nc</c>, 8 hex digits on the wire), or null.</summary>
    public uint? NonceCount { get; init; }

    /// <summary>Auth-params this type does not model, in order.</summary>
    public IReadOnlyList<SipParameter> OtherParameters { get; init; } = [];

    /// <summary>
    /// Parses credentials. Names are case-insensitive and in any order; values tokens or quoted
    /// strings; repeated parameters, an <c>nc</c> that is not 8 hex digits, or Digest credentials
    /// without username, realm, nonce, uri or response fail. Never throws.
    /// </summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SipDigestCredentials? credentials)
    {
        credentials = null;
        if (!SipAuthParameters.TryParse(value, out var scheme, out var parameters))
        {
            return false;
        }
        string? username = null, realm = null, nonce = null, uri = null, response = null, algorithm = null, cnonce = null, opaque = null, qop = null;
        uint? nc = null;
        var others = new List<SipParameter>();
        foreach (var parameter in parameters)
        {
            var v = parameter.Value!;
            switch (parameter.Name.ToUpperInvariant())
            {
                case "USERNAME": username = v; break;
                case "REALM": realm = v; break;
                case "NONCE": nonce = v; break;
                case "URI": uri = v; break;
                case "RESPONSE": response = v; break;
                case "CNONCE": cnonce = v; break;
                case "OPAQUE": opaque = v; break;
                case "ALGORITHM":
                    if (!SipGrammar.IsToken(v))
                    {
                        return false;
                    }
                    algorithm = v;
                    break;
                case "QOP":
                    // message-qop is a bare token, but several phones quote it; both are accepted.
                    if (!SipGrammar.IsToken(v))
                    {
                        return false;
                    }
                    qop = v;
                    break;
                case "NC":
                    if (v.Length != 8 || v.AsSpan().ContainsAnyExcept(SipGrammar.HexChars)
                        || !uint.TryParse(v, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var count))
                    {
                        return false;
                    }
                    nc = count;
                    break;
                default: others.Add(parameter); break;
            }
        }
        if (Ascii.EqualsIgnoreCase(scheme, "Digest")
            && (username is null || realm is null || nonce is null || uri is null || response is null))
        {
            return false;
        }
        credentials = new SipDigestCredentials
        {
            Scheme = scheme,
            Username = username ?? "",
            Realm = realm ?? "",
            Nonce = nonce ?? "",
            Uri = uri ?? "",
            Response = response ?? "",
            AlgorithmName = algorithm,
            CNonce = cnonce,
            Opaque = opaque,
            Qop = qop,
            NonceCount = nc,
            OtherParameters = others,
        };
        return true;
    }

    /// <summary>The header value: <c>Digest username="…", realm="…", nonce="…", uri="…", response="…", …</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Scheme).Append(' ');
        SipAuthParameters.AppendQuoted(builder, "username", Username);
        SipAuthParameters.AppendQuoted(builder, "realm", Realm);
        SipAuthParameters.AppendQuoted(builder, "nonce", Nonce);
        SipAuthParameters.AppendQuoted(builder, "uri", Uri);
        SipAuthParameters.AppendQuoted(builder, "response", Response);
        SipAuthParameters.AppendToken(builder, "algorithm", AlgorithmName);
        SipAuthParameters.AppendQuoted(builder, "cnonce", CNonce);
        SipAuthParameters.AppendQuoted(builder, "opaque", Opaque);
        SipAuthParameters.AppendToken(builder, "qop", Qop);
        SipAuthParameters.AppendToken(builder, "nc", NonceCount?.ToString("x8", CultureInfo.InvariantCulture));
        foreach (var (name, value) in OtherParameters)
        {
            SipAuthParameters.AppendToken(builder, name, value ?? "");
        }
        return builder.ToString();
    }
}
