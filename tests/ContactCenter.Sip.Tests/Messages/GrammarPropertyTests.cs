using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ContactCenter.Sip.Tests.Messages;

public class GrammarPropertyTests
{
    private static readonly char[] AnyTextChars =
        "abcXYZ019 -_.!~*'()%@:;?&=+$,/[]<>\"\\#{}|^`\t\u00e9\u4e2d\u0000\u0001".ToCharArray();

    private static readonly string[] Fragments =
    [
        "sip:", "sips:", "tel:", "+1", "@", "[", "]", "::", ":", ";", "=", "\"", "\\", "<", ">", ",", "%", "%4", "%41",
        "?", "&", "tag", "branch", "z9hG4bK", "SIP", "/", "2.0", "UDP", " ", "\t", "Digest ", "realm", "nonce", "nc",
        "00000001", "1", "65536", "a", "example.com", "192.0.2.1", "2001:db8::1", "\u00e9", "(", ")", "*", "lr", "q=0.5",
        "expires", "phone-context", "early-only", "cause", "text", "id", ".", "-", "\r\n", "\0",
    ];

    private static Gen<string> Text(char[] pool, int minLength = 0) =>
        Gen.ArrayOf(Gen.Elements(pool)).Select(a => new string(a)).Where(s => s.Length >= minLength);

    private static Gen<string?> Optional(Gen<string> gen) =>
        Gen.OneOf(Gen.Constant<string?>(null), gen.Select(s => (string?)s));

    private static readonly Gen<string> Label =
        Gen.Elements("a", "pbx", "x-1", "atlanta", "Biloxi", "b2", "example", "com", "FR");

    private static readonly Gen<string> Host = Gen.OneOf(
        Gen.ArrayOf(Label).Where(a => a.Length is > 0 and < 5).Select(a => string.Join('.', a) + ".example"),
        Gen.Four(Gen.Choose(0, 255)).Select(t => $"{t.Item1}.{t.Item2}.{t.Item3}.{t.Item4}"),
        Gen.Elements("[::1]", "[2001:db8::10]", "[fe80::1:2:3:4]", "[::ffff:192.0.2.1]", "[1:2:3:4:5:6:7:8]"));

