using System.Buffers;
using System.Text;
using ContactCenter.Sip.Transport;
using Xunit;

namespace ContactCenter.Sip.Tests.Transport;

public class SipStreamFramerTests
{
    private const int Max = 65536;

    private const string Options =
        "OPTIONS sip:pbx.local SIP/2.0\r\n" +
        "Via: SIP/2.0/TCP 10.0.0.2:5060;branch=z9hG4bK776asdhds\r\n" +
        "Call-ID: a84b4c76e66710\r\n" +
        "CSeq: 63104 OPTIONS\r\n" +
        "Content-Length: 5\r\n" +
        "\r\n" +
        "hello";

    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);

    private static string Text(ReadOnlySequence<byte> sequence) => Encoding.ASCII.GetString(sequence.ToArray());

    private static SipFrameStatus Frame(ref ReadOnlySequence<byte> buffer, out string message, int max = Max)
    {
        var status = SipStreamFramer.TryReadFrame(ref buffer, max, out var framed);
        message = status == SipFrameStatus.Message ? Text(framed) : "";
        return status;
    }

    [Fact]
    public void CompleteMessage_IsFramed_WithItsBody()
    {
        var buffer = new ReadOnlySequence<byte>(Bytes(Options));
        Assert.Equal(SipFrameStatus.Message, Frame(ref buffer, out string message));
        Assert.Equal(Options, message);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void Message_SplitAtEveryBytePosition_IsFramedOnlyWhenComplete()
    {
        byte[] data = Bytes(Options);
        for (int cut = 0; cut <= data.Length; cut++)
        {
            // A read that stopped at `cut`: nothing is consumed until the whole message is there.
            var partial = new ReadOnlySequence<byte>(data, 0, cut);
            var before = partial;
            var status = Frame(ref partial, out _);
            if (cut < data.Length)
            {
                Assert.Equal(SipFrameStatus.NeedMoreData, status);
                Assert.Equal(before.Length, partial.Length);
            }

            // The same bytes in two segments split at `cut`.
            var split = SequenceBuilder.Split(data, cut);
            Assert.Equal(SipFrameStatus.Message, Frame(ref split, out string message));
            Assert.Equal(Options, message);
            Assert.True(split.IsEmpty);
        }
    }

    [Fact]
    public void Message_InOneByteSegments_IsFramed()
    {
        var buffer = SequenceBuilder.Bytewise(Bytes(Options));
        Assert.Equal(SipFrameStatus.Message, Frame(ref buffer, out string message));
        Assert.Equal(Options, message);
    }

    [Fact]
    public void SeveralMessagesInOneRead_AreFramedOneByOne()
    {
        string second = Options.Replace("63104", "63105");
        var buffer = new ReadOnlySequence<byte>(Bytes(Options + second + "INVITE"));
        Assert.Equal(SipFrameStatus.Message, Frame(ref buffer, out string first));
        Assert.Equal(Options, first);
        Assert.Equal(SipFrameStatus.Message, Frame(ref buffer, out string next));
        Assert.Equal(second, next);
        Assert.Equal(SipFrameStatus.NeedMoreData, Frame(ref buffer, out _));
        Assert.Equal("INVITE", Text(buffer));
    }

    [Fact]
    public void CrlfBeforeAMessage_IsSkipped()
    {
        var buffer = new ReadOnlySequence<byte>(Bytes("\r\n" + Options));
        Assert.Equal(SipFrameStatus.Message, Frame(ref buffer, out string message));
        Assert.Equal(Options, message);
    }

    [Fact]
    public void DoubleCrlf_IsAKeepAlivePing()
    {
        var buffer = new ReadOnlySequence<byte>(Bytes("\r\n\r\n\r\n\r\n" + Options));
        Assert.Equal(SipFrameStatus.KeepAlivePing, Frame(ref buffer, out _));
        Assert.Equal(SipFrameStatus.KeepAlivePing, Frame(ref buffer, out _));
        Assert.Equal(SipFrameStatus.Message, Frame(ref buffer, out string message));
        Assert.Equal(Options, message);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\r\n\r")]
    public void PartialPing_WaitsWithoutConsuming(string text)
    {
        var buffer = new ReadOnlySequence<byte>(Bytes(text));
        Assert.Equal(SipFrameStatus.NeedMoreData, Frame(ref buffer, out _));
        Assert.Equal(text.Length, buffer.Length);
    }

    [Fact]
    public void Ping_SplitAcrossSegments_IsRecognised()
    {
        var buffer = SequenceBuilder.Bytewise(Bytes("\r\n\r\n"));
        Assert.Equal(SipFrameStatus.KeepAlivePing, Frame(ref buffer, out _));
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData("l: 5")]
    [InlineData("L:5")]
    [InlineData("content-length   :   5  ")]
    [InlineData("CONTENT-LENGTH:\t5")]
    [InlineData("Content-Length:\r\n 5")]
    [InlineData("Content-Length:\r\n\t  5")]
    [InlineData("Content-Length: 0005")]
    public void ContentLength_InAnyLegalSpelling_IsRead(string header)
    {
        string text = "MESSAGE sip:a@b SIP/2.0\r\nCall-ID: x\r\n" + header + "\r\nCSeq: 1 MESSAGE\r\n\r\nhelloEXTRA";
        var buffer = new ReadOnlySequence<byte>(Bytes(text));
        Assert.Equal(SipFrameStatus.Message, Frame(ref buffer, out string message));
        Assert.EndsWith("\r\n\r\nhello", message);
        Assert.Equal("EXTRA", Text(buffer));
    }

    [Fact]
    public void HeaderNamedLikeContentLength_IsNotMistakenForIt()
    {
        string text = "MESSAGE sip:a@b SIP/2.0\r\nX-Content-Length: 99\r\nLx: 99\r\nContent-Length: 0\r\n\r\n";
        var buffer = new ReadOnlySequence<byte>(Bytes(text));
        Assert.Equal(SipFrameStatus.Message, Frame(ref buffer, out string message));
        Assert.Equal(text, message);
    }

    [Fact]
    public void ZeroContentLength_FramesHeadersOnly()
    {
        string text = "SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n";
        var buffer = new ReadOnlySequence<byte>(Bytes(text + text));
        Assert.Equal(SipFrameStatus.Message, Frame(ref buffer, out string message));
        Assert.Equal(text, message);
        Assert.Equal(text.Length, buffer.Length);
    }

    [Fact]
    public void MissingContentLength_IsReported()
    {
        var buffer = new ReadOnlySequence<byte>(Bytes("OPTIONS sip:a SIP/2.0\r\nCall-ID: x\r\n\r\n"));
        Assert.Equal(SipFrameStatus.MissingContentLength, Frame(ref buffer, out _));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("12abc")]
    [InlineData("+5")]
    [InlineData("0x10")]
    [InlineData("1 2")]
    public void GarbageContentLength_IsInvalid(string value)
    {
        var buffer = new ReadOnlySequence<byte>(Bytes("OPTIONS sip:a SIP/2.0\r\nContent-Length: " + value + "\r\n\r\n"));
        Assert.Equal(SipFrameStatus.InvalidContentLength, Frame(ref buffer, out _));
        Assert.False(buffer.IsEmpty);
    }

    [Fact]
    public void ConflictingContentLengths_AreInvalid()
    {
        var buffer = new ReadOnlySequence<byte>(Bytes("OPTIONS sip:a SIP/2.0\r\nContent-Length: 1\r\nl: 2\r\n\r\nab"));
        Assert.Equal(SipFrameStatus.InvalidContentLength, Frame(ref buffer, out _));
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("99999999999999999999")]
    public void DeclaredSizeOverTheLimit_IsTooLarge_BeforeTheBodyArrives(string value)
    {
        var buffer = new ReadOnlySequence<byte>(Bytes("OPTIONS sip:a SIP/2.0\r\nContent-Length: " + value + "\r\n\r\n"));
        Assert.Equal(SipFrameStatus.MessageTooLarge, Frame(ref buffer, out _));
    }

    [Fact]
    public void HeaderSectionWithoutEnd_IsTooLarge_OnceOverTheLimit()
    {
        var head = Bytes("OPTIONS sip:a SIP/2.0\r\nX: " + new string('a', 1000));
        var buffer = new ReadOnlySequence<byte>(head);
        Assert.Equal(SipFrameStatus.NeedMoreData, Frame(ref buffer, out _, max: 2048));
        Assert.Equal(SipFrameStatus.MessageTooLarge, Frame(ref buffer, out _, max: 512));
    }

    [Fact]
    public void MessageExactlyAtTheLimit_IsAccepted_OneMoreByteIsNot()
    {
        byte[] data = Bytes(Options);
        var buffer = new ReadOnlySequence<byte>(data);
        Assert.Equal(SipFrameStatus.Message, Frame(ref buffer, out _, max: data.Length));
        buffer = new ReadOnlySequence<byte>(data);
        Assert.Equal(SipFrameStatus.MessageTooLarge, Frame(ref buffer, out _, max: data.Length - 1));
    }

    [Fact]
    public void RandomSplits_OfAStreamOfMessagesAndPings_YieldTheSameFrames()
    {
        string stream = "\r\n\r\n" + Options + "\r\n" + Options.Replace("Content-Length: 5", "l:5") + "\r\n\r\n";
        byte[] data = Bytes(stream);
        var random = new Random(1234);
        for (int round = 0; round < 200; round++)
        {
            var cuts = Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.Next(1, data.Length)).ToArray();
            var buffer = SequenceBuilder.Split(data, cuts);
            var statuses = new List<SipFrameStatus>();
            SipFrameStatus status;
            while ((status = Frame(ref buffer, out _)) != SipFrameStatus.NeedMoreData)
            {
                statuses.Add(status);
            }

            Assert.Equal(
                [SipFrameStatus.KeepAlivePing, SipFrameStatus.Message, SipFrameStatus.Message, SipFrameStatus.KeepAlivePing],
                statuses);
            Assert.True(buffer.IsEmpty);
        }
    }
}
