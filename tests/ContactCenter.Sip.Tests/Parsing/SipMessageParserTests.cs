using System.Buffers;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;

using Xunit;

namespace ContactCenter.Sip.Tests.Parsing;

public class SipMessageParserTests
{
    private const string Invite = """
        INVITE sip:bob@example.com SIP/2.0
        Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds
        Max-Forwards: 70
        To: Bob <sip:bob@example.com>
        From: Alice <sip:alice@example.com>;tag=1928301774
        Call-ID: a84b4c76e66710@pc33.example.com
        CSeq: 314159 INVITE
        Contact: <sip:alice@pc33.example.com>
        X-Custom: kept as is ;  odd=spacing
        Content-Type: application/sdp
        Content-Length: 3

        v=0
        """;

    internal static SipMessage Parse(string text, SipParseLimits? limits = null)
    {
        var result = SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n")), limits ?? SipParseLimits.Default, out var message);
        Assert.True(result.IsOk, result.Reason);
        return message!;
    }

    private static SipParseResult Refuse(string text, SipParseLimits? limits = null) =>
        SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n")), limits ?? SipParseLimits.Default, out _);

    [Fact]
    public void Request_StartLineAndHeaders_AreRead()
    {
        using var message = Parse(Invite);
        Assert.True(message.IsRequest);
        Assert.Equal(SipMethod.Invite, message.Method);
        Assert.Equal("sip:bob@example.com", message.RequestUriText);
        Assert.Equal("a84b4c76e66710@pc33.example.com", message.CallId);
        Assert.Equal(314159u, message.CSeq.Number);
        Assert.Equal(70, message.MaxForwards);
        Assert.Equal("1928301774", message.From.Tag);
        Assert.Equal("z9hG4bK776asdhds", message.TopVia.Branch);
        Assert.Equal("v=0", Encoding.UTF8.GetString(message.Body.Span));
    }

    [Fact]
    public void UnknownHeaders_AreKeptVerbatimAndInOrder()
    {
        using var message = Parse(Invite);
        var names = message.Headers.Select(h => h.Name).ToList();
        Assert.Equal(["Via", "Max-Forwards", "To", "From", "Call-ID", "CSeq", "Contact", "X-Custom", "Content-Type", "Content-Length"], names);
        Assert.Equal("kept as is ;  odd=spacing", message.GetHeader("x-custom"));
    }

    [Fact]
    public void CompactForms_AreTheSameHeaders()
    {
        using var message = Parse("""
            OPTIONS sip:bob@example.com SIP/2.0
            v: SIP/2.0/UDP host.example.com;branch=z9hG4bKa
            f: <sip:alice@example.com>;tag=1
            t: <sip:bob@example.com>
            i: compact@host
            CSeq: 1 OPTIONS
            l: 0


            """);
        Assert.Equal("compact@host", message.CallId);
        Assert.Equal("1", message.From.Tag);
        Assert.Equal("compact@host", message.GetHeader("Call-ID"));
        Assert.Equal(SipHeaderId.CallId, message.GetHeaderAt(3).Id);
        Assert.Equal("i", message.GetHeaderAt(3).Name);
    }

    [Fact]
    public void FoldedLines_AreOneValueWithSingleSpaces()
    {
        using var message = Parse("""
            OPTIONS sip:bob@example.com SIP/2.0
            Via: SIP/2.0/UDP host.example.com;branch=z9hG4bKa
            From: <sip:alice@example.com>;tag=1
            To: <sip:bob@example.com>
            Call-ID: fold@host
            CSeq: 1 OPTIONS
            Subject: first
              second
            	third
            Content-Length: 0


            """);
        Assert.Equal("first second third", message.GetHeader(SipHeaderId.Subject));
    }

    [Fact]
    public void SeveralValues_OnOneLineAndAcrossLines_AreAllRead()
    {
        using var message = Parse("""
            OPTIONS sip:bob@example.com SIP/2.0
            Via: SIP/2.0/UDP a.example.com;branch=z9hG4bKa, SIP/2.0/TCP b.example.com:5070;branch=z9hG4bKb
            Via: SIP/2.0/UDP c.example.com;branch=z9hG4bKc
            From: <sip:alice@example.com>;tag=1
            To: <sip:bob@example.com>
            Call-ID: many@host
            CSeq: 1 OPTIONS
            Contact: <sip:a@a.example.com>, <sip:b@b.example.com>;expires=60
            Contact: sip:c@c.example.com
            Content-Length: 0


            """);
        Assert.Equal(["a.example.com", "b.example.com", "c.example.com"], message.Vias.Select(v => v.Host));
        Assert.True(message.TryGetContacts(out var contacts));
        Assert.Equal(3, contacts.Count);
        Assert.Equal(60, contacts[1].Expires);
    }

