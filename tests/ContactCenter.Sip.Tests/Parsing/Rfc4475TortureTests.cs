using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Transactions;

using Xunit;

namespace ContactCenter.Sip.Tests.Parsing;

/// <summary>
/// RFC 4475 §3: what the parser makes of each torture message (status, response code, a reason naming the problem),
/// and for the well-formed ones the values the RFC points at. What the core then answers is in Rfc4475ServerTests.
/// </summary>
public class Rfc4475TortureTests
{
    /// <summary>One row per file: the parser's status, the response code it asks for and a fragment of the reason.</summary>
    public static TheoryData<string, SipParseStatus, int, string> ParserOutcomes => new()
    {
        // §3.1.1 valid messages.
        { "wsinv", SipParseStatus.Ok, 0, "" },
        { "intmeth", SipParseStatus.Ok, 0, "" },
        { "esc01", SipParseStatus.Ok, 0, "" },
        { "escnull", SipParseStatus.Ok, 0, "" },
        { "esc02", SipParseStatus.Ok, 0, "" },        // valid unknown method: the core answers 501
        { "lwsdisp", SipParseStatus.Ok, 0, "" },
        { "longreq", SipParseStatus.Ok, 0, "" },
        { "dblreq", SipParseStatus.Ok, 0, "" },       // the trailing INVITE is beyond Content-Length: ignored
        { "semiuri", SipParseStatus.Ok, 0, "" },
        { "transports", SipParseStatus.Ok, 0, "" },
        { "mpart01", SipParseStatus.Ok, 0, "" },
        { "unreason", SipParseStatus.Ok, 0, "" },
        { "noreason", SipParseStatus.Ok, 0, "" },
        // §3.1.2 invalid messages.
        { "badinv01", SipParseStatus.Invalid, 400, "Via" },
        { "clerr", SipParseStatus.Invalid, 400, "Content-Length" },
        { "scalar02", SipParseStatus.Invalid, 400, "CSeq" },
        { "scalarlg", SipParseStatus.Invalid, 400, "CSeq" },            // a response: the stack discards it
        { "quotbal", SipParseStatus.Invalid, 400, "To" },
        { "ltgtruri", SipParseStatus.Invalid, 400, "Request-URI" },
        { "lwsruri", SipParseStatus.Invalid, 400, "Request-Line" },
        { "lwsstart", SipParseStatus.Invalid, 400, "Request-Line" },     // rejecting is acceptable (§3.1.2.9)
        { "trws", SipParseStatus.Invalid, 400, "Request-Line" },         // rejecting is acceptable (§3.1.2.10)
        { "escruri", SipParseStatus.Ok, 0, "" },                         // syntax holds; the core refuses the headers with 400
        { "baddate", SipParseStatus.Ok, 0, "" },                         // Date is not used: ignored, as §3.1.2.12 allows
        { "regbadct", SipParseStatus.Ok, 0, "" },                        // Contact is checked by the core: 400
        { "badaspec", SipParseStatus.Ok, 0, "" },                        // liberal: spaces inside <> ignored (§3.1.2.14)
        { "baddn", SipParseStatus.Invalid, 400, "From" },
        { "badvers", SipParseStatus.Invalid, 505, "Version" },
        { "mismatch01", SipParseStatus.Invalid, 400, "CSeq method" },
        { "mismatch02", SipParseStatus.Invalid, 400, "CSeq method" },
        { "bigcode", SipParseStatus.Unreadable, 0, "Status-Code" },      // a response: dropped
        { "ncl", SipParseStatus.Invalid, 400, "Content-Length" },
        // §3.2 transaction layer.
        { "badbranch", SipParseStatus.Ok, 0, "" },                       // the core falls back to the RFC 2543 key
        // §3.3 application layer.
        { "insuf", SipParseStatus.Invalid, 400, "Missing" },
        { "unkscm", SipParseStatus.Ok, 0, "" },                          // core: 416
        { "novelsc", SipParseStatus.Ok, 0, "" },                         // core: 416
        { "unksm2", SipParseStatus.Ok, 0, "" },
        { "bext01", SipParseStatus.Ok, 0, "" },                          // core: 420
        { "invut", SipParseStatus.Ok, 0, "" },                           // the application answers 415
        { "regaut01", SipParseStatus.Ok, 0, "" },                        // the registrar answers 401
        { "multi01", SipParseStatus.Invalid, 400, "More than one" },
        { "mcl01", SipParseStatus.Invalid, 400, "Content-Length" },
        { "bcast", SipParseStatus.Ok, 0, "" },                           // a response: no transaction, discarded
        { "zeromf", SipParseStatus.Ok, 0, "" },                          // an endpoint answers as if Max-Forwards were positive
        { "cparam01", SipParseStatus.Ok, 0, "" },
        { "cparam02", SipParseStatus.Ok, 0, "" },
        { "regescrt", SipParseStatus.Ok, 0, "" },
        { "sdp01", SipParseStatus.Ok, 0, "" },                           // the application answers 406/415
        { "inv2543", SipParseStatus.Ok, 0, "" },
    };

