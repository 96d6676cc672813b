using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Calls;

/// <summary>Call log events, ids 3100–3199. Every event of a call starts with its correlation id (the caller's Call-ID), so one grep tells one call's story.</summary>
internal static partial class CallLog
{
    [LoggerMessage(3100, LogLevel.Information, "Call {Call}: {Caller} calls {Callee}")]
    public static partial void Started(ILogger logger, string call, string caller, string callee);

    [LoggerMessage(3101, LogLevel.Information, "Call {Call}: refused with {Status} ({Reason})")]
    public static partial void Refused(ILogger logger, string call, int status, string reason);

    [LoggerMessage(3102, LogLevel.Debug, "Call {Call}: ringing {Contact} via {Transport}:{Destination}")]
    public static partial void Forking(ILogger logger, string call, string contact, string transport, string destination);

    [LoggerMessage(3103, LogLevel.Debug, "Call {Call}: {Contact} answered {Status}")]
    public static partial void ForkResponse(ILogger logger, string call, string contact, int status);

    [LoggerMessage(3104, LogLevel.Information, "Call {Call}: answered by {Contact}")]
    public static partial void Answered(ILogger logger, string call, string contact);

    [LoggerMessage(3105, LogLevel.Information, "Call {Call}: ended, {Status}, hung up by {HangupBy}{Detail}; relayed {CallerPackets} RTP packets from the caller and {CalleePackets} from the callee")]
    public static partial void Ended(ILogger logger, string call, string status, string hangupBy, string detail, long callerPackets, long calleePackets);

    [LoggerMessage(3106, LogLevel.Information, "Call {Call}: cancelled by the caller")]
    public static partial void Cancelled(ILogger logger, string call);

    [LoggerMessage(3107, LogLevel.Information, "Call {Call}: no answer after {Seconds} s")]
    public static partial void NoAnswer(ILogger logger, string call, int seconds);

    [LoggerMessage(3108, LogLevel.Debug, "Call {Call}: {Method} from the {Party} passed across")]
    public static partial void Forwarded(ILogger logger, string call, string method, string party);

    [LoggerMessage(3109, LogLevel.Information, "Call {Call}: {Party} {HoldState}")]
    public static partial void Hold(ILogger logger, string call, string party, string holdState);

    [LoggerMessage(3110, LogLevel.Warning, "Call {Call}: no RTP from the {Party} for {Seconds} s, hanging up")]
    public static partial void NoMedia(ILogger logger, string call, string party, int seconds);

    [LoggerMessage(3111, LogLevel.Warning, "Call {Call}: session with the {Party} expired without refresh (RFC 4028), hanging up")]
    public static partial void SessionExpired(ILogger logger, string call, string party);

    [LoggerMessage(3112, LogLevel.Warning, "Call {Call}: the caller never acknowledged the answer, hanging up")]
    public static partial void NoAck(ILogger logger, string call);

    [LoggerMessage(3113, LogLevel.Warning, "Call {Call}: {Method} to the {Party} failed with {Status}, hanging up")]
    public static partial void LegLost(ILogger logger, string call, string method, string party, int status);

    [LoggerMessage(3114, LogLevel.Warning, "Call {Call}: the caller's SDP is unusable: {Reason}")]
    public static partial void BadSdp(ILogger logger, string call, string reason);

    [LoggerMessage(3115, LogLevel.Warning, "Call {Call}: no free RTP ports, refused")]
    public static partial void NoPorts(ILogger logger, string call);

    [LoggerMessage(3116, LogLevel.Error, "Call {Call}: step failed")]
    public static partial void StepFailed(ILogger logger, string call, Exception exception);

    [LoggerMessage(3117, LogLevel.Error, "Call {Call}: the call record could not be written")]
    public static partial void RecordFailed(ILogger logger, string call, Exception exception);

    [LoggerMessage(3118, LogLevel.Information, "Call {Call}: ended by the appliance stopping")]
    public static partial void Interrupted(ILogger logger, string call);

    [LoggerMessage(3120, LogLevel.Information, "Call {Call}: answered by the appliance's {Application} application")]
    public static partial void AnsweredLocally(ILogger logger, string call, string application);

