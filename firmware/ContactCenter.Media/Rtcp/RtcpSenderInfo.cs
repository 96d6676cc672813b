namespace ContactCenter.Media.Rtcp;

/// <summary>The sender information of an SR (RFC 3550 §6.4.1).</summary>
/// <param name="NtpTimestamp">The wall-clock time at which the report was sent.</param>
/// <param name="RtpTimestamp">The same instant in the RTP timestamp units of the sender's stream.</param>
/// <param name="PacketCount">RTP packets sent since the start of transmission (modulo 2^32).</param>
/// <param name="OctetCount">RTP payload octets sent since the start of transmission (modulo 2^32).</param>
public readonly record struct RtcpSenderInfo(NtpTimestamp NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount);
