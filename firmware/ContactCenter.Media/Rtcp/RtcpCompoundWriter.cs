using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>
/// Writes the compound RTCP packets a two-party endpoint sends (RFC 3550 §6.1): an SR when it has sent RTP since the
/// previous report, otherwise an RR, then an SDES with its CNAME, then, when it leaves, a BYE. The shape is fixed by
/// the signature, so a compound without a report or a CNAME cannot be written. Writes into the caller's buffer and
/// never allocates.
/// </summary>
public static class RtcpCompoundWriter
{
    /// <summary>The most report blocks one SR or RR holds (the 5-bit count).</summary>
    public const int MaxReportBlocks = 31;

    /// <summary>The longest CNAME (an SDES item length is one octet).</summary>
    public const int MaxCnameLength = 255;

    /// <summary>The bytes <see cref="Write"/> needs for these contents.</summary>
    /// <param name="isSender">Whether the report is an SR.</param>
    /// <param name="reportBlocks">The number of report blocks.</param>
    /// <param name="cnameLength">The CNAME's length in bytes.</param>
    /// <param name="goodbye">Whether a BYE is appended.</param>
    /// <param name="goodbyeReasonLength">The BYE reason's length in bytes (0 for none).</param>
    /// <returns>The compound packet's length.</returns>
    public static int GetLength(bool isSender, int reportBlocks, int cnameLength, bool goodbye = false, int goodbyeReasonLength = 0) =>
        ReportLength(isSender, reportBlocks) + SourceDescriptionLength(cnameLength) + (goodbye ? GoodbyeLength(goodbyeReasonLength) : 0);

    /// <summary>Writes a compound packet: SR or RR, SDES CNAME, and optionally BYE.</summary>
    /// <param name="destination">The buffer, at least <see cref="GetLength"/> long.</param>
    /// <param name="ssrc">The sender's SSRC (the same as its RTP stream's).</param>
    /// <param name="senderInfo">The sender information for an SR; null for an RR.</param>
    /// <param name="reportBlocks">One block per source received since the last report, at most 31.</param>
    /// <param name="cname">The CNAME in UTF-8, 1–255 bytes (§6.5.1: e.g. <c>user@host</c>).</param>
    /// <param name="goodbye">Whether to append a BYE for <paramref name="ssrc"/> (§6.6).</param>
    /// <param name="goodbyeReason">An optional BYE reason in UTF-8, at most 255 bytes.</param>
    /// <returns>The compound packet's length.</returns>
    public static int Write(
        Span<byte> destination,
        uint ssrc,
        RtcpSenderInfo? senderInfo,
        ReadOnlySpan<RtcpReportBlock> reportBlocks,
        ReadOnlySpan<byte> cname,
        bool goodbye = false,
        ReadOnlySpan<byte> goodbyeReason = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reportBlocks.Length, MaxReportBlocks, nameof(reportBlocks));
        if (cname.IsEmpty || cname.Length > MaxCnameLength)
        {
            throw new ArgumentOutOfRangeException(nameof(cname), cname.Length, "A CNAME is 1 to 255 bytes.");
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(goodbyeReason.Length, 255, nameof(goodbyeReason));
        int length = GetLength(senderInfo.HasValue, reportBlocks.Length, cname.Length, goodbye, goodbyeReason.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, length, nameof(destination));

        int offset = WriteReport(destination, ssrc, senderInfo, reportBlocks);
        offset += WriteSourceDescription(destination[offset..], ssrc, cname);
        if (goodbye)
        {
            offset += WriteGoodbye(destination[offset..], ssrc, goodbyeReason);
        }

        return offset;
    }

    private static int ReportLength(bool isSender, int blocks) => 8 + (isSender ? 20 : 0) + (RtcpReportBlock.Size * blocks);

    // Header, SSRC, the CNAME item (type, length, text), then at least one null octet up to a 32-bit boundary (§6.5).
    private static int SourceDescriptionLength(int cnameLength) => 4 + RtcpCompoundReader.AlignChunkEnd(4 + 2 + cnameLength);

    private static int GoodbyeLength(int reasonLength) => 8 + (reasonLength == 0 ? 0 : (1 + reasonLength + 3) & ~3);

    private static int WriteReport(Span<byte> destination, uint ssrc, RtcpSenderInfo? senderInfo, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        int length = ReportLength(senderInfo.HasValue, blocks.Length);
        WriteHeader(destination, blocks.Length, senderInfo.HasValue ? RtcpPacketType.SenderReport : RtcpPacketType.ReceiverReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        int offset = 8;
        if (senderInfo is { } info)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination[8..], info.NtpTimestamp.Value);
            BinaryPrimitives.WriteUInt32BigEndian(destination[16..], info.RtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[20..], info.PacketCount);
            BinaryPrimitives.WriteUInt32BigEndian(destination[24..], info.OctetCount);
            offset = 28;
        }

        foreach (var block in blocks)
        {
            block.Write(destination[offset..]);
            offset += RtcpReportBlock.Size;
        }

        return length;
    }

    private static int WriteSourceDescription(Span<byte> destination, uint ssrc, ReadOnlySpan<byte> cname)
    {
        int length = SourceDescriptionLength(cname.Length);
        WriteHeader(destination, 1, RtcpPacketType.SourceDescription, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = (byte)RtcpSourceDescriptionItem.CanonicalName;
        destination[9] = (byte)cname.Length;
        cname.CopyTo(destination[10..]);
        destination[(10 + cname.Length)..length].Clear();
        return length;
    }

    private static int WriteGoodbye(Span<byte> destination, uint ssrc, ReadOnlySpan<byte> reason)
    {
        int length = GoodbyeLength(reason.Length);
        WriteHeader(destination, 1, RtcpPacketType.Goodbye, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        if (!reason.IsEmpty)
        {
            destination[8] = (byte)reason.Length;
            reason.CopyTo(destination[9..]);
            destination[(9 + reason.Length)..length].Clear();
        }

        return length;
    }

    private static void WriteHeader(Span<byte> destination, int count, RtcpPacketType type, int length)
    {
        destination[0] = (byte)(0x80 | count);
        destination[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
    }
}
