using System.Buffers.Binary;
using ContactCenter.Media.Rtp;
using Xunit;

namespace ContactCenter.Media.Tests.Rtp;

public class RtpPacketTests
{
    [Fact]
    public void CsrcList_Extension_AndPadding_AreReadAround_ThePayload()
    {
        // V=2 P=1 X=1 CC=2, M=1 PT=96, seq 0x1234, ts 0x01020304, SSRC 0xAABBCCDD, 2 CSRCs, a one-word extension,
        // 5 payload bytes, 3 padding bytes (the last one counts them).
        byte[] datagram =
        [
            0xB2, 0xE0, 0x12, 0x34, 0x01, 0x02, 0x03, 0x04, 0xAA, 0xBB, 0xCC, 0xDD,
            0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02,
            0xBE, 0xDE, 0x00, 0x01, 0x10, 0x20, 0x30, 0x40,
            1, 2, 3, 4, 5,
            0, 0, 3,
        ];

        Assert.Equal(RtpReadStatus.Ok, RtpPacket.TryRead(datagram, out var packet));
        Assert.Equal(2, packet.Version);
        Assert.True(packet.HasPadding);
        Assert.True(packet.HasExtension);
        Assert.True(packet.Marker);
        Assert.Equal(96, packet.PayloadType);
        Assert.Equal(0x1234, packet.SequenceNumber);
        Assert.Equal(0x01020304u, packet.Timestamp);
        Assert.Equal(0xAABBCCDDu, packet.Ssrc);
        Assert.Equal(2, packet.CsrcCount);
        Assert.Equal(1u, packet.GetCsrc(0));
        Assert.Equal(2u, packet.GetCsrc(1));
        Assert.Equal(0xBEDE, packet.ExtensionProfile);
        Assert.Equal(new byte[] { 0x10, 0x20, 0x30, 0x40 }, packet.ExtensionData.ToArray());
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, packet.Payload.ToArray());
        Assert.Equal(3, packet.PaddingLength);
        Assert.Equal(datagram.Length, packet.Length);
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 }, RtpReadStatus.TooShort)]
    [InlineData(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 }, RtpReadStatus.UnsupportedVersion)]
    [InlineData(new byte[] { 0x83, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2 }, RtpReadStatus.TruncatedCsrcList)]
    [InlineData(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE }, RtpReadStatus.TruncatedExtension)]
    [InlineData(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0, 2, 1, 2, 3, 4 }, RtpReadStatus.TruncatedExtension)]
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 9, 9, 0 }, RtpReadStatus.InvalidPadding)]
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 9, 9, 4 }, RtpReadStatus.InvalidPadding)]
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 }, RtpReadStatus.InvalidPadding)]
    public void MalformedPackets_AreAStatus(byte[] datagram, RtpReadStatus expected) =>
        Assert.Equal(expected, RtpPacket.TryRead(datagram, out _));

    [Fact]
    public void AnEmptyPayload_AndPaddingThatFillsTheRest_AreValid()
    {
        Assert.Equal(RtpReadStatus.Ok, RtpPacket.TryRead(new byte[] { 0x80, 13, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 }, out var empty));
        Assert.Equal(0, empty.Payload.Length);
        Assert.Equal(RtpReadStatus.Ok, RtpPacket.TryRead(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2 }, out var padded));
        Assert.Equal(0, padded.Payload.Length);
        Assert.Equal(2, padded.PaddingLength);
    }

    [Fact]
    public void RandomBytes_NeverThrow_AndAnAcceptedPacketsPartsFitInIt()
    {
        var random = new Random(3550);
        var buffer = new byte[64];
        int accepted = 0;
        for (int i = 0; i < 20000; i++)
        {
            int length = random.Next(0, buffer.Length + 1);
            random.NextBytes(buffer);
            buffer[0] = (byte)(0x80 | (buffer[0] & 0x3F));
            var datagram = buffer.AsSpan(0, length);
            if (RtpPacket.TryRead(datagram, out var packet) == RtpReadStatus.Ok)
            {
                accepted++;
                int parts = RtpHeader.FixedHeaderSize + (4 * packet.CsrcCount) + (packet.HasExtension ? 4 + packet.ExtensionData.Length : 0)
                    + packet.Payload.Length + packet.PaddingLength;
                Assert.Equal(length, parts);
                Assert.Equal(BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]), packet.SequenceNumber);
            }
        }

        Assert.InRange(accepted, 1000, 20000);
    }
}
