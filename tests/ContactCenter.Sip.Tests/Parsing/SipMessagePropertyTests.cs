using System.Runtime.ExceptionServices;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Tests.Fakes;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using FsCheck;
using FsCheck.Fluent;

using Xunit;

namespace ContactCenter.Sip.Tests.Parsing;

/// <summary>
/// Properties of the message parser: random valid messages round-trip through parse → WriteTo → parse, and random
/// mutations of real messages never throw nor hang. Each case is built from an FsCheck-chosen seed, so a failure
/// reports the seed that reproduces it.
/// </summary>
public class SipMessagePropertyTests
{
    private const int RoundTripCases = 3000;
    private const int MutationCases = 5000;

    private static readonly Gen<int> Seeds = Gen.Choose(0, int.MaxValue);

    /// <summary>A desk-phone INVITE with SDP, as a typical seed for mutations.</summary>
    internal const string TypicalInvite =
        "INVITE sip:2001@192.168.1.10 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.168.1.57:5060;rport;branch=z9hG4bK1786243150\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: \"Reception Desk\" <sip:1001@192.168.1.10>;tag=1419264913\r\n" +
        "To: \"Sales\" <sip:2001@192.168.1.10>\r\n" +
        "Call-ID: 1520583762@192.168.1.57\r\n" +
        "CSeq: 2 INVITE\r\n" +
        "Contact: <sip:1001@192.168.1.57:5060>;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-805ec0a1b2c3>\"\r\n" +
        "Allow: INVITE, ACK, OPTIONS, CANCEL, BYE, REFER, NOTIFY, INFO, UPDATE\r\n" +
        "Supported: replaces, timer\r\n" +
        "User-Agent: DeskPhone T46U 108.86.0.20\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 223\r\n" +
        "\r\n" +
        "v=0\r\n" +
        "o=- 20013 20013 IN IP4 192.168.1.57\r\n" +
        "s=SDP data\r\n" +
        "c=IN IP4 192.168.1.57\r\n" +
        "t=0 0\r\n" +
        "m=audio 11796 RTP/AVP 0 8 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=sendrecv\r\n";

    [Fact]
    public void TypicalInvite_IsValid()
    {
        var result = SipMessageParser.TryParse(Encoding.ASCII.GetBytes(TypicalInvite), out var message);
        using (message)
        {
            Assert.True(result.IsOk, result.Reason);
            Assert.Equal(223, message!.Body.Length);
        }
    }

