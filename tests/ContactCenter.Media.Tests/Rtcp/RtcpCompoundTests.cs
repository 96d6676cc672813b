using System.Buffers.Binary;
using System.Text;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Tests.Fakes;
using Xunit;

namespace ContactCenter.Media.Tests.Rtcp;

public class RtcpCompoundTests
{
    private static readonly byte[] Cname = Encoding.UTF8.GetBytes("pbx@192.0.2.10");

    [Fact]
    public void SenderReport_WithBlocks_Cname_AndBye_ReadsBackAsWritten()
    {
        var info = new RtcpSenderInfo(new NtpTimestamp(0xE8A1_2345_8000_0000), 123456, 500, 80000);
        RtcpReportBlock[] blocks =
        [
            new(0x1111, 25, 42, 0x0001_0010, 37, 0xB705_2000, 0x0005_4000),
            new(0x2222, 0, -3, 99, 0, 0, 0),
        ];
        var buffer = new byte[RtcpCompoundWriter.GetLength(true, 2, Cname.Length, goodbye: true, goodbyeReasonLength: 6)];
        int length = RtcpCompoundWriter.Write(buffer, 0xABCD, info, blocks, Cname, goodbye: true, goodbyeReason: "hangup"u8);

        Assert.Equal(buffer.Length, length);
        Assert.Equal(0, length % 4);
        Assert.Equal(RtpPacketKind.Rtcp, RtpHeader.Classify(buffer));
        Assert.Equal(RtcpReadStatus.Ok, RtcpCompoundReader.TryCreate(buffer, out var reader));

        Assert.True(reader.TryReadNext(out var sr));
        Assert.Equal(RtcpPacketType.SenderReport, sr.Type);
        Assert.Equal(0xABCDu, sr.Ssrc);
        Assert.Equal(info, sr.SenderInfo);
        Assert.Equal(2, sr.ReportBlockCount);
        Assert.Equal(blocks[0], sr.GetReportBlock(0));
        Assert.Equal(blocks[1], sr.GetReportBlock(1));

        Assert.True(reader.TryReadNext(out var sdes));
        Assert.Equal(RtcpPacketType.SourceDescription, sdes.Type);
        Assert.True(sdes.TryGetCname(0xABCD, out var cname));
        Assert.Equal(Cname, cname.ToArray());
        Assert.False(sdes.TryGetCname(0x1111, out _));

        Assert.True(reader.TryReadNext(out var bye));
        Assert.Equal(RtcpPacketType.Goodbye, bye.Type);
        Assert.Equal(1, bye.Count);
        Assert.Equal(0xABCDu, bye.GetGoodbyeSource(0));
        Assert.Equal("hangup", Encoding.UTF8.GetString(bye.GoodbyeReason));

        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void ReceiverReport_IsWrittenByteForByte_AsRfc3550Lays_ItOut()
    {
        var buffer = new byte[64];
        int length = RtcpCompoundWriter.Write(buffer, 0x01020304, null, [new RtcpReportBlock(0x0A0B0C0D, 0x40, -2, 0x00020003, 0x10, 0x11223344, 0x00018000)], "ab"u8);

        byte[] expected =
        [
            0x81, 201, 0x00, 0x07, 0x01, 0x02, 0x03, 0x04, // V=2 RC=1, RR, length 7 words, sender SSRC
            0x0A, 0x0B, 0x0C, 0x0D, 0x40, 0xFF, 0xFF, 0xFE, // SSRC_1, fraction 64/256, cumulative −2 in 24 bits
            0x00, 0x02, 0x00, 0x03, 0x00, 0x00, 0x00, 0x10, // extended highest sequence, jitter
            0x11, 0x22, 0x33, 0x44, 0x00, 0x01, 0x80, 0x00, // LSR, DLSR (1.5 s)
            0x81, 202, 0x00, 0x03, 0x01, 0x02, 0x03, 0x04, // V=2 SC=1, SDES, length 3 words, chunk SSRC
            0x01, 0x02, (byte)'a', (byte)'b', 0x00, 0x00, 0x00, 0x00, // CNAME "ab", null item, padding
        ];
        Assert.Equal(expected, buffer[..length]);
    }

    [Fact]
    public void EveryCnameAndReasonLength_ProducesAlignedPacketsThatReadBack()
    {
        var buffer = new byte[1024];
        for (int cnameLength = 1; cnameLength <= RtcpCompoundWriter.MaxCnameLength; cnameLength += 1)
        {
            var cname = Enumerable.Range(0, cnameLength).Select(i => (byte)('a' + (i % 26))).ToArray();
            var reason = cname.AsSpan(0, cnameLength % 7);
            int length = RtcpCompoundWriter.Write(buffer, 9, null, [], cname, goodbye: true, goodbyeReason: reason);

            Assert.Equal(RtcpCompoundWriter.GetLength(false, 0, cnameLength, true, reason.Length), length);
            Assert.Equal(RtcpReadStatus.Ok, RtcpCompoundReader.TryCreate(buffer.AsSpan(0, length), out var reader));
            reader.TryReadNext(out var rr);
            Assert.Equal(0, rr.ReportBlockCount);
            reader.TryReadNext(out var sdes);
            Assert.True(sdes.TryGetCname(9, out var read));
            Assert.Equal(cname, read.ToArray());
            reader.TryReadNext(out var bye);
            Assert.Equal(reason.ToArray(), bye.GoodbyeReason.ToArray());
        }
    }

    [Fact]
    public void CumulativeLoss_IsClampedTo24Bits()
    {
        var buffer = new byte[RtcpCompoundWriter.GetLength(false, 2, 1)];
        RtcpCompoundWriter.Write(buffer, 1, null, [new RtcpReportBlock(2, 0, 10_000_000, 0, 0, 0, 0), new RtcpReportBlock(3, 0, -10_000_000, 0, 0, 0, 0)], "x"u8);
        RtcpCompoundReader.TryCreate(buffer, out var reader);
        reader.TryReadNext(out var rr);
        Assert.Equal(0x7FFFFF, rr.GetReportBlock(0).CumulativeLost);
        Assert.Equal(-0x800000, rr.GetReportBlock(1).CumulativeLost);
    }

    [Fact]
    public void Take_FillsABlockFromReceptionStatistics_AndStartsTheNextInterval()
    {
        var stats = new RtpReceiveStatistics(TimeSpan.TicksPerSecond);
        var buffer = new byte[RtpHeader.FixedHeaderSize];
        for (ushort seq = 1; seq <= 101; seq++)
        {
            if (seq % 10 == 0)
            {
                continue;
            }

            new RtpPacketizer(0x5151, seq, seq * 160u).WriteMedia(buffer, 0, 0);
            RtpPacket.TryRead(buffer, out var packet);
            stats.Update(packet, seq * 20 * TimeSpan.TicksPerMillisecond, 8000);
        }

        var block = RtcpReportBlock.Take(stats, 0xB705_2000, 0x0005_4000);
        Assert.Equal(new RtcpReportBlock(0x5151, (10 * 256) / 100, 10, 101, 0, 0xB705_2000, 0x0005_4000), block);
        Assert.Equal(0, RtcpReportBlock.Take(stats, 0, 0).FractionLost);
        Assert.Throws<InvalidOperationException>(() => RtcpReportBlock.Take(new RtpReceiveStatistics(1000), 0, 0));
    }

    [Fact]
    public void UnknownPacketTypes_ArePassedOver_WithTheirLengthChecked()
    {
        var buffer = new byte[128];
        int length = RtcpCompoundWriter.Write(buffer, 5, null, [], "c"u8);
        // Append an RTPFB (205) and an XR (207) packet, as phones and WebRTC gateways send them.
        int offset = length;
        foreach (byte type in new byte[] { 205, 207 })
        {
            buffer[offset] = 0x81;
            buffer[offset + 1] = type;
            BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(offset + 2), 2);
            offset += 12;
        }

        Assert.Equal(RtcpReadStatus.Ok, RtcpCompoundReader.TryCreate(buffer.AsSpan(0, offset), out var reader));
        var types = new List<int>();
        while (reader.TryReadNext(out var packet))
        {
            types.Add((int)packet.Type);
            Assert.Equal(0, packet.ReportBlockCount);
        }

        Assert.Equal([201, 202, 205, 207], types);
    }

