using System.Net;
using System.Text;
using System.Threading.Channels;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Transport;

using Xunit;

namespace ContactCenter.Sip.Tests.Fakes;

/// <summary>
/// The transport of one stack under test: records every message the stack sends (parsed, with its destination)
/// and delivers scripted messages to the stack as if they came from a peer. Sends complete synchronously.
/// </summary>
public sealed class FakeSipNetwork : ISipTransport
{
    public static readonly IPEndPoint PeerEndPoint = new(IPAddress.Loopback, 5070);

    private readonly Channel<Sent> _sent = Channel.CreateUnbounded<Sent>();

    public int Port => 5060;

    /// <summary>
    /// Accept responses that fail validation only because they copy a refused request's malformed From, To, Call-ID,
    /// CSeq or Via (RFC 3261 §8.2.6.2 copies them as received). Off by default: the stack's own messages must be valid.
    /// </summary>
    public bool AcceptEchoedMalformedResponses { get; set; }

    /// <summary>When it returns true for a message, the send fails (a refused TCP connection, say).</summary>
    public Func<SipMessage, bool>? FailSend { get; set; }

    /// <summary>
    /// When set, every message the stack sends is handed to it on the sending thread instead of being queued for
    /// <see cref="NextAsync"/> and <see cref="DrainAsync"/> (a harness that routes messages to several fake peers).
    /// </summary>
    public Action<Sent>? Tap { get; set; }

    public ValueTask<bool> SendAsync(SipTransportProtocol protocol, IPEndPoint remote, ReadOnlyMemory<byte> data, long connectionId = 0, CancellationToken cancellationToken = default)
    {
        var result = SipMessageParser.TryParse(data.Span, out var message);
        var echoed = AcceptEchoedMalformedResponses && result.Status == SipParseStatus.Invalid && message is { IsRequest: false };
        Assert.True(result.IsOk || echoed, $"the stack sent an invalid message ({result.Reason}):\n{Encoding.UTF8.GetString(data.Span)}");
        if (FailSend?.Invoke(message!) == true)
        {
            return ValueTask.FromResult(false);
        }
        var sent = new Sent(protocol, remote, connectionId, message!);
        if (Tap is { } tap)
        {
            tap(sent);
        }
        else
        {
            _sent.Writer.TryWrite(sent);
        }
        return ValueTask.FromResult(true);
    }

    /// <summary>The next message the stack sent; fails the test after 10 s (a hang, never a timing assertion).</summary>
    public async Task<Sent> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _sent.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Waits until the stack has processed everything posted so far, then returns what it sent meanwhile.</summary>
    public async Task<List<Sent>> DrainAsync(SipStack stack)
    {
        await stack.InvokeAsync(() => 0).WaitAsync(TimeSpan.FromSeconds(10));
        var sent = new List<Sent>();
        while (_sent.Reader.TryRead(out var item))
        {
            sent.Add(item);
        }
        return sent;
    }

    /// <summary>Delivers <paramref name="text"/> (LF line ends become CRLF) to the stack from the peer.</summary>
    public static void Deliver(SipStack stack, string text, SipTransportProtocol protocol = SipTransportProtocol.Udp, IPEndPoint? from = null, long connectionId = 0)
    {
        var bytes = Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));
        stack.Receive(bytes, new SipPeer(protocol, from ?? PeerEndPoint, new IPEndPoint(IPAddress.Loopback, 5060), connectionId));
    }

    public sealed record Sent(SipTransportProtocol Protocol, IPEndPoint Remote, long ConnectionId, SipMessage Message);
}
