using System.Globalization;
using System.Net;
using System.Text;
using ContactCenter.Sip;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;
using MediaPhone = ContactCenter.Media.Tests.Fakes.FakePhone;

namespace ContactCenter.Pbx.Tests.Calls;

/// <summary>
/// A phone of an extension on the fake network, at 127.0.0.1:<see cref="Port"/>. What the stack sends to that address
/// lands in its inbox (the <see cref="CallHarness"/> routes it); what it sends reaches the stack from that address. Its
/// media end is a pair of real UDP sockets on loopback (<see cref="Media"/>), the address its SDP declares.
/// </summary>
public sealed class FakeUa : IDisposable
{
    /// <summary>How long a phone waits for a message before the test fails: a hang guard, never a timing assertion.</summary>
    public static readonly TimeSpan ExpectTimeout = Arrivals<SipMessage>.Timeout;

    private readonly Arrivals<SipMessage> _inbox = new();
    private readonly SipStack _stack;

    public FakeUa(SipStack stack, string name, string extension, int port)
    {
        _stack = stack;
        Name = name;
        Extension = extension;
        Port = port;
    }

    public string Name { get; }

    public string Extension { get; }

    public int Port { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public string Contact => $"sip:{Extension}@127.0.0.1:{Port}";

    /// <summary>Where its SDP says it receives RTP (and RTCP on the next socket).</summary>
    internal MediaPhone Media { get; } = new();

    /// <summary>Every message the stack sent to this phone, in order.</summary>
    public IReadOnlyList<SipMessage> Received => _inbox.All;

    /// <summary>The SDP this phone offers or answers with: PCMU, PCMA and telephone-event, its RTP socket's port.</summary>
    public string Sdp(string direction = "sendrecv", int version = 1) =>
        string.Create(CultureInfo.InvariantCulture,
            $"v=0\r\no=- 4711{Port} {version} IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
            $"m=audio {Media.RtpEndPoint.Port} RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
            $"a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=rtcp:{Media.RtcpEndPoint.Port}\r\na={direction}\r\n");

    /// <summary>Called by the harness for each message the stack sent here.</summary>
    internal void Accept(SipMessage message) => _inbox.Add(message);

    /// <summary>Sends a message to the stack from this phone's address; returns it parsed.</summary>
    public SipMessage Send(SipMessageBuilder message)
    {
        var bytes = message.ToArray();
        _stack.Receive(bytes, new SipPeer(SipTransportProtocol.Udp, EndPoint, new IPEndPoint(IPAddress.Loopback, 5060), 0));
        return message.ToMessage();
    }

    /// <summary>A Via of this phone with a fresh branch.</summary>
    public string NewVia() => $"SIP/2.0/UDP 127.0.0.1:{Port};branch={SipIdentifiers.NewBranch()};rport";

    /// <summary>Takes the first message not taken yet that matches; fails the test when none comes within <see cref="ExpectTimeout"/>.</summary>
    public Task<SipMessage> ExpectAsync(Func<SipMessage, bool> match, string what) =>
        _inbox.TakeAsync(match, () => $"{Name} never received {what}; it received:\n{Describe(Received)}");

    /// <summary>Whether a message not taken yet matches (after the stack and the call settled, for "nothing was sent").</summary>
    public bool Holds(Func<SipMessage, bool> match) => _inbox.Holds(match);

    /// <summary>A new INVITE (a call to another phone) arriving here.</summary>
    public async Task<PhoneCall> IncomingAsync()
    {
        var invite = await ExpectAsync(m => m.IsRequest && m.Method == SipMethod.Invite && m.To.Tag is null, "an INVITE");
        return PhoneCall.Incoming(this, invite);
    }

    /// <summary>
    /// Calls <paramref name="number"/> the way a desk phone does: INVITE, 407, ACK, INVITE with Proxy-Authorization
    /// (digest over the Request-URI, RFC 3261 §22.3). The returned call's INVITE is the authenticated one.
    /// </summary>
    public async Task<PhoneCall> DialAsync(string number, string? sdp = "", string password = CallHarness.Password, string extraHeaders = "",
        string allow = "INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE, INFO")
    {
        sdp = sdp == "" ? Sdp() : sdp;
        var uri = $"sip:{number}@127.0.0.1";
        var callId = SipIdentifiers.NewCallId();
        var fromTag = SipIdentifiers.NewTag();
        var first = Send(Invite(uri, callId, fromTag, 1, sdp, allow, extraHeaders));
        var challenge = await ExpectAsync(m => IsFinalResponseTo(m, first), "the 407 to its INVITE");
        Xunit.Assert.Equal(407, challenge.StatusCode);
        AckFailure(first, challenge);

        var authenticated = Invite(uri, callId, fromTag, 2, sdp, allow, extraHeaders);
        var digest = new SipDigestClient(Extension, password);
        foreach (var credentials in digest.Answer(challenge, "INVITE", uri))
        {
            authenticated.Add(SipDigestClient.AuthorizationHeaderFor(407), credentials.ToString());
        }
        return PhoneCall.Outgoing(this, Send(authenticated));
    }

    /// <summary>The ACK of a non-2xx final response to an INVITE (§17.1.1.3): the INVITE's branch, the response's To.</summary>
    public void AckFailure(SipMessage invite, SipMessage response) =>
        Send(SipMessageBuilder.Request(SipMethod.Ack, invite.RequestUriText)
            .Add(SipHeaderId.Via, invite.GetHeader(SipHeaderId.Via)!)
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, invite.GetHeader(SipHeaderId.From)!)
            .Add(SipHeaderId.To, response.GetHeader(SipHeaderId.To)!)
            .Add(SipHeaderId.CallId, invite.CallId)
            .Add(SipHeaderId.CSeq, $"{invite.CSeq.Number} ACK"));

    public static bool IsFinalResponseTo(SipMessage message, SipMessage request) =>
        IsResponseTo(message, request) && message.StatusCode >= 200;

    public static bool IsResponseTo(SipMessage message, SipMessage request) =>
        !message.IsRequest && message.CallId == request.CallId && message.CSeq.Number == request.CSeq.Number
        && message.CSeq.Method == request.Method;

    public void Dispose() => Media.Dispose();

    public override string ToString() => Name;

    private SipMessageBuilder Invite(string uri, string callId, string fromTag, int cseq, string? sdp, string allow, string extraHeaders)
    {
        var invite = SipMessageBuilder.Request(SipMethod.Invite, uri)
            .Add(SipHeaderId.Via, NewVia())
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, $"\"{Name}\" <sip:{Extension}@127.0.0.1>;tag={fromTag}")
            .Add(SipHeaderId.To, $"<{uri}>")
            .Add(SipHeaderId.CallId, callId)
            .Add(SipHeaderId.CSeq, $"{cseq} INVITE")
            .Add(SipHeaderId.Contact, $"<{Contact}>")
            .Add(SipHeaderId.Allow, allow);
        AddHeaders(invite, extraHeaders);
        if (sdp is not null)
        {
            invite.WithBody(Encoding.UTF8.GetBytes(sdp), "application/sdp");
        }
        return invite;
    }

    /// <summary>Adds "Name: value" lines (separated by newlines) to a message.</summary>
    internal static void AddHeaders(SipMessageBuilder message, string headers)
    {
        foreach (var line in headers.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            message.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
    }

    private static string Describe(IEnumerable<SipMessage> messages) =>
        string.Join("\n", messages.Select(m => m.IsRequest
            ? $"  {m.MethodName} {m.RequestUriText} (CSeq {m.CSeq})"
            : $"  {m.StatusCode} {m.ReasonPhrase} (CSeq {m.CSeq})"));
}
