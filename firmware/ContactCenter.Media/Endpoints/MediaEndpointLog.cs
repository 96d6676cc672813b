using System.Net;
using ContactCenter.Media.Sdp;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Endpoints;

/// <summary>Source-generated log lines of the RTP endpoints (event IDs 2220–2239). Per endpoint or negotiation, never per packet.</summary>
internal static partial class MediaEndpointLog
{
    [LoggerMessage(2220, LogLevel.Debug, "Media endpoint {EndpointId} opened on {Local}")]
    public static partial void Opened(ILogger logger, long endpointId, IPEndPoint local);

    [LoggerMessage(2221, LogLevel.Information, "Media endpoint {EndpointId} negotiated {Codec} (PT {PayloadType}), telephone-event {TelephoneEvent}, {Direction}, remote {Remote}")]
    public static partial void Negotiated(ILogger logger, long endpointId, string codec, int payloadType, int? telephoneEvent, SdpDirection direction, IPEndPoint? remote);

    [LoggerMessage(2222, LogLevel.Information, "Media endpoint {EndpointId} {Stream} latched to {Remote}")]
    public static partial void Latched(ILogger logger, long endpointId, string stream, IPEndPoint remote);

    [LoggerMessage(2223, LogLevel.Warning, "Media endpoint {EndpointId} {Stream}: receive failed; the loop continues")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception, long endpointId, string stream);

    [LoggerMessage(2224, LogLevel.Information, "Media endpoint {EndpointId} closed; sent {PacketsSent} RTP packets, received {PacketsReceived}; jitter buffer: {Played} played, {Lost} lost, {Late} late, {Underruns} underruns, delay {DelayMilliseconds} ms")]
    public static partial void Closed(ILogger logger, long endpointId, long packetsSent, long packetsReceived, long played, long lost, long late, long underruns, int delayMilliseconds);

    [LoggerMessage(2225, LogLevel.Debug, "Media endpoint {EndpointId} refused an SDP body ({Status} at line {Line})")]
    public static partial void BadSdp(ILogger logger, long endpointId, SdpParseStatus status, int line);

    [LoggerMessage(2226, LogLevel.Warning, "Media endpoint {EndpointId} dropped digit {Digit}: the digit queue is full")]
    public static partial void DigitDropped(ILogger logger, long endpointId, char digit);
}
