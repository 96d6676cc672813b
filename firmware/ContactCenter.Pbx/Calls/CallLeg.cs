using System.Net;
using ContactCenter.Media.Relay;
using ContactCenter.Media.Sdp;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Pbx.Calls;

/// <summary>
/// One side of a call as the B2BUA sees it: the dialog with that peer, where its messages go, its side of the media
/// relay and the SDP origin the appliance presents to it. Owned by the call's actor; not thread-safe.
/// </summary>
internal sealed class CallLeg(CallParty party, RtpRelayLeg relayLeg)
{
    /// <summary>Caller or callee.</summary>
    public CallParty Party { get; } = party;

    /// <summary>The relay side whose sockets face this peer.</summary>
    public RtpRelayLeg RelayLeg { get; } = relayLeg;

    /// <summary>The extension on this leg once it is known (the caller, the contact that answered), null while nobody is.</summary>
    public string? Number { get; set; }

    /// <summary>The dialog with the peer, once established.</summary>
    public SipDialog? Dialog { get; set; }

    /// <summary>
    /// Where every request to this peer goes: the address its INVITE or REGISTER came from (received/rport, and the TCP
    /// connection), so phones behind NAT are reached whatever their Contact says.
    /// </summary>
    public SipDestination Flow { get; set; }

    /// <summary>The <c>o=</c> line the appliance presents on this leg, created with the first SDP sent.</summary>
    public SdpOrigin? Origin { get; set; }

    /// <summary>The last SDP sent to this peer (a session refresh by re-INVITE offers it again).</summary>
    public string? LastSdpSent { get; set; }

    /// <summary>The last SDP this peer sent that the relay applied (offered again to whoever replaces the other side).</summary>
    public SdpMessage? LastSdpReceived { get; set; }

    /// <summary>Whether the peer's last SDP holds the call (sendonly, recvonly, inactive or a 0.0.0.0 address).</summary>
    public bool OnHold { get; set; }

    /// <summary>Whether the peer listed UPDATE in Allow (session refreshes then use UPDATE, RFC 4028 §7.4).</summary>
    public bool AllowsUpdate { get; set; }

    /// <summary>The session timer negotiated on this leg, if any.</summary>
    public SessionTimer? Timer { get; set; }

    /// <summary>The anchor address written in SDP for this peer.</summary>
    public IPAddress? MediaAddress { get; set; }

    /// <summary>The running session-timer step, if any.</summary>
    public ITimer? TimerHandle { get; set; }

    /// <summary>Moves on each time the session timer is re-armed, so a step already queued for the old one is ignored.</summary>
    public int TimerGeneration { get; set; }

    /// <summary>
    /// Forgets the peer (its dialog, flow, SDP and timers) so that another one can take this side of the relay: a
    /// transfer target gets a new dialog and a new session, hence a new <c>o=</c> line (RFC 3264 §5).
    /// </summary>
    public void Reset()
    {
        Number = null;
        Dialog = null;
        Flow = default;
        Origin = null;
        LastSdpSent = null;
        LastSdpReceived = null;
        OnHold = false;
        AllowsUpdate = false;
        Timer = null;
        MediaAddress = null;
        TimerHandle?.Dispose();
        TimerHandle = null;
        TimerGeneration++;
    }

    /// <summary>Who this leg is in logs and records.</summary>
    public string Name => Party == CallParty.Caller ? "caller" : "callee";
}

/// <summary>Which side of a call.</summary>
internal enum CallParty
{
    /// <summary>The extension that called.</summary>
    Caller,

    /// <summary>The extension called.</summary>
    Callee,
}
