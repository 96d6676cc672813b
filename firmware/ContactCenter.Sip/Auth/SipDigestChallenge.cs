using System.Diagnostics.CodeAnalysis;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// A WWW-Authenticate or Proxy-Authenticate challenge (RFC 3261 §20.44, §25.1; RFC 7616 §3.3).
/// Build one with an object initializer; <see cref="ToString"/> gives the header value.
/// </summary>
public sealed class SipDigestChallenge
{
    /// <summary>The auth scheme, normally <c>Digest</c>.</summary>
    public string Scheme { get; init; } = "Digest";

    /// <summary>True when <see cref="Scheme"/> is Digest (ASCII case-insensitive).</summary>
    public bool IsDigest => Ascii.EqualsIgnoreCase(Scheme, "Digest");

    /// <summary>The realm (unquoted).</summary>
    public string Realm { get; init; } = "";

    /// <summary>The nonce (unquoted).</summary>
    public string Nonce { get; init; } = "";

    /// <summary>The opaque value, or null.</summary>
    public string? Opaque { get; init; }

    /// <summary>The domain (space-separated URIs, unquoted), or null.</summary>
    public string? Domain { get; init; }

    /// <summary>The algorithm as written, or null when absent (which means MD5).</summary>
    public string? AlgorithmName { get; init; }

    /// <summary>The algorithm as a known value (absent = MD5).</summary>
    public SipDigestAlgorithm Algorithm => SipAuthParameters.ParseAlgorithm(AlgorithmName);

    /// <summary>The offered qop values (<c>auth</c>, <c>auth-int</c>); empty when qop is absent.</summary>
    public IReadOnlyList<string> QopOptions { get; init; } = [];

    /// <summary>True when the previous nonce was merely stale (<c>stale=true</c>).</summary>
    public bool Stale { get; init; }

    /// <summary>Auth-params this type does not model, in order (e.g. <c>charset</c>, <c>userhash</c>).</summary>
    public IReadOnlyList<SipParameter> OtherParameters { get; init; } = [];

    /// <summary>The token of a known algorithm (<c>MD5</c>, <c>MD5-sess</c>, <c>SHA-256</c>, <c>SHA-256-sess</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="algorithm"/> is <see cref="SipDigestAlgorithm.Unknown"/>.</exception>
    public static string AlgorithmToken(SipDigestAlgorithm algorithm) => algorithm switch
    {
        SipDigestAlgorithm.Md5 => "MD5",
        SipDigestAlgorithm.Md5Sess => "MD5-sess",
        SipDigestAlgorithm.Sha256 => "SHA-256",
        SipDigestAlgorithm.Sha256Sess => "SHA-256-sess",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>
    /// Parses a challenge. Parameter names are case-insensitive and may come in any order; values
    /// may be tokens or quoted strings; a repeated parameter, a bad <c>stale</c>, or a Digest
    /// challenge without realm or nonce fails. Never throws.
    /// </summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SipDigestChallenge? challenge)
    {
        challenge = null;
        if (!SipAuthParameters.TryParse(value, out var scheme, out var parameters))
        {
            return false;
        }
        string? realm = null, nonce = null, opaque = null, domain = null, algorithm = null;
        var stale = false;
        var qop = new List<string>();
        var others = new List<SipParameter>();
        foreach (var parameter in parameters)
        {
            var v = parameter.Value!;
            switch (parameter.Name.ToUpperInvariant())
            {
                case "REALM": realm = v; break;
                case "NONCE": nonce = v; break;
                case "OPAQUE": opaque = v; break;
                case "DOMAIN": domain = v; break;
                case "ALGORITHM":
                    if (!SipGrammar.IsToken(v))
                    {
                        return false;
                    }
                    algorithm = v;
                    break;
                case "STALE":
                    if (Ascii.EqualsIgnoreCase(v, "true"))
                    {
                        stale = true;
                    }
                    else if (!Ascii.EqualsIgnoreCase(v, "false"))
                    {
                        return false;
                    }
                    break;
                case "QOP":
                    foreach (var range in v.AsSpan().Split(','))
                    {
                        var option = SipGrammar.TrimLws(v.AsSpan()[range]);
                        if (!SipGrammar.IsToken(option))
                        {
                            return false;
                        }
                        qop.Add(option.ToString());
                    }
                    break;
                default: others.Add(parameter); break;
            }
        }
        var isDigest = Ascii.EqualsIgnoreCase(scheme, "Digest");
        if (isDigest && (realm is null || nonce is null))
        {
            return false;
        }
        challenge = new SipDigestChallenge
        {
            Scheme = scheme,
            Realm = realm ?? "",
            Nonce = nonce ?? "",
            Opaque = opaque,
            Domain = domain,
            AlgorithmName = algorithm,
            QopOptions = qop,
            Stale = stale,
            OtherParameters = others,
        };
        return true;
    }

    /// <summary>The header value: <c>Digest realm="…", nonce="…", …</c> with quoted values where RFC 3261 §25.1 quotes them.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Scheme).Append(' ');
        SipAuthParameters.AppendQuoted(builder, "realm", Realm);
        SipAuthParameters.AppendQuoted(builder, "domain", Domain);
        SipAuthParameters.AppendQuoted(builder, "nonce", Nonce);
        SipAuthParameters.AppendQuoted(builder, "opaque", Opaque);
        if (Stale)
        {
            SipAuthParameters.AppendToken(builder, "stale", "true");
        }
        SipAuthParameters.AppendToken(builder, "algorithm", AlgorithmName);
        if (QopOptions.Count > 0)
        {
            SipAuthParameters.AppendQuoted(builder, "qop", string.Join(',', QopOptions));
        }
        foreach (var (name, value) in OtherParameters)
        {
            SipAuthParameters.AppendToken(builder, name, value ?? "");
        }
        return builder.ToString();
    }
}
