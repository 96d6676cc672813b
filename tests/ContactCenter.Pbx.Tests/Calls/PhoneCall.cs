using System.Text;
using ContactCenter.Media.Sdp;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;

using Xunit;

namespace ContactCenter.Pbx.Tests.Calls;

/// <summary>
/// One call as one phone sees it: the INVITE it sent (caller) or received (callee), the dialog once answered, and
/// helpers to answer, acknowledge and send in-dialog requests the way a phone does.
/// </summary>
public sealed class PhoneCall
{
    private readonly string _localTag;

    private PhoneCall(FakeUa phone, SipMessage invite, bool isCaller, string localTag)
    {
        Phone = phone;
        Invite = invite;
        IsCaller = isCaller;
        _localTag = localTag;
    }

    public FakeUa Phone { get; }

    /// <summary>The INVITE: sent (authenticated) by a caller, received by a callee.</summary>
    public SipMessage Invite { get; }

    public bool IsCaller { get; }

    public string CallId => Invite.CallId;

    /// <summary>The dialog, once the call is answered (caller: after <see cref="Ack"/>; callee: after <see cref="Answer"/>).</summary>
    public SipDialog? Dialog { get; private set; }

    /// <summary>The SDP the B2BUA sent this phone (in the INVITE for a callee, in the 200 for a caller), parsed.</summary>
    public SdpMessage? RemoteSdp { get; private set; }

    internal static PhoneCall Outgoing(FakeUa phone, SipMessage invite) => new(phone, invite, isCaller: true, invite.From.Tag!);

    internal static PhoneCall Incoming(FakeUa phone, SipMessage invite)
    {
        var call = new PhoneCall(phone, invite, isCaller: false, SipIdentifiers.NewTag());
        call.RemoteSdp = ParseSdp(invite);
        return call;
    }

    // ---- caller side ----

    /// <summary>The next response to the INVITE with <paramref name="status"/>.</summary>
    public Task<SipMessage> ResponseAsync(int status) =>
        Phone.ExpectAsync(m => FakeUa.IsResponseTo(m, Invite) && m.StatusCode == status, $"{status} to the INVITE of {CallId}");

    /// <summary>The final response to the INVITE; a non-2xx one is acknowledged, as the phone's transaction layer does.</summary>
    public async Task<SipMessage> FinalAsync()
    {
        var final = await Phone.ExpectAsync(m => FakeUa.IsFinalResponseTo(m, Invite), $"a final response to the INVITE of {CallId}");
        if (final.StatusCode >= 300)
        {
            Phone.AckFailure(Invite, final);
        }
        return final;
    }

    /// <summary>Waits for the 200 to the INVITE, acknowledges it (with <paramref name="ackSdp"/> for a late offer) and returns it.</summary>
    public async Task<SipMessage> AnsweredAsync(string? ackSdp = null)
    {
        var ok = await FinalAsync();
        Assert.Equal(200, ok.StatusCode);
        Ack(ok, ackSdp);
        return ok;
    }

    /// <summary>ACK of a 2xx (§13.2.2.4); creates the dialog from it.</summary>
    public void Ack(SipMessage ok, string? sdp = null)
    {
        Dialog ??= SipDialog.CreateAsUac(Invite, ok);
        RemoteSdp ??= ParseSdp(ok);
        var ack = Dialog.CreateAck(Invite.CSeq.Number).AddFirst(SipHeaderId.Via, Phone.NewVia()).Add(SipHeaderId.MaxForwards, "70");
        if (sdp is not null)
        {
            ack.WithBody(Encoding.UTF8.GetBytes(sdp), "application/sdp");
        }
        Phone.Send(ack);
    }