    private static readonly Gen<int?> Port = Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 65535).Select(p => (int?)p));

    private static readonly Gen<SipParameter> UriParameter =
        from name in Text(AnyTextChars, 1)
        from value in Optional(Text(AnyTextChars, 1))
        select new SipParameter(name, value);

    private static readonly Gen<SipParameter> UriHeader =
        from name in Text(AnyTextChars, 1)
        from value in Text(AnyTextChars)
        select new SipParameter(name, value);

    private static readonly Gen<SipUri> SipUriGen =
        from scheme in Gen.Elements(SipUriScheme.Sip, SipUriScheme.Sips)
        from user in Optional(Text(AnyTextChars, 1))
        from password in Optional(Text(AnyTextChars))
        from host in Host
        from port in Port
        from parameters in Gen.ArrayOf(UriParameter).Select(a => a.Take(4).ToArray())
        from headers in Gen.ArrayOf(UriHeader).Select(a => a.Take(3).ToArray())
        select new SipUri(scheme, user, host, port, parameters, headers, user is null ? null : password);

    private static readonly Gen<string> Token =
        Text("abcXYZ019-.!%*_+`'~".ToCharArray(), 1);

    private static readonly Gen<SipParameter> HeaderParameter =
        from name in Token
        from value in Optional(Text(AnyTextChars.Where(c => c is not ('\0' or '\u0001')).ToArray()))
        select new SipParameter("x" + name, value);

    [Fact]
    public void RandomSipUris_RoundTripThroughToStringAndParse() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(SipUriGen), uri =>
        {
            var parsed = SipUri.Parse(uri.ToString());
            return parsed.Equals(uri)
                && parsed.GetHashCode() == uri.GetHashCode()
                && parsed.User == uri.User
                && parsed.Password == uri.Password
                && parsed.Parameters.SequenceEqual(uri.Parameters)
                && parsed.Headers.SequenceEqual(uri.Headers)
                && parsed.ToString() == uri.ToString();
        }));

    [Fact]
    public void RandomTelUris_RoundTripThroughToStringAndParse()
    {
        var number = Text("0123456789-.()".ToCharArray()).Where(s => s.Any(char.IsAsciiDigit)).Select(s => "+" + s);
        var tel = from n in number
                  from ext in Optional(Text("0123456789".ToCharArray(), 1))
                  select new SipUri(SipUriScheme.Tel, n, "", null, ext is null ? null : [new SipParameter("ext", ext)]);
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(tel), uri =>
            SipUri.Parse(uri.ToString()).Equals(uri) && SipUri.Parse(uri.ToString()).User == uri.User));
    }

    [Fact]
    public void RandomVias_RoundTripThroughToStringAndParse()
    {
        var gen = from transport in Gen.Elements("UDP", "TCP", "TLS", "WS", "WSS", "SCTP")
                  from host in Host
                  from port in Port
                  from branch in Optional(Token.Select(t => "z9hG4bK" + t))
                  from parameters in Gen.ArrayOf(HeaderParameter).Select(a => a.Take(4).ToArray())
                  select new SipVia(transport, host, port, branch, parameters);
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(gen), via =>
            SipVia.TryParse(via.ToString(), out var parsed)
            && parsed.ToString() == via.ToString()
            && parsed.Parameters.SequenceEqual(via.Parameters)
            && parsed.Host == via.Host && parsed.Port == via.Port && parsed.Branch == via.Branch));
    }

    [Fact]
    public void RandomNameAddresses_RoundTripThroughToStringAndParse()
    {
        var display = Optional(Text(AnyTextChars.Where(c => c is not ('\0' or '\u0001')).ToArray()));
        var gen = from uri in SipUriGen
                  from name in display
                  from parameters in Gen.ArrayOf(HeaderParameter).Select(a => a.Take(4).ToArray())
                  select new SipNameAddress(uri, name, parameters);
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(gen), address =>
        {
            var list = new List<SipNameAddress>();
            return SipNameAddress.TryParse(address.ToString(), out var parsed)
                && parsed.DisplayName == address.DisplayName
                && parsed.Uri!.Equals(address.Uri)
                && parsed.UriText == address.UriText
                && parsed.Parameters.SequenceEqual(address.Parameters)
                && SipNameAddress.TryParseList(address + " , " + address, list)
                && list.Count == 2;
        }));
    }

    [Fact]
    public void RandomDigestChallenges_RoundTrip()
    {
        var quoted = Text(AnyTextChars.Where(c => c is not ('\0' or '\u0001')).ToArray());
        var gen = from realm in quoted
                  from nonce in quoted
                  from opaque in Optional(quoted)
                  from stale in Gen.Elements(true, false)
                  from algorithm in Optional(Gen.Elements("MD5", "MD5-sess", "SHA-256", "SHA-256-sess"))
                  from qop in Gen.SubListOf("auth", "auth-int")
                  select new SipDigestChallenge { Realm = realm, Nonce = nonce, Opaque = opaque, Stale = stale, AlgorithmName = algorithm, QopOptions = [.. qop] };
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(gen), challenge =>
            SipDigestChallenge.TryParse(challenge.ToString(), out var parsed)
            && parsed.Realm == challenge.Realm && parsed.Nonce == challenge.Nonce && parsed.Opaque == challenge.Opaque
            && parsed.Stale == challenge.Stale && parsed.Algorithm == challenge.Algorithm
            && parsed.QopOptions.SequenceEqual(challenge.QopOptions)));
    }

    private static readonly Gen<string> Soup =
        Gen.ArrayOf(Gen.Elements(Fragments)).Select(a => string.Concat(a));

    private static bool ParseEverything(string text)
    {
        _ = SipUri.TryParse(text, out var uri);
        _ = uri?.ToString();
        _ = uri?.GetHashCode();
        _ = uri?.Equals(uri);
        _ = SipVia.TryParse(text, out _);
        _ = SipVia.TryParseList(text, []);
        _ = SipNameAddress.TryParse(text, out var address);
        _ = address?.ToString();
        _ = address?.Q;
        _ = SipNameAddress.TryParseList(text, []);
        _ = SipCSeq.TryParse(text, out _);
        _ = SipContentType.TryParse(text, out _);
        _ = SipEvent.TryParse(text, out _);
        _ = SipSubscriptionState.TryParse(text, out _);
        _ = SipReplaces.TryParse(text, out _);
        _ = SipReason.TryParseList(text, []);
        _ = SipTokenList.TryParse(text, []);
        _ = SipDigestChallenge.TryParse(text, out var challenge);
        _ = challenge?.ToString();
        _ = SipDigestCredentials.TryParse(text, out var credentials);
        _ = credentials?.ToString();
        return true;
    }

    [Fact]
    public void RandomStrings_NeverThrow() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000),
            Prop.ForAll(Arb.From(Text(AnyTextChars)), ParseEverything));

    [Fact]
    public void RandomGrammarFragments_NeverThrow() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000),
            Prop.ForAll(Arb.From(Soup), ParseEverything));

    [Fact]
    public void ParsedUris_RoundTrip_WhenFragmentsFormAUri() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000),
            Prop.ForAll(Arb.From(Soup.Select(s => "sip:" + s)), text =>
                !SipUri.TryParse(text, out var uri) || SipUri.Parse(uri.ToString()).Equals(uri)));
}