    [Fact]
    public void TheFakePhonesEmptyReceiverReport_IsWellFormed()
    {
        Assert.Equal(RtcpReadStatus.Ok, RtcpCompoundReader.TryCreate(FakePhone.RtcpReceiverReport(7), out var reader));
        Assert.True(reader.TryReadNext(out var rr));
        Assert.Equal((RtcpPacketType.ReceiverReport, 7u, 0), (rr.Type, rr.Ssrc, rr.ReportBlockCount));
    }

    public static TheoryData<string, byte[], RtcpReadStatus> Malformed() => new()
    {
        { "too short", [0x80, 201, 0], RtcpReadStatus.TooShort },
        { "version 1", [0x40, 201, 0, 1, 0, 0, 0, 1], RtcpReadStatus.UnsupportedVersion },
        { "SDES first", [0x81, 202, 0, 2, 0, 0, 0, 1, 1, 1, 0x61, 0], RtcpReadStatus.NotAReport },
        { "length past the end", [0x80, 201, 0, 2, 0, 0, 0, 1], RtcpReadStatus.LengthMismatch },
        { "trailing bytes", [0x80, 201, 0, 1, 0, 0, 0, 1, 0x80, 202], RtcpReadStatus.TooShort },
        { "padding before the last packet", [0xA0, 201, 0, 1, 0, 0, 0, 4, 0x80, 203, 0, 0], RtcpReadStatus.InvalidPadding },
        { "padding count 0", [0xA0, 201, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0], RtcpReadStatus.InvalidPadding },
        { "padding count too large", [0xA0, 201, 0, 2, 0, 0, 0, 1, 0, 0, 0, 9], RtcpReadStatus.InvalidPadding },
        { "RR blocks past its length", [0x81, 201, 0, 1, 0, 0, 0, 1], RtcpReadStatus.MalformedReport },
        { "SR without sender info", [0x80, 200, 0, 1, 0, 0, 0, 1], RtcpReadStatus.MalformedReport },
        { "SDES item past its length", [0x80, 201, 0, 1, 0, 0, 0, 1, 0x81, 202, 0, 2, 0, 0, 0, 1, 1, 9, 0x61, 0], RtcpReadStatus.MalformedSourceDescription },
        { "SDES without end item", [0x80, 201, 0, 1, 0, 0, 0, 1, 0x81, 202, 0, 2, 0, 0, 0, 1, 1, 2, 0x61, 0x62], RtcpReadStatus.MalformedSourceDescription },
        { "SDES chunk count too large", [0x80, 201, 0, 1, 0, 0, 0, 1, 0x82, 202, 0, 2, 0, 0, 0, 1, 1, 1, 0x61, 0], RtcpReadStatus.MalformedSourceDescription },
        { "BYE sources past its length", [0x80, 201, 0, 1, 0, 0, 0, 1, 0x82, 203, 0, 1, 0, 0, 0, 1], RtcpReadStatus.MalformedGoodbye },
        { "BYE reason past its length", [0x80, 201, 0, 1, 0, 0, 0, 1, 0x81, 203, 0, 2, 0, 0, 0, 1, 9, 0x61, 0, 0], RtcpReadStatus.MalformedGoodbye },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedCompounds_AreAStatus(string why, byte[] datagram, RtcpReadStatus expected)
    {
        Assert.True(expected == RtcpCompoundReader.TryCreate(datagram, out _), why);
    }

    [Fact]
    public void RandomMutations_NeverThrow_AndWhatIsAcceptedCanBeReadWholly()
    {
        var random = new Random(6464);
        var valid = new byte[256];
        int length = RtcpCompoundWriter.Write(valid, 0xABCD, new RtcpSenderInfo(new NtpTimestamp(1), 2, 3, 4),
            [new RtcpReportBlock(1, 2, 3, 4, 5, 6, 7)], "someone@example"u8, goodbye: true, goodbyeReason: "bye"u8);
        var mutated = new byte[length];
        int accepted = 0;
        for (int i = 0; i < 20000; i++)
        {
            valid.AsSpan(0, length).CopyTo(mutated);
            for (int flips = random.Next(1, 4); flips > 0; flips--)
            {
                mutated[random.Next(length)] = (byte)random.Next(256);
            }

            var datagram = mutated.AsSpan(0, random.Next(length / 2, length + 1));
            if (RtcpCompoundReader.TryCreate(datagram, out var reader) != RtcpReadStatus.Ok)
            {
                continue;
            }

            accepted++;
            while (reader.TryReadNext(out var packet))
            {
                _ = packet.Ssrc;
                for (int b = 0; b < packet.ReportBlockCount; b++)
                {
                    _ = packet.GetReportBlock(b);
                }

                if (packet.Type == RtcpPacketType.SenderReport)
                {
                    _ = packet.SenderInfo;
                }

                if (packet.Type == RtcpPacketType.Goodbye)
                {
                    for (int s = 0; s < packet.Count; s++)
                    {
                        _ = packet.GetGoodbyeSource(s);
                    }

                    _ = packet.GoodbyeReason;
                }

                packet.TryGetCname(packet.Ssrc, out _);
            }
        }

        Assert.InRange(accepted, 100, 20000);
    }
}
