using ContactCenter.Data.Repositories;
using ContactCenter.Media.Sdp;
using ContactCenter.Pbx.Commands;

namespace ContactCenter.Pbx.Calls;

// Click-to-call (issue #5 §4) as third-party call control (RFC 3725): the appliance first rings the originating
// extension with auto-answer, offering the relay's caller side; once it answers, the target's contacts ring with the
// originator's SDP through the relay's callee side, exactly as a transfer target would (Call.Commands.cs). Neither phone
// needs a re-INVITE: the relay joins the two media streams.
internal sealed partial class Call
{
    // What the appliance offers the originator before anyone else's SDP exists (RFC 3264 §5): G.711 both laws and
    // telephone-event, the relay's address and port written in by RewriteFor.
    private static readonly SdpMessage ApplianceOffer = SdpMessage.TryParse(
        "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0 8 101\r\n"u8
        + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n"u8,
        out var offer, out _) ? offer! : throw new InvalidOperationException("the appliance's own SDP offer does not parse");

    private readonly TaskCompletionSource<CallCommandResult>? _originated;
    private bool _bridged;

    private async Task BeginOriginatedAsync()
    {
        CallLog.Originating(_services.Logger, Id, _caller.Number, _calleeNumber);
        await OpenRecordAsync().ConfigureAwait(false);
        if (!_services.Relay.TryCreateSession((_, leg, silent) => Post(new CallEvent.NoMedia(leg, silent)), out var media))
        {
            CallLog.NoPorts(_services.Logger, Id);
            _originated!.TrySetResult(CallCommandResult.Unavailable);
            _state = CallState.Answered;
            End(CallStatus.Failed, HangupParty.System, "no free RTP ports");
            return;
        }
        _media = media;
        // The call is "answered" for the actor's purposes from the start: its sides are filled by rerouting, one after
        // the other, and nothing comes from a caller INVITE.
        _state = CallState.Answered;
        var realm = _services.Directory.Current.Realm;
        _presence = _services.Presence is { } presence ? CallPresence.ForOriginated(presence, Id, _caller.Number, _calleeNumber, realm) : null;
        // The originator's phone shows the target as the party calling it, and is offered the appliance's own SDP.
        _calleeLeg.Number = _calleeNumber;
        _calleeLeg.LastSdpReceived = ApplianceOffer;
        StartReroute(new CallReroute(_calleeLeg, _callerLeg, _caller.Number, _caller.Number, IsRecall: true, AutoAnswer: true));
        _originated!.TrySetResult(CallCommandResult.Started);
    }

    // The originator's phone answered: now the target rings, offered the originator's SDP. The target answered: the two
    // talk, and the record counts the call as answered from now.
    private void OnOriginatedStep(CallLeg answered)
    {
        if (answered == _callerLeg)
        {
            CallLog.OriginatorAnswered(_services.Logger, Id, _caller.Number, _calleeNumber);
            StartReroute(new CallReroute(answered, _calleeLeg, _calleeNumber, _caller.Number, IsRecall: true, AutoAnswer: false));
            return;
        }
        _bridged = true;
        if (_recordId != 0)
        {
            _services.Records.MarkAnswered(_recordId, _services.Time.GetUtcNow());
        }
    }
}
