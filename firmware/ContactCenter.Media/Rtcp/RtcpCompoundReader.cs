using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>
/// Walks the packets of a compound RTCP packet. <see cref="TryCreate"/> first checks the whole datagram as RFC 3550
/// Appendix A.2 describes (version 2, a report first, padding only at the end, lengths that add up to the datagram)
/// and the inner structure of SR, RR, SDES and BYE; packets of other types are passed over with their length checked.
/// Malformed input is a status, never an exception. Allocation-free.
/// </summary>
public ref struct RtcpCompoundReader
{
    private const int HeaderSize = 4;

    private ReadOnlySpan<byte> _remaining;

    private RtcpCompoundReader(ReadOnlySpan<byte> compound) => _remaining = compound;

    /// <summary>Checks a received compound packet and, when it is well-formed, gives a reader over it.</summary>
    /// <param name="compound">The datagram.</param>
    /// <param name="reader">The reader, positioned before the first packet, when the status is Ok.</param>
    /// <returns>The first problem found, or <see cref="RtcpReadStatus.Ok"/>.</returns>
    public static RtcpReadStatus TryCreate(ReadOnlySpan<byte> compound, out RtcpCompoundReader reader)
    {
        reader = default;
        if (compound.Length < HeaderSize)
        {
            return RtcpReadStatus.TooShort;
        }

        if (compound[1] is not ((byte)RtcpPacketType.SenderReport or (byte)RtcpPacketType.ReceiverReport))
        {
            return RtcpReadStatus.NotAReport;
        }

        var rest = compound;
        while (!rest.IsEmpty)
        {
            var status = CheckPacket(rest, out int length);
            if (status != RtcpReadStatus.Ok)
            {
                return status;
            }

            rest = rest[length..];
        }

        reader = new RtcpCompoundReader(compound);
        return RtcpReadStatus.Ok;
    }

    /// <summary>Moves to the next packet.</summary>
    /// <param name="packet">The packet, when there is one.</param>
    /// <returns>False after the last packet.</returns>
    public bool TryReadNext(out RtcpPacket packet)
    {
        if (_remaining.Length < HeaderSize)
        {
            packet = default;
            return false;
        }

        int length = PacketLength(_remaining);
        var raw = _remaining[..length];
        packet = new RtcpPacket(raw, HasPadding(raw) ? raw[^1] : 0);
        _remaining = _remaining[length..];
        return true;
    }

    /// <summary>The end of an SDES chunk whose item list ends at <paramref name="endItemOffset"/>: the null item and padding to 32 bits (§6.5).</summary>
    internal static int AlignChunkEnd(int endItemOffset) => (endItemOffset + 4) & ~3;

    private static int PacketLength(ReadOnlySpan<byte> packet) => 4 * (BinaryPrimitives.ReadUInt16BigEndian(packet[2..]) + 1);

    private static bool HasPadding(ReadOnlySpan<byte> packet) => (packet[0] & 0x20) != 0;

    private static RtcpReadStatus CheckPacket(ReadOnlySpan<byte> rest, out int length)
    {
        length = 0;
        if (rest.Length < HeaderSize)
        {
            return RtcpReadStatus.TooShort;
        }

        if ((rest[0] >> 6) != 2)
        {
            return RtcpReadStatus.UnsupportedVersion;
        }

        length = PacketLength(rest);
        if (length > rest.Length)
        {
            return RtcpReadStatus.LengthMismatch;
        }

        var packet = rest[..length];
        int padding = 0;
        if (HasPadding(packet))
        {
            // §6.4.1: only the last packet of a compound may be padded, and the count includes itself.
            padding = packet[^1];
            if (length != rest.Length || padding == 0 || padding > length - HeaderSize)
            {
                return RtcpReadStatus.InvalidPadding;
            }
        }

        var body = packet[HeaderSize..(length - padding)];
        int count = packet[0] & 0x1F;
        return packet[1] switch
        {
            (byte)RtcpPacketType.SenderReport => body.Length >= 24 + (RtcpReportBlock.Size * count) ? RtcpReadStatus.Ok : RtcpReadStatus.MalformedReport,
            (byte)RtcpPacketType.ReceiverReport => body.Length >= 4 + (RtcpReportBlock.Size * count) ? RtcpReadStatus.Ok : RtcpReadStatus.MalformedReport,
            (byte)RtcpPacketType.SourceDescription => CheckSourceDescription(body, count),
            (byte)RtcpPacketType.Goodbye => CheckGoodbye(body, count),
            _ => RtcpReadStatus.Ok,
        };
    }

    private static RtcpReadStatus CheckSourceDescription(ReadOnlySpan<byte> chunks, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int offset = 4;
            while (true)
            {
                if (offset >= chunks.Length)
                {
                    return RtcpReadStatus.MalformedSourceDescription;
                }

                if (chunks[offset] == (byte)RtcpSourceDescriptionItem.End)
                {
                    break;
                }

                if (offset + 2 > chunks.Length || offset + 2 + chunks[offset + 1] > chunks.Length)
                {
                    return RtcpReadStatus.MalformedSourceDescription;
                }

                offset += 2 + chunks[offset + 1];
            }

            int end = AlignChunkEnd(offset);
            if (end > chunks.Length)
            {
                return RtcpReadStatus.MalformedSourceDescription;
            }

            chunks = chunks[end..];
        }

        return RtcpReadStatus.Ok;
    }

    private static RtcpReadStatus CheckGoodbye(ReadOnlySpan<byte> body, int count)
    {
        int offset = 4 * count;
        if (offset > body.Length)
        {
            return RtcpReadStatus.MalformedGoodbye;
        }

        return offset == body.Length || offset + 1 + body[offset] <= body.Length ? RtcpReadStatus.Ok : RtcpReadStatus.MalformedGoodbye;
    }
}