    [LoggerMessage(3121, LogLevel.Information, "Call {Call}: the application ended the call")]
    public static partial void ApplicationEnded(ILogger logger, string call);

    [LoggerMessage(3122, LogLevel.Error, "Call {Call}: the application failed")]
    public static partial void ApplicationFailed(ILogger logger, string call, Exception exception);

    [LoggerMessage(3123, LogLevel.Debug, "Call {Call}: key {Digit} signalled in an INFO")]
    public static partial void InfoDigit(ILogger logger, string call, char digit);

    [LoggerMessage(3119, LogLevel.Debug, "Call {Call}: session refresh with the {Party} ({Seconds} s)")]
    public static partial void Refreshed(ILogger logger, string call, string party, uint seconds);

    [LoggerMessage(3124, LogLevel.Information, "Call {Call}: {By} picks up the call ringing at {Ringing}")]
    public static partial void PickingUp(ILogger logger, string call, string by, string ringing);

    [LoggerMessage(3125, LogLevel.Information, "Call {Call}: {By} transfers {Party} to {Target}")]
    public static partial void Transferring(ILogger logger, string call, string by, string party, string target);

    [LoggerMessage(3126, LogLevel.Information, "Call {Call}: transferred to {Target}")]
    public static partial void Transferred(ILogger logger, string call, string target);

    [LoggerMessage(3127, LogLevel.Information, "Call {Call}: {Target} did not answer the transfer after {Seconds} s")]
    public static partial void RerouteNoAnswer(ILogger logger, string call, string target, int seconds);

    [LoggerMessage(3128, LogLevel.Information, "Call {Call}: {Target} did not take the transfer, recalling {By}")]
    public static partial void Recalling(ILogger logger, string call, string target, string by);

    [LoggerMessage(3129, LogLevel.Information, "Call {Call}: nobody took the call transferred to {Target}, releasing it")]
    public static partial void TransferFailed(ILogger logger, string call, string target);

    [LoggerMessage(3130, LogLevel.Information, "Call {Call}: {By} parks {Party} in slot {Slot}")]
    public static partial void Parking(ILogger logger, string call, string by, string party, string slot);

    [LoggerMessage(3131, LogLevel.Information, "Call {Call}: parked in slot {Slot} for {Seconds} s, recalling {By}")]
    public static partial void ParkRecalling(ILogger logger, string call, string slot, int seconds, string by);

    [LoggerMessage(3132, LogLevel.Information, "Call {Call}: {By} retrieves the call parked in slot {Slot}")]
    public static partial void Retrieving(ILogger logger, string call, string by, string slot);

    [LoggerMessage(3133, LogLevel.Information, "Call {Call}: retrieved from slot {Slot} by {By}")]
    public static partial void Retrieved(ILogger logger, string call, string slot, string by);

    [LoggerMessage(3134, LogLevel.Information, "Call {Call}: nobody took the call parked in slot {Slot}, releasing it")]
    public static partial void ParkAbandoned(ILogger logger, string call, string slot);

    [LoggerMessage(3135, LogLevel.Warning, "Call {Call}: the {Party} refused to be moved ({Status}), hanging up")]
    public static partial void MoveRefused(ILogger logger, string call, string party, int status);

    [LoggerMessage(3136, LogLevel.Information, "Call {Call}: click-to-call from {By} to {Target}, ringing {By} first")]
    public static partial void Originating(ILogger logger, string call, string by, string target);

    [LoggerMessage(3137, LogLevel.Information, "Call {Call}: {By} answered, calling {Target}")]
    public static partial void OriginatorAnswered(ILogger logger, string call, string by, string target);

    [LoggerMessage(3138, LogLevel.Warning, "Call {Call}: {Party} never acknowledged the answer, hanging up")]
    public static partial void Unacknowledged(ILogger logger, string call, string party);

    [LoggerMessage(3139, LogLevel.Information, "Call {Call}: the {Party} sends payload type {InUse} and the transfer target chose {Chosen}: re-offering")]
    public static partial void CodecChanged(ILogger logger, string call, string party, string inUse, string chosen);
}