    /// <summary>CANCEL of the INVITE (§9.1): same branch, Request-URI, From, To, Call-ID.</summary>
    public SipMessage Cancel(string? reason = null)
    {
        var cancel = SipMessageBuilder.Request(SipMethod.Cancel, Invite.RequestUriText)
            .Add(SipHeaderId.Via, Invite.GetHeader(SipHeaderId.Via)!)
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, Invite.GetHeader(SipHeaderId.From)!)
            .Add(SipHeaderId.To, Invite.GetHeader(SipHeaderId.To)!)
            .Add(SipHeaderId.CallId, CallId)
            .Add(SipHeaderId.CSeq, $"{Invite.CSeq.Number} CANCEL");
        if (reason is not null)
        {
            cancel.Add(SipHeaderId.Reason, reason);
        }
        return Phone.Send(cancel);
    }

    // ---- callee side ----

    /// <summary>A provisional response (180, or 183 with early media SDP).</summary>
    public void Ring(int status = 180, string? sdp = null) => Phone.Send(Response(Invite, status, sdp));

    /// <summary>Answers the INVITE with 200 (and the phone's SDP unless told otherwise); creates the dialog.</summary>
    public void Answer(string? sdp = "", string extraHeaders = "")
    {
        Dialog ??= SipDialog.CreateAsUas(Invite, _localTag, confirmed: true);
        Phone.Send(Response(Invite, 200, sdp == "" ? Phone.Sdp() : sdp, extraHeaders));
    }

    /// <summary>Refuses the INVITE (486, 603…).</summary>
    public void Refuse(int status) => Phone.Send(Response(Invite, status));

    /// <summary>The B2BUA's ACK of this phone's final response to <paramref name="invite"/> (the call's INVITE by default).</summary>
    public Task<SipMessage> AckAsync(SipMessage? invite = null)
    {
        var cseq = (invite ?? Invite).CSeq.Number;
        return Phone.ExpectAsync(m => m.IsRequest && m.Method == SipMethod.Ack && m.CallId == CallId && m.CSeq.Number == cseq,
            $"the ACK of {CallId} (CSeq {cseq})");
    }

    /// <summary>The CANCEL of this phone's INVITE.</summary>
    public Task<SipMessage> CancelledAsync() =>
        Phone.ExpectAsync(m => m.IsRequest && m.Method == SipMethod.Cancel && m.CallId == CallId, $"the CANCEL of {CallId}");

    /// <summary>Answers a CANCEL with 200 and the INVITE with 487, as a ringing phone does (§9.2).</summary>
    public void AcceptCancel(SipMessage cancel)
    {
        Phone.Send(cancel.CreateResponse(200, toTag: _localTag));
        Phone.Send(Response(Invite, 487));
    }

    // ---- in the dialog, either side ----

    /// <summary>Sends a request in the dialog; returns it (parsed) to match its responses.</summary>
    public SipMessage Send(SipMethod method, string? body = null, string contentType = "application/sdp", string extraHeaders = "")
    {
        Assert.NotNull(Dialog);
        var request = Dialog.CreateRequest(method).AddFirst(SipHeaderId.Via, Phone.NewVia()).Add(SipHeaderId.MaxForwards, "70");
        if (method is SipMethod.Invite or SipMethod.Update)
        {
            request.Add(SipHeaderId.Contact, $"<{Phone.Contact}>");
        }
        FakeUa.AddHeaders(request, extraHeaders);
        if (body is not null)
        {
            request.WithBody(Encoding.UTF8.GetBytes(body), contentType);
        }
        return Phone.Send(request);
    }

    /// <summary>The final response to a request this phone sent in the dialog (a non-2xx to a re-INVITE is acknowledged).</summary>
    public async Task<SipMessage> FinalTo(SipMessage request)
    {
        var final = await Phone.ExpectAsync(m => FakeUa.IsFinalResponseTo(m, request), $"a final response to {request.MethodName} (CSeq {request.CSeq})");
        if (request.Method == SipMethod.Invite && final.StatusCode >= 300)
        {
            Phone.AckFailure(request, final);
        }
        return final;
    }

    /// <summary>A request of the B2BUA in this dialog.</summary>
    public Task<SipMessage> RequestAsync(SipMethod method) =>
        Phone.ExpectAsync(m => m.IsRequest && m.Method == method && m.CallId == CallId, $"{method.ToToken()} in {CallId}");

    /// <summary>Answers a request of the B2BUA (with a To tag when it had none, Contact on 2xx to INVITE/UPDATE).</summary>
    public void Respond(SipMessage request, int status, string? body = null, string contentType = "application/sdp", string extraHeaders = "") =>
        Phone.Send(Response(request, status, body, extraHeaders, contentType));

    /// <summary>Acknowledges the 2xx of a re-INVITE this phone sent.</summary>
    public void AckReinvite(SipMessage reinvite, string? sdp = null)
    {
        var ack = Dialog!.CreateAck(reinvite.CSeq.Number).AddFirst(SipHeaderId.Via, Phone.NewVia()).Add(SipHeaderId.MaxForwards, "70");
        if (sdp is not null)
        {
            ack.WithBody(Encoding.UTF8.GetBytes(sdp), "application/sdp");
        }
        Phone.Send(ack);
    }

    /// <summary>
    /// An OPTIONS round trip in the dialog. The call's actor handles it after whatever step it was in when it sent the
    /// last message this phone saw, so afterwards that step is complete (timers armed, answer time taken).
    /// </summary>
    public async Task SettledAsync()
    {
        var options = Send(SipMethod.Options);
        Assert.Equal(200, (await FinalTo(options)).StatusCode);
    }

    /// <summary>BYE, and its 200.</summary>
    public async Task HangUpAsync()
    {
        var bye = Send(SipMethod.Bye);
        Assert.Equal(200, (await FinalTo(bye)).StatusCode);
    }

    /// <summary>Waits for the B2BUA's BYE and answers it 200; returns it.</summary>
    public async Task<SipMessage> ByeAsync()
    {
        var bye = await RequestAsync(SipMethod.Bye);
        Respond(bye, 200);
        return bye;
    }

    public static SdpMessage? ParseSdp(SipMessage message) =>
        message.Body.IsEmpty ? null : SdpMessage.TryParse(message.Body.Span, out var sdp, out _) ? sdp : throw new Xunit.Sdk.XunitException("unparseable SDP");

    private SipMessageBuilder Response(SipMessage request, int status, string? body = null, string extraHeaders = "", string contentType = "application/sdp")
    {
        var response = request.CreateResponse(status, toTag: _localTag);
        if (status is >= 101 and < 300 && request.Method is SipMethod.Invite or SipMethod.Update)
        {
            response.Add(SipHeaderId.Contact, $"<{Phone.Contact}>");
        }
        FakeUa.AddHeaders(response, extraHeaders);
        if (body is not null)
        {
            response.WithBody(Encoding.UTF8.GetBytes(body), contentType);
        }
        return response;
    }
}
