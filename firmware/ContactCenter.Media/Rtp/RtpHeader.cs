using System.Buffers.Binary;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// Minimal, allocation-free checks of the RTP and RTCP fixed headers (RFC 3550 §5.1 and §6.4). The relay never
/// rewrites a packet; it only needs to know that a datagram is plausibly media before it trusts its source.
/// </summary>
public static class RtpHeader
{
    /// <summary>The size of the RTP fixed header (RFC 3550 §5.1).</summary>
    public const int FixedHeaderSize = 12;

    /// <summary>The size of the smallest RTCP packet, an empty receiver report (RFC 3550 §6.4.2).</summary>
    public const int MinimumRtcpSize = 8;

    /// <summary>
    /// Classifies a datagram. The second byte distinguishes RTCP from RTP as in RFC 5761 §4: RTCP packet types
    /// 192–223 would be RTP payload types 64–95 with the marker bit set, a range that RTP avoids.
    /// </summary>
    /// <param name="datagram">The received bytes.</param>
    /// <returns>The kind; <see cref="RtpPacketKind.Invalid"/> for anything that is neither.</returns>
    public static RtpPacketKind Classify(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < MinimumRtcpSize || (datagram[0] >> 6) != 2)
        {
            return RtpPacketKind.Invalid;
        }

        byte second = datagram[1];
        if (second is >= 192 and <= 223)
        {
            return RtpPacketKind.Rtcp;
        }

        return datagram.Length >= FixedHeaderSize ? RtpPacketKind.Rtp : RtpPacketKind.Invalid;
    }

    /// <summary>Reads the synchronisation source of an RTP packet (bytes 8–11).</summary>
    /// <param name="packet">An RTP packet of at least <see cref="FixedHeaderSize"/> bytes.</param>
    /// <returns>The SSRC.</returns>
    public static uint ReadSsrc(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);

    /// <summary>Reads the sequence number of an RTP packet (bytes 2–3).</summary>
    /// <param name="packet">An RTP packet of at least <see cref="FixedHeaderSize"/> bytes.</param>
    /// <returns>The sequence number.</returns>
    public static ushort ReadSequenceNumber(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);

    /// <summary>Reads the payload type of an RTP packet (the low 7 bits of byte 1).</summary>
    /// <param name="packet">An RTP packet of at least <see cref="FixedHeaderSize"/> bytes.</param>
    /// <returns>The payload type, 0–127.</returns>
    public static int ReadPayloadType(ReadOnlySpan<byte> packet) => packet[1] & 0x7F;
}