    public static TheoryData<string> WellFormed => [.. Rfc4475Fixtures.WellFormed];

    [Fact]
    public void EveryFixture_HasExactlyOneExpectedOutcome()
    {
        var rows = ParserOutcomes.Select(row => (string)row[0]).ToList();
        Assert.Equal(49, Rfc4475Fixtures.Names.Count());
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(Rfc4475Fixtures.Names.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        Assert.Equal(
            ParserOutcomes.Where(row => (SipParseStatus)row[1] == SipParseStatus.Ok).Select(row => (string)row[0]).Order(StringComparer.Ordinal),
            Rfc4475Fixtures.WellFormed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ParserOutcomes))]
    public void Fixture_ParsesWithTheOutcomeTheRfcExpects(string file, SipParseStatus status, int statusCode, string reason)
    {
        var result = SipMessageParser.TryParse(Rfc4475Fixtures.Load(file), out var message);
        using (message)
        {
            Assert.Equal(status, result.Status);
            Assert.Equal(statusCode, result.StatusCode);
            Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
            if (status is SipParseStatus.Ok or SipParseStatus.Invalid)
            {
                Assert.NotNull(message);
            }
            else
            {
                Assert.Null(message);
            }
        }
    }

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void WellFormedFixture_CarriesTheValuesTheRfcPointsAt(string file)
    {
        var result = SipMessageParser.TryParse(Rfc4475Fixtures.Load(file), out var parsed);
        Assert.True(result.IsOk, result.Reason);
        using var message = parsed!;
        Checks[file](message);
    }

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void WellFormedFixture_RoundTripsThroughWriteTo(string file)
    {
        SipMessageParser.TryParse(Rfc4475Fixtures.Load(file), out var first);
        using var original = first!;
        var result = SipMessageParser.TryParse(original.ToArray(), out var second);
        Assert.True(result.IsOk, result.Reason);
        using var reparsed = second!;
        SipMessageAssert.Equal(original, reparsed);
    }

