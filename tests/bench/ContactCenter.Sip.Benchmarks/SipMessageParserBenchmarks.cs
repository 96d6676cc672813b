using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Benchmarks;

/// <summary>
/// The hot path of every received message: parsing a desk-phone INVITE with SDP (about 900 bytes), returning its
/// pooled buffers, writing it back, and building an equivalent INVITE. Aim: parse under 2 µs and 2 KB.
/// </summary>
[MemoryDiagnoser]
public class SipMessageParserBenchmarks
{
    private const string Sdp =
        "v=0\r\n" +
        "o=- 38291 38291 IN IP4 192.168.1.57\r\n" +
        "s=SDP data\r\n" +
        "c=IN IP4 192.168.1.57\r\n" +
        "t=0 0\r\n" +
        "m=audio 11796 RTP/AVP 9 0 8 18 101\r\n" +
        "a=rtpmap:9 G722/8000\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:18 G729/8000\r\n" +
        "a=fmtp:18 annexb=no\r\n" +
        "a=ptime:20\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=rtcp:11797 IN IP4 192.168.1.57\r\n" +
        "a=sendrecv\r\n";

    private static readonly string Invite =
        "INVITE sip:2001@192.168.1.10:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.168.1.57:5060;rport;branch=z9hG4bK1786243150\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: \"Reception Desk\" <sip:1001@192.168.1.10:5060>;tag=1419264913\r\n" +
        "To: \"Sales\" <sip:2001@192.168.1.10:5060>\r\n" +
        "Call-ID: 1520583762-5060-7@BJC.BGI.B.BFE\r\n" +
        "CSeq: 2 INVITE\r\n" +
        "Contact: <sip:1001@192.168.1.57:5060>;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-805ec0a1b2c3>\"\r\n" +
        "Allow: INVITE, INFO, PRACK, ACK, BYE, CANCEL, OPTIONS, NOTIFY, REGISTER, SUBSCRIBE, REFER, PUBLISH, UPDATE, MESSAGE\r\n" +
        "Supported: replaces, timer, 100rel\r\n" +
        "User-Agent: DeskPhone T46U 108.86.0.20\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: " + Encoding.ASCII.GetByteCount(Sdp) + "\r\n" +
        "\r\n" +
        Sdp;

    private readonly byte[] _invite = Encoding.ASCII.GetBytes(Invite);
    private readonly byte[] _sdp = Encoding.ASCII.GetBytes(Sdp);
    private readonly ArrayBufferWriter<byte> _writer = new(2048);
    private SipMessage _parsed = null!;

    /// <summary>The size of the INVITE, for the report.</summary>
    public int InviteBytes => _invite.Length;

    [GlobalSetup]
    public void Setup()
    {
        var result = SipMessageParser.TryParse(_invite, out var message);
        if (!result.IsOk)
        {
            throw new InvalidOperationException(result.Reason);
        }
        _parsed = message!;
    }

    [GlobalCleanup]
    public void Cleanup() => _parsed.Dispose();

    /// <summary>TryParse alone, validation of the mandatory headers included; the message is not disposed.</summary>
    [Benchmark(Baseline = true)]
    public SipMessage? Parse()
    {
        SipMessageParser.TryParse(_invite, out var message);
        return message;
    }

    /// <summary>TryParse, then Dispose: the pooled buffers go back to the pool.</summary>
    [Benchmark]
    public SipParseStatus ParseAndDispose()
    {
        var result = SipMessageParser.TryParse(_invite, out var message);
        message?.Dispose();
        return result.Status;
    }

    /// <summary>Writes the parsed INVITE into a reused buffer writer.</summary>
    [Benchmark]
    public int Serialize()
    {
        _writer.ResetWrittenCount();
        _parsed.WriteTo(_writer);
        return _writer.WrittenCount;
    }

    /// <summary>Builds an equivalent INVITE with SipMessageBuilder and writes it into a reused buffer writer.</summary>
    [Benchmark]
    public int Build()
    {
        _writer.ResetWrittenCount();
        SipMessageBuilder.Request(SipMethod.Invite, "sip:2001@192.168.1.10:5060")
            .Add(SipHeaderId.Via, "SIP/2.0/UDP 192.168.1.57:5060;rport;branch=z9hG4bK1786243150")
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, "\"Reception Desk\" <sip:1001@192.168.1.10:5060>;tag=1419264913")
            .Add(SipHeaderId.To, "\"Sales\" <sip:2001@192.168.1.10:5060>")
            .Add(SipHeaderId.CallId, "1520583762-5060-7@BJC.BGI.B.BFE")
            .Add(SipHeaderId.CSeq, "2 INVITE")
            .Add(SipHeaderId.Contact, "<sip:1001@192.168.1.57:5060>;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-805ec0a1b2c3>\"")
            .Add(SipHeaderId.Allow, "INVITE, INFO, PRACK, ACK, BYE, CANCEL, OPTIONS, NOTIFY, REGISTER, SUBSCRIBE, REFER, PUBLISH, UPDATE, MESSAGE")
            .Add(SipHeaderId.Supported, "replaces, timer, 100rel")
            .Add(SipHeaderId.UserAgent, "DeskPhone T46U 108.86.0.20")
            .WithBody(_sdp, "application/sdp")
            .WriteTo(_writer);
        return _writer.WrittenCount;
    }
}
