using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// The sending side of one RTP stream (RFC 3550 §5.1): one SSRC, a sequence number that goes up by one per packet, and
/// a media timestamp the caller advances by one frame's worth of clock units per tick. Writes the 12-byte fixed header
/// in front of a payload the caller has already put in its own buffer; never allocates. Not thread-safe: one sender (the
/// media clock thread) owns it.
/// </summary>
/// <remarks>
/// Per tick an endpoint writes the payload at <c>buffer[RtpHeader.FixedHeaderSize..]</c>, calls
/// <see cref="WriteMedia"/>, sends the returned length, then calls <see cref="AdvanceTimestamp"/> by the codec's
/// timestamp step. A tick without a packet (silence suppression, hold) still advances the timestamp, so the receiver
/// sees the gap in time, and the next packet is marked after <see cref="BeginTalkspurt"/>.
/// </remarks>
public sealed class RtpPacketizer
{
    private bool _talkspurtPending = true;

    /// <summary>Creates a packetizer with given starting values (tests, or a sender that must continue a stream).</summary>
    /// <param name="ssrc">The synchronisation source identifier.</param>
    /// <param name="firstSequenceNumber">The sequence number of the first packet.</param>
    /// <param name="firstTimestamp">The timestamp of the first frame.</param>
    public RtpPacketizer(uint ssrc, ushort firstSequenceNumber, uint firstTimestamp)
    {
        Ssrc = ssrc;
        SequenceNumber = firstSequenceNumber;
        Timestamp = firstTimestamp;
    }

    /// <summary>
    /// Creates a packetizer with a random SSRC (RFC 3550 §8.1), a random first sequence number and a random first
    /// timestamp (§5.1: both random so that known-plaintext attacks on encrypted streams are harder).
    /// </summary>
    /// <returns>A new packetizer.</returns>
    public static RtpPacketizer CreateRandom()
    {
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        return new RtpPacketizer(
            BinaryPrimitives.ReadUInt32BigEndian(random),
            BinaryPrimitives.ReadUInt16BigEndian(random[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(random[6..]));
    }

    /// <summary>The SSRC written into every packet.</summary>
    public uint Ssrc { get; }

    /// <summary>The sequence number the next packet will carry.</summary>
    public ushort SequenceNumber { get; private set; }

    /// <summary>The media timestamp of the current frame: what <see cref="WriteMedia"/> writes.</summary>
    public uint Timestamp { get; private set; }

    /// <summary>Packets written so far: the sender's packet count of an RTCP sender report (RFC 3550 §6.4.1).</summary>
    public long PacketCount { get; private set; }

    /// <summary>Payload octets written so far (headers and padding excluded): the sender's octet count of §6.4.1.</summary>
    public long OctetCount { get; private set; }

    /// <summary>Moves the media timestamp on by one frame (or by several, after frames that were not sent).</summary>
    /// <param name="clockUnits">Timestamp units, e.g. <c>AudioCodec.TimestampStepPerFrame</c>; wraps modulo 2^32.</param>
    public void AdvanceTimestamp(int clockUnits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clockUnits);
        Timestamp = unchecked(Timestamp + (uint)clockUnits);
    }

    /// <summary>
    /// Marks the next media packet as the first of a talkspurt (RFC 3551 §4.1): call when sending resumes after
    /// silence suppression or hold. The first packet of the stream is marked without this call.
    /// </summary>
    public void BeginTalkspurt() => _talkspurtPending = true;

    /// <summary>
    /// Writes the header of the next audio packet at the current <see cref="Timestamp"/>, with the marker bit when a
    /// talkspurt begins.
    /// </summary>
    /// <param name="packet">The caller's buffer; the payload is already (or will be) at offset 12.</param>
    /// <param name="payloadType">The payload type, 0–127.</param>
    /// <param name="payloadLength">The payload length in bytes.</param>
    /// <returns>The packet length to send: 12 + <paramref name="payloadLength"/>.</returns>
    public int WriteMedia(Span<byte> packet, int payloadType, int payloadLength)
    {
        int length = Write(packet, payloadType, _talkspurtPending, Timestamp, payloadLength);
        _talkspurtPending = false;
        return length;
    }

    /// <summary>
    /// Writes the header of a telephone-event packet (RFC 4733 §2.3): every packet of one event carries the event's
    /// start timestamp (§2.3.1), and the marker bit is set on the first packet of the event (§2.3.2).
    /// </summary>
    /// <param name="packet">The caller's buffer; the 4-byte event payload at offset 12.</param>
    /// <param name="payloadType">The negotiated telephone-event payload type.</param>
    /// <param name="payloadLength">The payload length in bytes.</param>
    /// <param name="eventTimestamp">The <see cref="Timestamp"/> at which the event began.</param>
    /// <param name="firstOfEvent">Whether this is the first packet of the event.</param>
    /// <returns>The packet length to send.</returns>
    public int WriteEvent(Span<byte> packet, int payloadType, int payloadLength, uint eventTimestamp, bool firstOfEvent) =>
        Write(packet, payloadType, firstOfEvent, eventTimestamp, payloadLength);

    private int Write(Span<byte> packet, int payloadType, bool marker, uint timestamp, int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadType);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, 127);
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        int length = RtpHeader.FixedHeaderSize + payloadLength;
        ArgumentOutOfRangeException.ThrowIfLessThan(packet.Length, length, nameof(packet));

        // V=2, no padding, no extension, no CSRC (§5.1): the appliance is the only contributor of what it sends.
        packet[0] = 0x80;
        packet[1] = (byte)((marker ? 0x80 : 0) | payloadType);
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], Ssrc);
        SequenceNumber = unchecked((ushort)(SequenceNumber + 1));
        PacketCount++;
        OctetCount += payloadLength;
        return length;
    }
}