    // RFC 4475 §3.1.2.4: the CSeq error alone earns the 400; taken one at a time, an overlarge Max-Forwards is refused
    // (processing it as absent is only an option) and an overlarge Expires saturates at 2^32-1 (RFC 3261 §20.19 range).
    [Fact]
    public void Scalar02_WithOnlyMaxForwardsOverlarge_IsRefusedNamingMaxForwards()
    {
        var text = Encoding.ASCII.GetString(Rfc4475Fixtures.Load("scalar02")).Replace("36893488147419103232", "1", StringComparison.Ordinal);
        var result = SipMessageParser.TryParse(Encoding.ASCII.GetBytes(text), out var message);
        message?.Dispose();
        Assert.Equal(400, result.StatusCode);
        Assert.Contains("Max-Forwards", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Scalar02_WithOnlyExpiresOverlarge_ParsesWithExpiresSaturated()
    {
        var text = Encoding.ASCII.GetString(Rfc4475Fixtures.Load("scalar02"))
            .Replace("36893488147419103232", "1", StringComparison.Ordinal)
            .Replace("Max-Forwards: 300", "Max-Forwards: 70", StringComparison.Ordinal);
        var result = SipMessageParser.TryParse(Encoding.ASCII.GetBytes(text), out var parsed);
        Assert.True(result.IsOk, result.Reason);
        using var message = parsed!;
        Assert.Equal(uint.MaxValue, message.Expires);
        Assert.True(message.TryGetContacts(out var contacts));
        Assert.Equal(int.MaxValue, contacts[0].Expires);
    }

    [Fact]
    public void Dblreq_OnlyTheFirstMessageIsParsed()
    {
        SipMessageParser.TryParse(Rfc4475Fixtures.Load("dblreq"), out var parsed);
        using var message = parsed!;
        Assert.DoesNotContain("INVITE", message.ToString(), StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, Action<SipMessage>> Checks = new()
    {
        ["wsinv"] = m =>
        {
            Assert.Equal("INVITE", m.MethodName);
            Assert.True(m.RequestUri!.HasParameter("unknownparam"));
            Assert.Equal("vivekg", m.To.Uri!.User);
            Assert.Equal("1918181833n", m.To.Tag);
            Assert.Equal("J Rosenberg \\\"", m.From.DisplayName);
            Assert.Equal("sip:jdrosen@example.com", m.From.UriText);
            Assert.Equal("98asjd8", m.From.Tag);
            Assert.Equal(68, m.MaxForwards);
            Assert.Equal("wsinv.ndaksdj@192.0.2.1", m.CallId);
            Assert.Equal(new SipCSeq(9, "INVITE"), m.CSeq);
            Assert.Equal(["UDP", "TCP", "UDP"], m.Vias.Select(v => v.Transport));
            Assert.Equal(["192.0.2.2", "spindle.example.com", "192.168.255.111"], m.Vias.Select(v => v.Host));
            Assert.Equal(["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"], m.Vias.Select(v => v.Branch));
            Assert.All(m.Vias, v => Assert.Equal("SIP/2.0", v.Protocol));
            Assert.Equal("", m.GetHeader("Subject"));
            Assert.Equal("newfangled value continued newfangled value", m.GetHeader("NewFangledHeader"));
            Assert.Equal(";;,,;;,;", m.GetHeader("UnknownHeaderWithUnusualValue"));
            Assert.True(m.TryParseAddressList(SipHeaderId.Route, out var route));
            Assert.True(Assert.Single(route).Uri!.IsLooseRouter);
            Assert.True(m.TryGetContacts(out var contacts));
            var contact = Assert.Single(contacts);
            Assert.Equal("Quoted string \"\"", contact.DisplayName);
            Assert.Equal("newvalue", contact.GetParameter("newparam"));
            Assert.True(contact.HasParameter("secondparam"));
            Assert.Equal(0.33m, contact.Q);
            Assert.Equal("application/sdp", m.ContentType);
            Assert.Equal(150, m.Body.Length);
        },
        ["intmeth"] = m =>
        {
            const string method = "!interesting-Method0123456789_*+`.%indeed'~";
            Assert.Equal(method, m.MethodName);
            Assert.Equal(SipMethod.Unknown, m.Method);
            Assert.Equal(method, m.CSeq.MethodName);
            Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", m.RequestUri!.User);
            Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", m.RequestUri.Password);
            Assert.Equal("example.com", m.RequestUri.Host);
            Assert.Equal("BEL:\a NUL:\0 DEL:\u007f", m.To.DisplayName);
            Assert.Equal("token1~` token2'+_ token3*%!.-", m.From.DisplayName);
            Assert.Equal("работающий", m.From.GetParameter("fromParam''~+*_!.-%"));
            Assert.Equal("_token~1'+`*%!-.", m.From.Tag);
            Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", m.CallId);
            Assert.Equal("z9hG4bK-.!%66*_+`'~", m.TopVia.Branch);
            Assert.Equal(255, m.MaxForwards);
            Assert.Equal("\uFEFF大停電", m.GetHeader("extensionHeader-!.%*+_`'~"));
        },
        ["esc01"] = m =>
        {
            Assert.Equal("sips:user@example.com", m.RequestUri!.User);
            Assert.Equal("example.net", m.RequestUri.Host);
            Assert.Equal(SipUri.Parse("sip:user@example.com"), m.To.Uri);
            Assert.Equal("I have spaces", m.From.Uri!.User);
            Assert.Equal("application/sdp", m.ContentType);
            Assert.True(m.TryGetContacts(out var contacts));
            var uri = Assert.Single(contacts).Uri!;
            Assert.Equal("caller", uri.User);
            Assert.True(uri.IsLooseRouter);
            Assert.Equal("value%41", uri.GetParameter("name"));
            Assert.Equal(150, m.Body.Length);
        },
        ["escnull"] = m =>
        {
            Assert.Equal("null-\0-null", m.To.Uri!.User);
            Assert.Equal("null-\0-null", m.From.Uri!.User);
            Assert.True(m.TryGetContacts(out var contacts));
            Assert.Equal(["\0", "\0\0"], contacts.Select(c => c.Uri!.User));
        },
        ["esc02"] = m =>
        {
            Assert.Equal("RE%47IST%45R", m.MethodName);
            Assert.Equal(SipMethod.Unknown, m.Method);
            Assert.Equal("%Z%45", m.To.DisplayName);
            Assert.Equal("%Z%45", m.From.DisplayName);
            Assert.Equal("z9hG4bK209%fzsnel234", m.TopVia.Branch);
            Assert.True(m.TryGetContacts(out var contacts));
            Assert.Equal(["host1.example.com", "host3.example.com"], contacts.Select(c => c.Uri!.Host));
            Assert.Equal("<sip:alias2@host2.example.com>", m.GetHeader("C%6Fntact"));
        },
        ["lwsdisp"] = m =>
        {
            Assert.Equal("caller", m.From.DisplayName);
            Assert.Equal(SipUri.Parse("sip:caller@example.com"), m.From.Uri);
            Assert.Equal("323", m.From.Tag);
        },
        ["longreq"] = m =>
        {
            Assert.Equal("I have a user name of " + string.Concat(Enumerable.Repeat("extreme", 10)) + " proportion", m.To.DisplayName);
            Assert.Equal(6000, m.To.Uri!.Port);
            Assert.Equal("shortvalue", m.To.Uri.GetParameter("longparam" + string.Concat(Enumerable.Repeat("name", 25))));
            Assert.Equal(string.Concat(Enumerable.Repeat("amazinglylongcallername", 5)), m.From.Uri!.User);
            Assert.Equal("12982982982" + string.Concat(Enumerable.Repeat("982", 47)) + "424", m.From.Tag);
            Assert.Equal(141, m.CallId.Length);
            Assert.Equal(34, m.Vias.Count);
            Assert.Equal("sip33.example.com", m.TopVia.Host);
            Assert.Equal("host.example.com", m.Vias[^1].Host);
            Assert.Equal("192.0.2.5", m.Vias[^1].Received);
            Assert.StartsWith("unknown-longlong", m.GetHeader("Unknown-" + string.Concat(Enumerable.Repeat("Long", 20)) + "-Name"), StringComparison.Ordinal);
            Assert.Equal(150, m.Body.Length);
        },
        ["dblreq"] = m =>
        {
            Assert.Equal(SipMethod.Register, m.Method);
            Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", m.CallId);
            Assert.Equal(0, m.Body.Length);
        },
        ["semiuri"] = m =>
        {
            Assert.Equal("user;par=u@example.net", m.RequestUri!.User);
            Assert.Equal("example.com", m.RequestUri.Host);
            Assert.Empty(m.RequestUri.Parameters);
            Assert.Equal("application/sdp, application/pkcs7-mime, multipart/mixed, multipart/signed, message/sip, message/sipfrag", m.GetHeader(SipHeaderId.Accept));
        },
        ["transports"] = m =>
        {
            Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], m.Vias.Select(v => v.Transport));
            Assert.Equal("transports.kijh4akdnaqjkwendsasfdj", m.CallId);
        },
        ["mpart01"] = m =>
        {
            Assert.Equal("MESSAGE", m.MethodName);
            Assert.True(SipContentType.TryParse(m.ContentType, out var type));
            Assert.True(type.Is("multipart", "mixed"));
            Assert.Equal("7a9cbec02ceef655", type.GetParameter("boundary"));
            Assert.Equal(553, m.Body.Length);
            Assert.StartsWith("--7a9cbec02ceef655\r\n", Encoding.ASCII.GetString(m.Body.Span), StringComparison.Ordinal);
            Assert.EndsWith("--7a9cbec02ceef655--", Encoding.Latin1.GetString(m.Body.Span).TrimEnd(), StringComparison.Ordinal);
        },
        ["unreason"] = m =>
        {
            Assert.False(m.IsRequest);
            Assert.Equal(200, m.StatusCode);
            Assert.Equal("= 2**3 * 5**2 но сто девяносто девять - простое", m.ReasonPhrase);
            Assert.Equal(154, m.Body.Length);
        },
        ["noreason"] = m =>
        {
            Assert.Equal(100, m.StatusCode);
            Assert.Equal("", m.ReasonPhrase);
            Assert.Equal(SipMethod.Invite, m.Method);
        },
        ["badbranch"] = m =>
        {
            Assert.Equal(SipVia.MagicCookie, m.TopVia.Branch);
            Assert.StartsWith("2543|", SipTransactionKey.ForServer(m).Value, StringComparison.Ordinal);
        },
        ["unkscm"] = m =>
        {
            Assert.Null(m.RequestUri);
            Assert.Equal("nobodyKnowsThisScheme:totallyopaquecontent", m.RequestUriText);
        },
        ["novelsc"] = m =>
        {
            Assert.Null(m.RequestUri);
            Assert.Equal("soap.beep://192.0.2.103:3002", m.RequestUriText);
        },
        ["unksm2"] = m =>
        {
            Assert.Null(m.To.Uri);
            Assert.Equal("isbn:2983792873", m.To.UriText);
            Assert.Null(m.From.Uri);
            Assert.Equal("http://www.example.com", m.From.UriText);
            Assert.Equal("3234233", m.From.Tag);
            Assert.True(m.TryGetContacts(out var contacts));
            Assert.Equal("name:John_Smith", Assert.Single(contacts).UriText);
        },
        ["bext01"] = m =>
        {
            Assert.Equal("nothingSupportsThis, nothingSupportsThisEither", m.GetHeader(SipHeaderId.Require));
            Assert.Equal("noProxiesSupportThis, norDoAnyProxiesSupportThis", m.GetHeader(SipHeaderId.ProxyRequire));
        },
        ["invut"] = m =>
        {
            Assert.Equal("application/unknownformat", m.ContentType);
            Assert.Equal(40, m.Body.Length);
        },
        ["regaut01"] = m => Assert.Equal("NoOneKnowsThisScheme opaque-data=here", m.GetHeader(SipHeaderId.Authorization)),
        ["bcast"] = m =>
        {
            Assert.Equal(200, m.StatusCode);
            Assert.Equal("255.255.255.255", m.Vias[1].Host);
        },
        ["zeromf"] = m =>
        {
            Assert.Equal(SipMethod.Options, m.Method);
            Assert.Equal(0, m.MaxForwards);
        },
        ["cparam01"] = m =>
        {
            // RFC 3261 §20.10: without <>, the parameter belongs to the Contact header, not to the URI.
            Assert.True(m.TryGetContacts(out var contacts));
            var contact = Assert.Single(contacts);
            Assert.True(contact.HasParameter("unknownparam"));
            Assert.False(contact.Uri!.HasParameter("unknownparam"));
        },
        ["cparam02"] = m =>
        {
            Assert.True(m.TryGetContacts(out var contacts));
            var contact = Assert.Single(contacts);
            Assert.False(contact.HasParameter("unknownparam"));
            Assert.True(contact.Uri!.HasParameter("unknownparam"));
        },
        ["regescrt"] = m =>
        {
            Assert.True(m.TryGetContacts(out var contacts));
            Assert.Equal("<sip:sip.example.com>", Assert.Single(contacts).Uri!.GetHeader("Route"));
        },
        ["sdp01"] = m =>
        {
            Assert.Equal("text/nobodyKnowsThis", m.GetHeader(SipHeaderId.Accept));
            Assert.Equal("application/sdp", m.ContentType);
        },
        ["inv2543"] = m =>
        {
            Assert.Null(m.MaxForwards);
            Assert.Null(m.TopVia.Branch);
            Assert.Null(m.From.Tag);
            Assert.Equal("phone", m.From.Uri!.UserParam);
            Assert.Equal("phone", m.To.GetParameter("user"));   // addr-spec form: a header parameter
            Assert.True(m.TryParseAddressList(SipHeaderId.RecordRoute, out var recordRoute));
            Assert.Equal("ss1.example.com", Assert.Single(recordRoute).Uri!.Maddr);
            Assert.StartsWith("2543|", SipTransactionKey.ForServer(m).Value, StringComparison.Ordinal);
        },
        ["escruri"] = m => Assert.Equal("<sip:example.com>", m.RequestUri!.GetHeader("Route")),
        ["baddate"] = m => Assert.Equal("Fri, 01 Jan 2010 16:00:00 EST", m.GetHeader("Date")),
        ["regbadct"] = m => Assert.False(m.TryGetContacts(out _)),
        ["badaspec"] = m =>
        {
            Assert.Equal("Watson, Thomas", m.To.DisplayName);
            Assert.Equal(SipUri.Parse("sip:t.watson@example.org"), m.To.Uri);
            Assert.Equal("Bell, Alexander", m.From.DisplayName);
        },
    };
}
