using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Panel.LatencyBench;

/// <summary>
/// A minimal SIP phone on one loopback UDP socket, enough to load the appliance: REGISTER, SUBSCRIBE, INVITE and BYE
/// with digest authentication as a client; as a server it rings then answers INVITEs, and answers NOTIFY and BYE at
/// once. Loopback does not lose datagrams at these rates, so there are no retransmissions: a request unanswered within
/// <see cref="AnswerTimeout"/> fails the run.
/// </summary>
internal sealed class BenchPhone : IAsyncDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _appliance;
    private readonly SipDigestClient _digest;
    private readonly string _realm;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<SipMessage>> _awaiting = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private readonly HashSet<(string CallId, uint CSeq)> _seenNotifies = [];
    private int _cseq;
    private int _retransmittedNotifies;

    public BenchPhone(string extension, string password, string realm, IPEndPoint appliance)
    {
        Extension = extension;
        _realm = realm;
        _appliance = appliance;
        _digest = new SipDigestClient(extension, password);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _receiving = ReceiveLoopAsync();
    }

    public string Extension { get; }

    public int Port { get; }

    /// <summary>Every NOTIFY received: its body and the Stopwatch timestamp of its arrival.</summary>
    public ConcurrentQueue<(long At, string Body)> Notifies { get; } = new();

    /// <summary>NOTIFYs received again (the appliance's retransmissions), not counted in <see cref="Notifies"/>.</summary>
    public int RetransmittedNotifies => Volatile.Read(ref _retransmittedNotifies);

    /// <summary>Called for each INVITE that opens a call to this phone; the phone rings (180) and answers (200) when told.</summary>
    public Func<IncomingCall, Task>? OnInvite { get; set; }

    private string Contact => $"<sip:{Extension}@127.0.0.1:{Port}>";

    public Task<SipMessage> RegisterAsync()
    {
        var callId = NewCallId("reg");
        return SendWithAuthAsync(() => NewRequest("REGISTER", $"sip:{_realm}", callId, $"<sip:{Extension}@{_realm}>", null)
            .Add(SipHeaderId.Contact, Contact).Add(SipHeaderId.Expires, "3600"));
    }

    public Task<SipMessage> SubscribeDialogAsync(string watched)
    {
        var callId = NewCallId("sub");
        var fromTag = SipIdentifiers.NewTag();
        return SendWithAuthAsync(() => NewRequest("SUBSCRIBE", $"sip:{watched}@{_realm}", callId, $"<sip:{watched}@{_realm}>", fromTag)
            .Add(SipHeaderId.Contact, Contact).Add(SipHeaderId.Event, "dialog").Add(SipHeaderId.Accept, "application/dialog-info+xml")
            .Add(SipHeaderId.Expires, "3600"));
    }

    /// <summary>Calls <paramref name="number"/>; returns once answered and acknowledged, with what hanging up needs.</summary>
    public async Task<OutgoingCall> CallAsync(string number, int mediaPort)
    {
        var callId = NewCallId("call");
        var fromTag = SipIdentifiers.NewTag();
        var sdp = Encoding.ASCII.GetBytes(Sdp(mediaPort));
        var ok = await SendWithAuthAsync(() => NewRequest("INVITE", $"sip:{number}@{_realm}", callId, $"<sip:{number}@{_realm}>", fromTag)
            .Add(SipHeaderId.Contact, Contact).WithBody(sdp, "application/sdp")).ConfigureAwait(false);
        if (ok.StatusCode != 200)
        {
            throw new InvalidOperationException($"{Extension} calling {number}: {ok.StatusCode} {ok.ReasonPhrase}");
        }
        var call = new OutgoingCall(callId, fromTag, ok.To.Tag ?? "", ok.CSeq.Number, ContactUri(ok) ?? $"sip:{number}@{_realm}", number);
        Send(InDialog("ACK", call, call.InviteCSeq));
        return call;
    }

    public async Task HangUpAsync(OutgoingCall call)
    {
        var bye = InDialog("BYE", call, (uint)Interlocked.Increment(ref _cseq));
        var answer = await SendAndWaitAsync(bye).ConfigureAwait(false);
        answer.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _receiving.ConfigureAwait(false);
        _stop.Dispose();
    }

    internal void Send(SipMessageBuilder message) => _socket.SendTo(message.ToArray(), _appliance);

    internal static string Sdp(int port) => string.Create(CultureInfo.InvariantCulture,
        $"v=0\r\no=- {port} 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n");

    private static string? ContactUri(SipMessage message) =>
        message.TryGetContacts(out var contacts) && contacts.Count > 0 ? contacts[0].UriText : null;

    private SipMessageBuilder InDialog(string method, OutgoingCall call, uint cseq) =>
        SipMessageBuilder.Request(method, call.RemoteTarget)
            .Add(SipHeaderId.Via, NewVia())
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, $"<sip:{Extension}@{_realm}>;tag={call.LocalTag}")
            .Add(SipHeaderId.To, $"<sip:{call.Number}@{_realm}>;tag={call.RemoteTag}")
            .Add(SipHeaderId.CallId, call.CallId)
            .Add(SipHeaderId.CSeq, string.Create(CultureInfo.InvariantCulture, $"{cseq} {method}"))
            .Add(SipHeaderId.ContentLength, "0");

    private SipMessageBuilder NewRequest(string method, string uri, string callId, string to, string? fromTag) =>
        SipMessageBuilder.Request(method, uri)
            .Add(SipHeaderId.Via, NewVia())
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, $"<sip:{Extension}@{_realm}>;tag={fromTag ?? SipIdentifiers.NewTag()}")
            .Add(SipHeaderId.To, to)
            .Add(SipHeaderId.CallId, callId)
            .Add(SipHeaderId.CSeq, string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Increment(ref _cseq)} {method}"));

    private string NewVia() => $"SIP/2.0/UDP 127.0.0.1:{Port};branch={SipIdentifiers.NewBranch()};rport";

    private string NewCallId(string kind) => $"{kind}-{Extension}-{Guid.NewGuid():N}@bench";

    // RFC 3261 §22.2: the request again, with a new CSeq and branch and the credentials the challenge asks for.
    private async Task<SipMessage> SendWithAuthAsync(Func<SipMessageBuilder> build)
    {
        var first = build();
        var response = await SendAndWaitAsync(first).ConfigureAwait(false);
        if (response.StatusCode is not (401 or 407))
        {
            return response;
        }
        var retry = build();
        foreach (var credentials in _digest.Answer(response, retry.MethodName, retry.RequestUri, retry.Body.Span))
        {
            retry.Add(SipDigestClient.AuthorizationHeaderFor(response.StatusCode), credentials.ToString());
        }
        // The retry keeps the Call-ID and From tag (build() reuses them) but the failed attempt's To is untagged anyway.
        if (first.MethodName == "INVITE")
        {
            Send(Ack(first, response));
        }
        response.Dispose();
        return await SendAndWaitAsync(retry).ConfigureAwait(false);
    }

    // §17.1.1.3: the ACK of a non-2xx final response, on the INVITE's branch.
    private static SipMessageBuilder Ack(SipMessageBuilder invite, SipMessage response)
    {
        var ack = SipMessageBuilder.Request("ACK", invite.RequestUri)
            .Add(SipHeaderId.Via, invite.Get(SipHeaderId.Via)!)
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, invite.Get(SipHeaderId.From)!)
            .Add(SipHeaderId.To, response.GetHeader(SipHeaderId.To)!)
            .Add(SipHeaderId.CallId, invite.Get(SipHeaderId.CallId)!)
            .Add(SipHeaderId.CSeq, invite.Get(SipHeaderId.CSeq)!.Split(' ')[0] + " ACK");
        return ack;
    }

    // Waits for the final response to one request (matched by its Via branch).
    private async Task<SipMessage> SendAndWaitAsync(SipMessageBuilder request)
    {
        var via = request.Get(SipHeaderId.Via)!;
        var branch = via[(via.IndexOf("branch=", StringComparison.Ordinal) + 7)..].Split(';')[0];
        var answer = new TaskCompletionSource<SipMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _awaiting[branch] = answer;
        Send(request);
        try
        {
            return await answer.Task.WaitAsync(AnswerTimeout).ConfigureAwait(false);
        }
        finally
        {
            _awaiting.TryRemove(branch, out _);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[65536];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, from, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var at = Stopwatch.GetTimestamp();
            if (SipMessageParser.TryParse(buffer.AsSpan(0, received.ReceivedBytes), out var message).Status != SipParseStatus.Ok || message is null)
            {
                continue;
            }
            if (message.IsRequest)
            {
                OnRequest(message, at);
            }
            else if (message.StatusCode >= 200 && _awaiting.TryGetValue(message.TopVia.Branch ?? "", out var waiting))
            {
                waiting.TrySetResult(message);
            }
            else
            {
                message.Dispose();
            }
        }
    }

    private void OnRequest(SipMessage request, long at)
    {
        switch (request.Method)
        {
            case SipMethod.Notify:
                // A retransmission (our 200 reached the appliance late or not at all) tells the watcher nothing new.
                if (_seenNotifies.Add((request.CallId, request.CSeq.Number)))
                {
                    Notifies.Enqueue((at, Encoding.UTF8.GetString(request.Body.Span)));
                }
                else
                {
                    Interlocked.Increment(ref _retransmittedNotifies);
                }
                Send(request.CreateResponse(200));
                break;
            case SipMethod.Invite when request.To.Tag is null && OnInvite is { } onInvite:
                _ = onInvite(new IncomingCall(this, request, SipIdentifiers.NewTag(), at));
                return;
            case SipMethod.Ack:
                break;
            default:
                Send(request.CreateResponse(200));
                break;
        }
        request.Dispose();
    }
}
