using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Relay;

/// <summary>Source-generated log lines of the relay (event IDs 2000–2099). Per session, never per packet.</summary>
internal static partial class RelayLog
{
    [LoggerMessage(2000, LogLevel.Warning, "RTP port range exhausted: {InUse} of {Capacity} pairs in use or unbindable")]
    public static partial void PortsExhausted(ILogger logger, int capacity, int inUse);

    [LoggerMessage(2001, LogLevel.Debug, "Could not bind the RTP pair {Address}:{Port} ({Error}); trying the next pair")]
    public static partial void PortBindFailed(ILogger logger, IPAddress address, int port, SocketError error);

    [LoggerMessage(2002, LogLevel.Debug, "Relay session {SessionId} opened: leg A {LocalA}, leg B {LocalB}")]
    public static partial void SessionOpened(ILogger logger, long sessionId, IPEndPoint localA, IPEndPoint localB);

    [LoggerMessage(2003, LogLevel.Information, "Relay session {SessionId} leg {Leg} {Stream} latched to {Remote} (was {Previous})")]
    public static partial void Latched(ILogger logger, long sessionId, RtpRelayLeg leg, string stream, IPEndPoint remote, IPEndPoint? previous);

    [LoggerMessage(2004, LogLevel.Information, "Relay session {SessionId} closed; A: {PacketsA} RTP packets ({BytesA} bytes), {InvalidA} invalid, {ForeignA} foreign, {UndeliverableA} undeliverable; B: {PacketsB} RTP packets ({BytesB} bytes), {InvalidB} invalid, {ForeignB} foreign, {UndeliverableB} undeliverable")]
    public static partial void SessionClosed(
        ILogger logger, long sessionId,
        long packetsA, long bytesA, long invalidA, long foreignA, long undeliverableA,
        long packetsB, long bytesB, long invalidB, long foreignB, long undeliverableB);

    [LoggerMessage(2005, LogLevel.Warning, "Relay session {SessionId} leg {Leg} {Stream}: receive failed; the loop continues")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception, long sessionId, RtpRelayLeg leg, string stream);

    [LoggerMessage(2006, LogLevel.Information, "Relay session {SessionId} leg {Leg}: no RTP for {SilentFor}")]
    public static partial void NoMedia(ILogger logger, long sessionId, RtpRelayLeg leg, TimeSpan silentFor);

    [LoggerMessage(2007, LogLevel.Error, "Relay session {SessionId}: the no-media handler failed")]
    public static partial void NoMediaHandlerFailed(ILogger logger, Exception exception, long sessionId);

    [LoggerMessage(2008, LogLevel.Debug, "Relay session {SessionId} leg {Leg} {Stream}: remote set from SDP to {Remote}")]
    public static partial void RemoteSet(ILogger logger, long sessionId, RtpRelayLeg leg, string stream, IPEndPoint? remote);

    [LoggerMessage(2009, LogLevel.Information, "Relay session {SessionId} leg {Leg} quality: {Packets} RTP packets counted, {Lost} lost ({LossPercent:F2} %), mean jitter {JitterMs:F1} ms, RTT {RoundTripMs} ms, MOS {Mos:F2}")]
    public static partial void LegQuality(ILogger logger, long sessionId, RtpRelayLeg leg, long packets, long lost, double lossPercent, double jitterMs, double? roundTripMs, double mos);
}
