using System.Buffers.Binary;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// A received RTP packet read in place (RFC 3550 §5.1, §5.3.1): the fixed header fields, the CSRC list, the header
/// extension and the payload as slices of the datagram. Nothing is copied; the view lives as long as the buffer.
/// </summary>
public readonly ref struct RtpPacket
{
    private readonly ReadOnlySpan<byte> _datagram;
    private readonly int _extensionOffset;
    private readonly int _payloadOffset;
    private readonly int _paddingLength;

    private RtpPacket(ReadOnlySpan<byte> datagram, int extensionOffset, int payloadOffset, int paddingLength)
    {
        _datagram = datagram;
        _extensionOffset = extensionOffset;
        _payloadOffset = payloadOffset;
        _paddingLength = paddingLength;
    }

    /// <summary>The version field; always 2 for a packet that was read.</summary>
    public int Version => _datagram[0] >> 6;

    /// <summary>The P bit: padding octets end the packet (their count is <see cref="PaddingLength"/>).</summary>
    public bool HasPadding => (_datagram[0] & 0x20) != 0;

    /// <summary>The X bit: a header extension follows the CSRC list.</summary>
    public bool HasExtension => (_datagram[0] & 0x10) != 0;

    /// <summary>The number of CSRC identifiers, 0–15.</summary>
    public int CsrcCount => _datagram[0] & 0x0F;

    /// <summary>The marker bit: for audio, the first packet of a talkspurt (RFC 3551 §4.1) or of an RFC 4733 event.</summary>
    public bool Marker => (_datagram[1] & 0x80) != 0;

    /// <summary>The payload type, 0–127.</summary>
    public int PayloadType => _datagram[1] & 0x7F;

    /// <summary>The sequence number.</summary>
    public ushort SequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(_datagram[2..]);

    /// <summary>The media timestamp.</summary>
    public uint Timestamp => BinaryPrimitives.ReadUInt32BigEndian(_datagram[4..]);

    /// <summary>The synchronisation source.</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_datagram[8..]);

    /// <summary>The profile-defined 16 bits that open the header extension; 0 without one.</summary>
    public ushort ExtensionProfile => HasExtension ? BinaryPrimitives.ReadUInt16BigEndian(_datagram[_extensionOffset..]) : (ushort)0;

    /// <summary>The header extension's data words (after its 4-byte preamble); empty without one.</summary>
    public ReadOnlySpan<byte> ExtensionData => HasExtension ? _datagram[(_extensionOffset + 4).._payloadOffset] : [];

    /// <summary>The payload, without padding.</summary>
    public ReadOnlySpan<byte> Payload => _datagram[_payloadOffset..(_datagram.Length - _paddingLength)];

    /// <summary>Padding octets at the end of the packet (including the count octet); 0 without padding.</summary>
    public int PaddingLength => _paddingLength;

    /// <summary>The whole datagram's length.</summary>
    public int Length => _datagram.Length;

    /// <summary>Reads one of the contributing sources.</summary>
    /// <param name="index">0 to <see cref="CsrcCount"/> − 1.</param>
    /// <returns>The CSRC.</returns>
    public uint GetCsrc(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, CsrcCount);
        return BinaryPrimitives.ReadUInt32BigEndian(_datagram[(RtpHeader.FixedHeaderSize + (4 * index))..]);
    }

    /// <summary>
    /// Reads a datagram as RTP. Malformed input is a status, never an exception. RTCP multiplexed on the same port
    /// (RFC 5761) is not told apart here: use <see cref="RtpHeader.Classify"/> first where that matters.
    /// </summary>
    /// <param name="datagram">The received bytes.</param>
    /// <param name="packet">The view of the packet when the status is <see cref="RtpReadStatus.Ok"/>.</param>
    /// <returns>Why the datagram is not a well-formed RTP packet, or <see cref="RtpReadStatus.Ok"/>.</returns>
    public static RtpReadStatus TryRead(ReadOnlySpan<byte> datagram, out RtpPacket packet)
    {
        packet = default;
        if (datagram.Length < RtpHeader.FixedHeaderSize)
        {
            return RtpReadStatus.TooShort;
        }

        if ((datagram[0] >> 6) != 2)
        {
            return RtpReadStatus.UnsupportedVersion;
        }

        int offset = RtpHeader.FixedHeaderSize + (4 * (datagram[0] & 0x0F));
        if (offset > datagram.Length)
        {
            return RtpReadStatus.TruncatedCsrcList;
        }

        int extensionOffset = offset;
        if ((datagram[0] & 0x10) != 0)
        {
            // §5.3.1: 16 bits defined by profile, a 16-bit length in 32-bit words excluding this 4-byte preamble.
            if (offset + 4 > datagram.Length)
            {
                return RtpReadStatus.TruncatedExtension;
            }

            offset += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]));
            if (offset > datagram.Length)
            {
                return RtpReadStatus.TruncatedExtension;
            }
        }

        int padding = 0;
        if ((datagram[0] & 0x20) != 0)
        {
            // §5.1: the last octet counts the padding, itself included, so it cannot be 0.
            padding = datagram.Length > offset ? datagram[^1] : 0;
            if (padding == 0 || offset + padding > datagram.Length)
            {
                return RtpReadStatus.InvalidPadding;
            }
        }

        packet = new RtpPacket(datagram, extensionOffset, offset, padding);
        return RtpReadStatus.Ok;
    }
}