    [Fact]
    public void HeaderNames_AreCaseInsensitive()
    {
        using var message = Parse(Invite.Replace("Call-ID:", "cAlL-iD:", StringComparison.Ordinal));
        Assert.Equal("a84b4c76e66710@pc33.example.com", message.CallId);
    }

    [Fact]
    public void Response_StatusLineIsRead()
    {
        using var message = Parse("""
            SIP/2.0 180 Ringing
            Via: SIP/2.0/UDP host.example.com;branch=z9hG4bKa
            From: <sip:alice@example.com>;tag=1
            To: <sip:bob@example.com>;tag=2
            Call-ID: r@host
            CSeq: 7 INVITE
            Content-Length: 0


            """);
        Assert.False(message.IsRequest);
        Assert.Equal(180, message.StatusCode);
        Assert.Equal("Ringing", message.ReasonPhrase);
        Assert.Equal(SipMethod.Invite, message.Method);
    }

    [Fact]
    public void ParseWriteParse_GivesAnEqualMessage()
    {
        using var first = Parse(Invite);
        var writer = new ArrayBufferWriter<byte>();
        first.WriteTo(writer);
        var result = SipMessageParser.TryParse(writer.WrittenSpan, out var second);
        Assert.True(result.IsOk);
        SipMessageAssert.Equal(first, second!);
    }

    [Theory]
    [InlineData("Via: SIP/2.0/UDP h;branch=z9hG4bKa\n", "Missing Via header")]
    [InlineData("CSeq: 1 OPTIONS\n", "Missing CSeq header")]
    [InlineData("Call-ID: c@h\n", "Missing Call-ID header")]
    [InlineData("From: <sip:a@h>;tag=1\n", "Missing From header")]
    public void MissingMandatoryHeader_IsRefusedWith400NamingIt(string line, string reason)
    {
        var text = BasicOptions.Replace(line.ReplaceLineEndings("\r\n"), "", StringComparison.Ordinal);
        var result = Refuse(text);
        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal(reason, result.Reason);
    }

