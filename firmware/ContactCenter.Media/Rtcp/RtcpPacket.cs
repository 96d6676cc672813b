using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>
/// One packet of a compound RTCP packet, read in place. Obtained from <see cref="RtcpCompoundReader"/>, which has
/// checked its lengths, so the accessors below never read past it.
/// </summary>
public readonly ref struct RtcpPacket
{
    private const int SenderInfoSize = 20;

    internal RtcpPacket(ReadOnlySpan<byte> packet, int paddingLength)
    {
        Raw = packet;
        Body = packet[4..(packet.Length - paddingLength)];
    }

    /// <summary>The packet type; compare with <see cref="RtcpPacketType"/> (unknown types keep their number).</summary>
    public RtcpPacketType Type => (RtcpPacketType)Raw[1];

    /// <summary>The 5-bit count of the first byte: report blocks (SR, RR), chunks (SDES), sources (BYE) or subtype (APP).</summary>
    public int Count => Raw[0] & 0x1F;

    /// <summary>The whole packet, header and padding included.</summary>
    public ReadOnlySpan<byte> Raw { get; }

    /// <summary>What follows the 4-byte header, padding excluded.</summary>
    public ReadOnlySpan<byte> Body { get; }

    /// <summary>The first 32-bit word: the sender's SSRC of an SR, RR or APP, the first source of an SDES or BYE; 0 if absent.</summary>
    public uint Ssrc => Body.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(Body) : 0;

    /// <summary>The sender information of an SR.</summary>
    public RtcpSenderInfo SenderInfo
    {
        get
        {
            if (Type != RtcpPacketType.SenderReport)
            {
                throw new InvalidOperationException("Only a sender report carries sender information.");
            }

            return new RtcpSenderInfo(
                new NtpTimestamp(BinaryPrimitives.ReadUInt64BigEndian(Body[4..])),
                BinaryPrimitives.ReadUInt32BigEndian(Body[12..]),
                BinaryPrimitives.ReadUInt32BigEndian(Body[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(Body[20..]));
        }
    }

    /// <summary>The number of report blocks of an SR or RR; 0 for other types.</summary>
    public int ReportBlockCount => Type is RtcpPacketType.SenderReport or RtcpPacketType.ReceiverReport ? Count : 0;

    /// <summary>Reads one report block of an SR or RR.</summary>
    /// <param name="index">0 to <see cref="ReportBlockCount"/> − 1.</param>
    /// <returns>The block.</returns>
    public RtcpReportBlock GetReportBlock(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ReportBlockCount);
        int first = Type == RtcpPacketType.SenderReport ? 4 + SenderInfoSize : 4;
        return RtcpReportBlock.Read(Body[(first + (RtcpReportBlock.Size * index))..]);
    }

    /// <summary>Finds the CNAME item (§6.5.1) that an SDES packet gives for a source.</summary>
    /// <param name="ssrc">The source.</param>
    /// <param name="cname">The CNAME's UTF-8 bytes when found.</param>
    /// <returns>Whether the packet is an SDES with a CNAME for that source.</returns>
    public bool TryGetCname(uint ssrc, out ReadOnlySpan<byte> cname)
    {
        cname = default;
        if (Type != RtcpPacketType.SourceDescription)
        {
            return false;
        }

        var chunks = Body;
        for (int i = 0; i < Count; i++)
        {
            uint source = BinaryPrimitives.ReadUInt32BigEndian(chunks);
            int offset = 4;
            while (chunks[offset] != 0)
            {
                int length = chunks[offset + 1];
                if (source == ssrc && chunks[offset] == (byte)RtcpSourceDescriptionItem.CanonicalName)
                {
                    cname = chunks.Slice(offset + 2, length);
                    return true;
                }

                offset += 2 + length;
            }

            chunks = chunks[RtcpCompoundReader.AlignChunkEnd(offset)..];
        }

        return false;
    }

    /// <summary>One of the sources a BYE says are leaving.</summary>
    /// <param name="index">0 to <see cref="Count"/> − 1.</param>
    /// <returns>The SSRC or CSRC.</returns>
    public uint GetGoodbyeSource(int index)
    {
        if (Type != RtcpPacketType.Goodbye)
        {
            throw new InvalidOperationException("Only a BYE lists leaving sources.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return BinaryPrimitives.ReadUInt32BigEndian(Body[(4 * index)..]);
    }

    /// <summary>The reason a BYE gives (UTF-8), empty when it gives none.</summary>
    public ReadOnlySpan<byte> GoodbyeReason
    {
        get
        {
            int offset = 4 * Count;
            return Type != RtcpPacketType.Goodbye || Body.Length <= offset ? [] : Body.Slice(offset + 1, Body[offset]);
        }
    }
}
