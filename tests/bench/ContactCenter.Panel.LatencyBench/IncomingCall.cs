using ContactCenter.Sip.Messages;

namespace ContactCenter.Panel.LatencyBench;

/// <summary>An INVITE a <see cref="BenchPhone"/> received: it rings (180) and answers (200 with SDP) when told.</summary>
internal sealed class IncomingCall(BenchPhone phone, SipMessage invite, string toTag, long receivedAt)
{
    public SipMessage Invite { get; } = invite;

    /// <summary>When the INVITE reached the phone's socket (Stopwatch timestamp).</summary>
    public long ReceivedAt { get; } = receivedAt;

    /// <summary>Refuses the call (486 Busy Here), ending it at once.</summary>
    public void Decline() => phone.Send(Invite.CreateResponse(486, toTag: toTag));

    public void Ring() => phone.Send(Invite.CreateResponse(180, toTag: toTag).Add(SipHeaderId.Contact, Contact));

    public void Answer(int mediaPort) => phone.Send(Invite.CreateResponse(200, toTag: toTag).Add(SipHeaderId.Contact, Contact)
        .WithBody(System.Text.Encoding.ASCII.GetBytes(BenchPhone.Sdp(mediaPort)), "application/sdp"));

    private string Contact => $"<sip:{phone.Extension}@127.0.0.1:{phone.Port}>";
}