    [Theory]
    [InlineData("CSeq: 1 OPTIONS", "CSeq: x OPTIONS", "Malformed CSeq header")]
    [InlineData("CSeq: 1 OPTIONS", "CSeq: 1 INVITE", "CSeq method does not match the request method")]
    [InlineData("Via: SIP/2.0/UDP h;branch=z9hG4bKa", "Via: bogus", "Malformed Via header")]
    [InlineData("Content-Length: 0", "Content-Length: -1", "Malformed Content-Length")]
    [InlineData("Content-Length: 0", "Content-Length: 50", "Content-Length larger than body")]
    [InlineData("Call-ID: c@h", "Call-ID: has space", "Malformed Call-ID header")]
    [InlineData("Max-Forwards: 70", "Max-Forwards: 300", "Malformed Max-Forwards header")]
    [InlineData("OPTIONS sip:b@h SIP/2.0", "OPTIONS  sip:b@h SIP/2.0", "Malformed Request-Line")]
    [InlineData("OPTIONS sip:b@h SIP/2.0", "OPTIONS <sip:b@h> SIP/2.0", "Malformed Request-URI")]
    public void MalformedMandatoryHeader_IsRefusedWith400NamingIt(string good, string bad, string reason)
    {
        var result = Refuse(BasicOptions.Replace(good, bad, StringComparison.Ordinal));
        Assert.Equal(400, result.StatusCode);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void OtherSipVersion_Gets505()
    {
        var result = Refuse(BasicOptions.Replace("SIP/2.0\r\nVia", "SIP/7.0\r\nVia", StringComparison.Ordinal));
        Assert.Equal(505, result.StatusCode);
    }

    [Fact]
    public void BytesPastContentLength_InADatagram_AreDiscarded()
    {
        using var message = Parse(BasicOptions.Replace("Content-Length: 0", "Content-Length: 2", StringComparison.Ordinal) + "abEXTRA");
        Assert.Equal("ab", Encoding.UTF8.GetString(message.Body.Span));
    }

    [Fact]
    public void Limits_AreEnforcedBeforeCopying()
    {
        Assert.Equal(SipParseStatus.TooLarge, Refuse(BasicOptions, SipParseLimits.Default with { MaxMessageSize = 100 }).Status);
        Assert.Equal(SipParseStatus.TooLarge, Refuse(BasicOptions, SipParseLimits.Default with { MaxHeaders = 3 }).Status);
        Assert.Equal(SipParseStatus.TooLarge, Refuse(BasicOptions, SipParseLimits.Default with { MaxLineLength = 20 }).Status);
        var manyVias = BasicOptions.Replace("Via: SIP/2.0/UDP h;branch=z9hG4bKa", string.Join("\r\n", Enumerable.Repeat("Via: SIP/2.0/UDP h;branch=z9hG4bKa", 65)), StringComparison.Ordinal);
        Assert.Equal(SipParseStatus.TooLarge, Refuse(manyVias).Status);
    }

    [Fact]
    public void MoreThan256Headers_IsRefused()
    {
        var many = BasicOptions.Replace("Content-Length: 0", string.Concat(Enumerable.Repeat("X-Filler: x\r\n", 260)) + "Content-Length: 0", StringComparison.Ordinal);
        Assert.Equal(SipParseStatus.TooLarge, Refuse(many).Status);
    }

    [Fact]
    public void Garbage_IsUnreadable()
    {
        Assert.Equal(SipParseStatus.Unreadable, SipMessageParser.TryParse([0x16, 0x03, 0x01, 0x00, 0xff], out _).Status);
        Assert.Equal(SipParseStatus.Unreadable, Refuse("hello world\r\n\r\n").Status);
        Assert.Equal(SipParseStatus.Unreadable, Refuse("\r\n\r\n").Status);
    }

    [Fact]
    public void DisposedMessage_RefusesNewReads_ButKeepsWhatWasRead()
    {
        var message = Parse(Invite);
        var callId = message.CallId;
        message.Dispose();
        Assert.Equal("a84b4c76e66710@pc33.example.com", callId);
        Assert.Throws<ObjectDisposedException>(() => message.Body);
    }

    [Fact]
    public void StrayCrAtTheEndOfAFoldedValue_LeavesNoTrailingSpace_SoTheMessageRoundTrips()
    {
        // Found by the mutation property test: a folded Via whose last line ends in a lone CR.
        var text = BasicOptions.Replace("Via: SIP/2.0/UDP h;branch=z9hG4bKa\r\n", "Via: SIP/2.0/UDP\r\n h;branch=z9hG4bKa\r\r\n", StringComparison.Ordinal);
        var result = SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text), out var first);
        Assert.True(result.IsOk, result.Reason);
        Assert.Equal("SIP/2.0/UDP h;branch=z9hG4bKa", first!.GetHeader(SipHeaderId.Via));
        Assert.True(SipMessageParser.TryParse(first.ToArray(), out var second).IsOk);
        SipMessageAssert.Equal(first, second!);
    }

    internal const string BasicOptions =
        "OPTIONS sip:b@h SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKa\r\nMax-Forwards: 70\r\nFrom: <sip:a@h>;tag=1\r\nTo: <sip:b@h>\r\nCall-ID: c@h\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    // RFC 4475 §3.1.1.3 (esc01): "Contact:" CRLF SP "<sip:...>" - the value starts on the continuation line.
    [Fact]
    public void FoldedValue_StartingOnAContinuationLine_HasNoLeadingSpace()
    {
        using var message = Parse(Invite.Replace("Contact: <sip:alice@pc33.example.com>", "Contact:\n   <sip:alice@pc33.example.com>", StringComparison.Ordinal));
        Assert.Equal("<sip:alice@pc33.example.com>", message.GetHeader(SipHeaderId.Contact));
    }

    // RFC 4475 §3.1.1.1 (wsinv): Max-Forwards is 1*DIGIT; "0068" is 68.
    [Fact]
    public void MaxForwards_WithLeadingZeros_IsRead()
    {
        using var message = Parse(Invite.Replace("Max-Forwards: 70", "Max-Forwards: 0068", StringComparison.Ordinal));
        Assert.Equal(68, message.MaxForwards);
    }

    [Fact]
    public void MaxForwards_Above255_IsRefused()
    {
        var result = Refuse(Invite.Replace("Max-Forwards: 70", "Max-Forwards: 00256", StringComparison.Ordinal));
        Assert.Equal(400, result.StatusCode);
        Assert.Contains("Max-Forwards", result.Reason, StringComparison.Ordinal);
    }

    // RFC 4475 §3.1.2.15 (baddn): the reason says which header is broken.
    [Fact]
    public void MalformedTo_IsRefused_NamingTo()
    {
        var result = Refuse(Invite.Replace("To: Bob <sip:bob@example.com>", "To: Bob, Jr <sip:bob@example.com>", StringComparison.Ordinal));
        Assert.Equal("Malformed To header", result.Reason);
    }
    // Found by the round-trip property: "l:" CRLF SP "3" is a Content-Length of 3, and not folded.
    [Fact]
    public void NumericValue_StartingOnAContinuationLine_IsRead()
    {
        using var message = Parse(Invite.Replace("Content-Length: 3", "Content-Length:\n 3", StringComparison.Ordinal)
            .Replace("Max-Forwards: 70", "Max-Forwards:\n\t70", StringComparison.Ordinal));
        Assert.Equal(3, message.Body.Length);
        Assert.Equal(70, message.MaxForwards);
        Assert.Equal("3", message.GetHeader(SipHeaderId.ContentLength));
    }
}