    [Fact]
    public void RandomValidMessages_RoundTripThroughWriteTo() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(RoundTripCases), Prop.ForAll(Arb.From(Seeds), seed =>
        {
            var bytes = ValidMessage(new Random(seed));
            var first = SipMessageParser.TryParse(bytes, out var parsed);
            Assert.True(first.IsOk, $"seed {seed}: {first.Reason}\n{Encoding.UTF8.GetString(bytes)}");
            using var original = parsed!;
            var written = new System.Buffers.ArrayBufferWriter<byte>();
            original.WriteTo(written);
            var second = SipMessageParser.TryParse(written.WrittenSpan, out var reparsed);
            Assert.True(second.IsOk, $"seed {seed}: {second.Reason}\n{Encoding.UTF8.GetString(written.WrittenSpan)}");
            using var again = reparsed!;
            SipMessageAssert.Equal(original, again);
            return true;
        }));

    [Fact]
    public void MutatedRealMessages_NeverThrowNorHang()
    {
        var seeds = Rfc4475Fixtures.Names.Select(Rfc4475Fixtures.Load).Append(Encoding.ASCII.GetBytes(TypicalInvite)).ToArray();
        var outcomes = new int[4];
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(MutationCases), Prop.ForAll(Arb.From(Seeds), seed =>
        {
            var random = new Random(seed);
            var bytes = Mutate(seeds[random.Next(seeds.Length)], random);
            RunBounded(() => outcomes[(int)ParseAndReadEverything(bytes)]++);
            return true;
        }));
        // The mutations reach both sides: some survive as valid messages, some are refused.
        Assert.True(outcomes[(int)SipParseStatus.Ok] > 0);
        Assert.True(outcomes[(int)SipParseStatus.Invalid] > 0);
    }

    [Fact]
    public async Task MutatedRealMessages_FedToTheStack_NeverStopIt()
    {
        var seeds = Rfc4475Fixtures.Names.Select(Rfc4475Fixtures.Load).Append(Encoding.ASCII.GetBytes(TypicalInvite)).ToArray();
        await using var h = new StackHarness(o => o.Allow.Add("REGISTER"));
        h.Network.AcceptEchoedMalformedResponses = true;
        var peer = new SipPeer(SipTransportProtocol.Udp, FakeSipNetwork.PeerEndPoint, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 5060), 0);
        var random = new Random(4475);
        for (var i = 0; i < MutationCases / 10; i++)
        {
            h.Stack.Receive(Mutate(seeds[random.Next(seeds.Length)], random), peer);
        }
        await h.DrainAsync();
        while (h.Stack.Requests.TryRead(out _))
        {
        }
        FakeSipNetwork.Deliver(h.Stack, SipTestMessages.Request("OPTIONS", branch: "z9hG4bKafter-mutations", callId: "after-mutations"));
        var answers = await h.DrainAsync();
        Assert.Contains(answers, s => s.Message.StatusCode == 200 && s.Message.CallId == "after-mutations");
        Assert.Equal(0, h.Stack.LoopFaults);
    }

    private static SipParseStatus ParseAndReadEverything(byte[] bytes)
    {
        var result = SipMessageParser.TryParse(bytes, out var message);
        Assert.Equal(result.Status is SipParseStatus.Ok or SipParseStatus.Invalid, message is not null);
        using (message)
        {
            if (result.IsOk)
            {
                ReadEverything(message!);
            }
            else if (message is { IsRequest: true } && message.HasHeader(SipHeaderId.Via))
            {
                // What SipStack.Receive does with a refused request: a stateless answer copying what is there.
                _ = message.TryParseVias(out _);
                _ = message.CreateResponse(result.StatusCode, result.Reason).ToArray();
            }
        }
        return result.Status;
    }

    // Every header value and typed view of a message that parsed Ok: none of them may throw.
    private static void ReadEverything(SipMessage m)
    {
        _ = (m.IsRequest, m.Method, m.MethodName, m.RequestUriText, m.RequestUri?.ToString(), m.StatusCode, m.ReasonPhrase);
        foreach (var header in m.Headers)
        {
            _ = (header.Name, header.Value);
        }
        foreach (var via in m.Vias)
        {
            _ = (via.ToString(), via.Branch, via.SentBy, via.RPort, via.Received);
        }
        _ = (m.From.ToString(), m.From.Tag, m.To.ToString(), m.To.Tag, m.CallId, m.CSeq.ToString(), m.CSeq.Method);
        _ = (m.MaxForwards, m.Expires, m.ContentType, m.IsContactWildcard, m.Body.Length);
        if (m.TryGetContacts(out var contacts))
        {
            foreach (var contact in contacts)
            {
                _ = (contact.ToString(), contact.Expires, contact.Q, contact.InstanceId);
            }
        }
        _ = m.TryParseAddressList(SipHeaderId.Route, out _);
        _ = m.TryParseAddressList(SipHeaderId.RecordRoute, out _);
        if (m.IsRequest)
        {
            _ = SipTransactionKey.ForServer(m);
            _ = m.CreateResponse(400, "Bad Request", "tag1").ToArray();
        }
        var written = m.ToArray();
        var again = SipMessageParser.TryParse(written, out var reparsed);
        using (reparsed)
        {
            Assert.True(again.IsOk, again.Reason);
            SipMessageAssert.Equal(m, reparsed!);
        }
    }

    // Bounded without timing assertions: a parse that never returns fails the test instead of hanging it.
    private static void RunBounded(Action action)
    {
        ExceptionDispatchInfo? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }
        }, 1024 * 1024) { IsBackground = true };
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "the parser did not return");
        error?.Throw();
    }

    // ---- Mutations -------------------------------------------------------------------------------------------

    private static readonly byte[] Interesting = "\r\n\0 \t:;,<>\"\\%@=/"u8.ToArray().Concat(new byte[] { 0xFF, 0xC3, 0x80 }).ToArray();

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var count = random.Next(1, 5);
        for (var i = 0; i < count && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: // flip a bit
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // insert an interesting byte
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 2: // insert a random byte
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 3: // delete a range
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 16), bytes.Count - at));
                    break;
                case 4: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 5: // duplicate a range (a header line, part of one, several)
                    var length = Math.Min(random.Next(1, 120), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default: // overwrite with CR, LF, NUL or 0xFF
                    bytes[at] = random.Next(4) switch { 0 => (byte)'\r', 1 => (byte)'\n', 2 => 0, _ => 0xFF };
                    break;
            }
        }
        return [.. bytes];
    }

    // ---- Valid messages --------------------------------------------------------------------------------------

    private static readonly string[] Methods =
        ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "SUBSCRIBE", "NOTIFY", "MESSAGE", "INFO", "UPDATE", "REFER", "PRACK", "PUBLISH"];

    private const string TokenChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~";
    private const string UserChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!*_+'~";
    private const string WordChars = TokenChars + "()<>:\\\"/[]?{}";
    private const string TextChars = "abcXYZ019 !#$%&'()*+,-./:;<=>?@[]^_`{|}~\téà中文ß";

    private static byte[] ValidMessage(Random r)
    {
        var isRequest = r.Next(3) > 0;
        var method = r.Next(6) == 0 ? Token(r, 1, 12) : Pick(r, Methods);
        var lines = new List<(bool IsVia, string Line)>();

        var viaValues = Enumerable.Range(0, r.Next(1, 5)).Select(_ => Via(r)).ToList();
        for (var i = 0; i < viaValues.Count;)
        {
            var take = r.Next(1, viaValues.Count - i + 1);
            lines.Add((true, Header(r, "Via", "v", string.Join(Pick(r, [",", ", ", " ,\r\n "]), viaValues.GetRange(i, take)))));
            i += take;
        }
        lines.Add((false, Header(r, "From", "f", NameAddress(r) + Lws(r) + ";" + Lws(r) + "tag=" + Token(r, 1, 12))));
        lines.Add((false, Header(r, "To", "t", NameAddress(r) + (r.Next(2) == 0 ? ";tag=" + Token(r, 1, 10) : ""))));
        lines.Add((false, Header(r, "Call-ID", "i", Word(r) + (r.Next(2) == 0 ? "@" + Host(r) : ""))));
        lines.Add((false, Header(r, "CSeq", null, r.Next() + Fold(r, " ") + (isRequest ? method : Pick(r, Methods)))));
        if (isRequest && r.Next(10) > 0)
        {
            lines.Add((false, Header(r, "Max-Forwards", null, (r.Next(3) == 0 ? "0" : "") + r.Next(256))));
        }
        if (r.Next(2) == 0)
        {
            var contacts = Enumerable.Range(0, r.Next(1, 3)).Select(_ => NameAddress(r, bracketed: true) + (r.Next(2) == 0 ? ";expires=" + r.Next(7200) : ""));
            lines.Add((false, Header(r, "Contact", "m", string.Join(", ", contacts))));
        }
        if (r.Next(3) == 0)
        {
            lines.Add((false, Header(r, "Expires", null, ((uint)r.NextInt64(0, uint.MaxValue)).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        if (r.Next(3) == 0)
        {
            lines.Add((false, Header(r, "Subject", "s", r.Next(3) == 0 ? "" : Text(r, 0, 30))));
        }
        if (r.Next(3) == 0)
        {
            lines.Add((false, Header(r, "Supported", "k", string.Join("," + Lws(r), Enumerable.Range(0, r.Next(1, 4)).Select(_ => Token(r, 1, 8))))));
        }
        for (var i = r.Next(4); i > 0; i--)
        {
            lines.Add((false, Header(r, "X-" + Token(r, 1, 10), null, Fold(r, Text(r, 0, 60)))));
        }
        var body = new byte[r.Next(4) == 0 ? 0 : r.Next(300)];
        r.NextBytes(body);
        if (body.Length > 0)
        {
            lines.Add((false, Header(r, "Content-Type", "c", Pick(r, ["application/sdp", "text/plain;charset=UTF-8", "application/octet-stream"]))));
        }
        if (body.Length > 0 || r.Next(4) > 0)
        {
            lines.Add((false, Header(r, "Content-Length", "l", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        // Any order, Via fields keeping theirs.
        var shuffled = lines.OrderBy(_ => r.Next()).ToList();
        var vias = new Queue<string>(lines.Where(l => l.IsVia).Select(l => l.Line));
        var headers = shuffled.Select(l => l.IsVia ? vias.Dequeue() : l.Line);

        var start = isRequest
            ? $"{method} {RequestUri(r)} SIP/2.0"
            : $"SIP/2.0 {r.Next(100, 700)} {(r.Next(5) == 0 ? "" : Text(r, 1, 30).Trim())}";
        var text = new StringBuilder();
        if (r.Next(10) == 0)
        {
            text.Append("\r\n");
        }
        text.Append(start).Append("\r\n");
        foreach (var header in headers)
        {
            text.Append(header).Append("\r\n");
        }
        text.Append("\r\n");
        return [.. Encoding.UTF8.GetBytes(text.ToString()), .. body];
    }

    private static string Header(Random r, string name, string? compact, string value)
    {
        var written = compact is not null && r.Next(3) == 0 ? compact : RandomCase(r, name);
        return written + Pick(r, ["", "", " ", "\t"]) + ":" + Pick(r, ["", " ", " ", "   ", "\t", "\r\n "]) + value;
    }

    private static string Via(Random r)
    {
        var via = $"SIP/2.0/{Pick(r, ["UDP", "TCP", "TLS", "SCTP", "WS"])}{Fold(r, " ")}{Host(r)}{(r.Next(2) == 0 ? ":" + r.Next(1, 65536) : "")}";
        via += Lws(r) + ";" + Lws(r) + "branch=z9hG4bK" + Token(r, 1, 16);
        if (r.Next(2) == 0)
        {
            via += ";rport" + (r.Next(2) == 0 ? "=" + r.Next(1, 65536) : "");
        }
        if (r.Next(3) == 0)
        {
            via += ";received=" + $"192.0.2.{r.Next(256)}";
        }
        return via;
    }

    private static string NameAddress(Random r, bool bracketed = false)
    {
        var uri = $"sip:{Chars(r, UserChars, 1, 8)}@{Host(r)}";
        switch (r.Next(bracketed ? 3 : 4))
        {
            case 0:
                return $"<{uri}>";
            case 1:
                return $"{Quoted(r)}{Lws(r)}<{uri}>";
            case 2:
                return $"{Token(r, 1, 8)} {Token(r, 1, 8)} <{uri}>";
            default:
                return uri;
        }
    }

    private static string RequestUri(Random r) => r.Next(8) switch
    {
        0 => $"tel:+{r.NextInt64(10_000_000, 99_999_999_999)}",
        1 => $"urn:service:{Token(r, 1, 8)}",
        2 => $"sips:{Host(r)}",
        _ => $"sip:{Chars(r, UserChars, 1, 8)}{(r.Next(4) == 0 ? "%41" : "")}@{Host(r)}{(r.Next(2) == 0 ? ":" + r.Next(1, 65536) : "")}{(r.Next(3) == 0 ? ";transport=tcp" : "")}{(r.Next(4) == 0 ? ";lr" : "")}",
    };

    private static string Host(Random r) => r.Next(3) switch
    {
        0 => $"192.0.2.{r.Next(256)}",
        1 => $"[2001:db8::{r.Next(1, 0xffff):x}]",
        _ => $"{Pick(r, ["pbx", "atlanta", "biloxi", "desk-1"])}.example.{Pick(r, ["com", "fr", "net"])}",
    };

    private static string Quoted(Random r)
    {
        var text = new StringBuilder("\"");
        for (var i = r.Next(12); i > 0; i--)
        {
            text.Append(r.Next(8) switch { 0 => "\\\"", 1 => "\\\\", 2 => " ", _ => Pick(r, ["a", "Z", "é", "中", ",", ";", "<", ">", ":"]) });
        }
        return text.Append('"').ToString();
    }

    private static string Token(Random r, int min, int max) => Chars(r, TokenChars, min, max);

    private static string Word(Random r) => Chars(r, WordChars, 1, 20);

    private static string Text(Random r, int min, int max) => Chars(r, TextChars, min, max);

    private static string Chars(Random r, string pool, int min, int max)
    {
        var length = r.Next(min, max + 1);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = pool[r.Next(pool.Length)];
        }
        return new string(chars);
    }

    private static string Lws(Random r) => Pick(r, ["", "", "", " ", "\t", "\r\n "]);

    // Replace some single spaces by a line fold (RFC 3261 §7.3.1: CRLF followed by SP or HT).
    private static string Fold(Random r, string value)
    {
        if (r.Next(3) > 0)
        {
            return value;
        }
        var text = new StringBuilder();
        foreach (var c in value)
        {
            text.Append(c == ' ' && r.Next(2) == 0 ? Pick(r, ["\r\n ", "\r\n\t", " \r\n  "]) : c.ToString());
        }
        return text.ToString();
    }

    private static string RandomCase(Random r, string name) => r.Next(3) > 0
        ? name
        : string.Concat(name.Select(c => r.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));

    private static string Pick(Random r, string[] values) => values[r.Next(values.Length)];
}
