using System.Net;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip;

internal static partial class SipStackLog
{
    [LoggerMessage(1001, LogLevel.Warning, "Refused a SIP message from {Remote} over {Protocol}: {Reason} (further ones from this source are not logged for a minute)")]
    public static partial void BadMessage(ILogger logger, IPEndPoint remote, SipTransportProtocol protocol, string reason);

    [LoggerMessage(1002, LogLevel.Error, "SIP core work item {Kind} failed; the loop goes on")]
    public static partial void LoopFault(ILogger logger, string kind, Exception exception);

    [LoggerMessage(1003, LogLevel.Warning, "Could not send {Method} transaction message to {Remote}")]
    public static partial void TransportError(ILogger logger, string method, IPEndPoint remote);

    [LoggerMessage(1004, LogLevel.Debug, "ACK matched no transaction (Call-ID {CallId})")]
    public static partial void StrayAck(ILogger logger, string callId);

    [LoggerMessage(1005, LogLevel.Debug, "Response {StatusCode} matched no transaction (Call-ID {CallId})")]
    public static partial void StrayResponse(ILogger logger, int statusCode, string callId);

    [LoggerMessage(1101, LogLevel.Warning, "No ACK for the final response of INVITE {CallId} from {Remote} (Timer H)")]
    public static partial void AckTimeout(ILogger logger, string callId, IPEndPoint remote);
}
