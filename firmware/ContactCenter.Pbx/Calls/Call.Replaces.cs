using System.Text;
using ContactCenter.Data.Repositories;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Sdp;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Pbx.Calls;

// BLF pickup from a desk phone (RFC 3891): the phone read this call's Call-ID and tags in a dialog-info NOTIFY
// (CallPresence) and sends INVITE with Replaces naming that early dialog. The INVITE answers the call in the callee's
// place: every fork is cancelled ("Call completed elsewhere"), the picker gets a 200 and so does the caller. Both
// offers are answered with one codec they share (RFC 3264 §6: each answer picks from its own offer), so the relay can
// pass the media through unchanged.
internal sealed partial class Call
{
    private void OnPickUpByReplaces(SipInviteServerTransaction invite, Extension by, SessionTimer? timer, CallReplaces replaces)
    {
        var request = invite.Request;
        var tag = SipIdentifiers.NewTag();
        // The NOTIFY showed the callee's side of the caller's dialog (local = our tag, remote = the caller's); a phone
        // may name them either way round.
        var callerTag = _invite?.Request.From.Tag;
        var matches = replaces.CallId == Id
            && ((replaces.ToTag == _callerTag && replaces.FromTag == callerTag) || (replaces.ToTag == callerTag && replaces.FromTag == _callerTag));
        if (!matches || _state is CallState.Routing or CallState.Ended)
        {
            Respond(invite, request.CreateResponse(481, toTag: tag));
            return;
        }
        if (_state != CallState.Ringing)
        {
            // §3: a confirmed dialog with early-only is 486; taking over an answered call (without it) is not offered here.
            Respond(invite, request.CreateResponse(486, toTag: tag));
            return;
        }
        if (_callerOffer is null || !TryParseSdp(request, out var offer, out _) || !TryAnswerBoth(request, offer!, out var toPicker, out var toCaller))
        {
            CallLog.BadSdp(_services.Logger, Id, "no codec both the caller and the phone picking up offer");
            Respond(invite, request.CreateResponse(488, toTag: tag));
            return;
        }
        CallLog.PickingUp(_services.Logger, Id, by.Number, _calleeNumber);
        _ringTimer?.Dispose();
        CancelForks(CompletedElsewhere, except: null);
        var leg = _calleeLeg;
        leg.Number = by.Number;
        leg.Timer = timer;
        leg.AllowsUpdate = SipTokenList.Contains(request, SipHeaderId.Allow, "UPDATE");
        var dialog = SipDialog.CreateAsUas(request, tag, confirmed: true);
        leg.Dialog = dialog;
        _services.Router.Attach(dialog, this, leg);
        AcceptSdp(leg, offer!);
        leg.LastSdpSent = toPicker;
        var ok = AddRefreshHeaders(leg, request.CreateResponse(200, toTag: tag))
            .Add(SipHeaderId.Contact, $"<{_services.Stack.LocalUri(leg.Flow)}>")
            .Add(SipHeaderId.Allow, CallServices.Allow)
            .Add(SipHeaderId.Supported, "timer")
            .WithBody(Encoding.UTF8.GetBytes(toPicker), "application/sdp");
        Respond(invite, ok);
        WatchAck(invite, leg);
        ArmSessionTimer(leg);
        _callerLeg.LastSdpSent = toCaller;
        _media?.RestartNoMediaDetection();
        AnswerCaller(toCaller);
    }

    // The picker's offer answered with the first codec we relay that it offers and the caller offered too; the caller's
    // offer answered with that same codec. Each answer names the relay side facing that phone.
    private bool TryAnswerBoth(SipMessage request, SdpMessage pickerOffer, out string toPicker, out string toCaller)
    {
        toPicker = toCaller = "";
        var source = request.Source!.Value;
        var leg = _calleeLeg;
        leg.Flow = new SipDestination(source.Protocol, source.Remote, source.ConnectionId);
        leg.MediaAddress = _services.MediaAddressFor(leg.Flow);
        leg.Origin ??= new SdpOrigin(leg.MediaAddress);
        _callerLeg.Origin ??= new SdpOrigin(_callerLeg.MediaAddress ?? leg.MediaAddress);
        var shared = SupportedAudioCodecs.All.Where(c => SdpAnswerer.TryAnswer(_callerOffer!, Local(_callerLeg, [c]), new SdpOrigin(leg.MediaAddress), out _, out _)).ToList();
        if (shared.Count == 0
            || !SdpAnswerer.TryAnswer(pickerOffer, Local(leg, shared), leg.Origin, out var pickerAnswer, out var negotiated)
            || !SdpAnswerer.TryAnswer(_callerOffer!, Local(_callerLeg, [negotiated.Codec]), _callerLeg.Origin, out var callerAnswer, out _))
        {
            return false;
        }
        toPicker = pickerAnswer;
        toCaller = callerAnswer;
        return true;
    }

    private SdpLocalMedia Local(CallLeg leg, IReadOnlyList<AudioCodec> codecs) =>
        new(leg.MediaAddress ?? System.Net.IPAddress.Loopback, _media!.GetLocalRtpPort(leg.RelayLeg), _media.GetLocalRtcpPort(leg.RelayLeg)) { Codecs = codecs };
}
