using System.Buffers.Binary;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Rtcp;

/// <summary>One reception report block of an SR or RR (RFC 3550 §6.4.1): what the reporter received from one source.</summary>
/// <param name="Ssrc">The source this block is about (SSRC_n).</param>
/// <param name="FractionLost">Packets lost since the previous report, in 1/256 units.</param>
/// <param name="CumulativeLost">Packets lost since reception began, a signed 24-bit value (duplicates make it negative).</param>
/// <param name="ExtendedHighestSequence">The highest sequence number received, with the wrap count in the high 16 bits.</param>
/// <param name="Jitter">The interarrival jitter in RTP timestamp units (Appendix A.8).</param>
/// <param name="LastSenderReport">LSR: the middle 32 bits of the NTP timestamp of the last SR received from the source; 0 if none.</param>
/// <param name="DelaySinceLastSenderReport">DLSR: the time since that SR was received, in 1/65536 s; 0 if none.</param>
public readonly record struct RtcpReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport)
{
    /// <summary>The size of a report block.</summary>
    public const int Size = 24;

    private const int MaxCumulativeLost = 0x7FFFFF;
    private const int MinCumulativeLost = -0x800000;

    /// <summary>
    /// Makes the block for the source <paramref name="statistics"/> currently follows and starts its next
    /// fraction-lost interval (Appendix A.3); the cumulative loss is clamped to 24 bits as §6.4.1 asks.
    /// </summary>
    /// <param name="statistics">The reception statistics of the reported stream; must have a source.</param>
    /// <param name="lastSenderReport">The LSR for that source, 0 before its first SR.</param>
    /// <param name="delaySinceLastSenderReport">The DLSR, 0 before its first SR.</param>
    /// <returns>The block.</returns>
    public static RtcpReportBlock Take(RtpReceiveStatistics statistics, uint lastSenderReport, uint delaySinceLastSenderReport)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (!statistics.HasSource)
        {
            throw new InvalidOperationException("No source has been validated yet: an RR then carries no block (RFC 3550 §6.4.2).");
        }

        return new RtcpReportBlock(
            statistics.Ssrc,
            statistics.TakeFractionLost(),
            (int)Math.Clamp(statistics.SourceCumulativeLost, MinCumulativeLost, MaxCumulativeLost),
            statistics.ExtendedHighestSequence,
            statistics.JitterTimestampUnits,
            lastSenderReport,
            delaySinceLastSenderReport);
    }

    internal static RtcpReportBlock Read(ReadOnlySpan<byte> block)
    {
        // The cumulative loss is the low 24 bits of the second word, sign-extended.
        uint second = BinaryPrimitives.ReadUInt32BigEndian(block[4..]);
        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(block),
            (byte)(second >> 24),
            (int)(second << 8) >> 8,
            BinaryPrimitives.ReadUInt32BigEndian(block[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(block[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(block[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(block[20..]));
    }

    internal void Write(Span<byte> block)
    {
        int lost = Math.Clamp(CumulativeLost, MinCumulativeLost, MaxCumulativeLost);
        BinaryPrimitives.WriteUInt32BigEndian(block, Ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(block[4..], ((uint)FractionLost << 24) | ((uint)lost & 0xFFFFFF));
        BinaryPrimitives.WriteUInt32BigEndian(block[8..], ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(block[12..], Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(block[16..], LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(block[20..], DelaySinceLastSenderReport);
    }
}
