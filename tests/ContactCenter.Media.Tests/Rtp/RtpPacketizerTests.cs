using ContactCenter.Media.Codecs;
using ContactCenter.Media.Rtp;
using Xunit;

namespace ContactCenter.Media.Tests.Rtp;

public class RtpPacketizerTests
{
    [Fact]
    public void MediaPackets_CarryVersion2_TheStreamsSsrc_ConsecutiveSequenceNumbers_AndTheFrameTimestamp()
    {
        var packetizer = new RtpPacketizer(0xCAFEBABE, 1000, 5000);
        var buffer = new byte[RtpHeader.FixedHeaderSize + 160];
        for (int i = 0; i < 3; i++)
        {
            buffer.AsSpan(RtpHeader.FixedHeaderSize).Fill((byte)i);
            int length = packetizer.WriteMedia(buffer, AudioCodec.Pcma.PayloadType, 160);
            packetizer.AdvanceTimestamp(AudioCodec.Pcma.TimestampStepPerFrame);

            Assert.Equal(172, length);
            Assert.Equal(RtpReadStatus.Ok, RtpPacket.TryRead(buffer.AsSpan(0, length), out var packet));
            Assert.Equal(2, packet.Version);
            Assert.False(packet.HasPadding);
            Assert.False(packet.HasExtension);
            Assert.Equal(0, packet.CsrcCount);
            Assert.Equal(8, packet.PayloadType);
            Assert.Equal(i == 0, packet.Marker);
            Assert.Equal(1000 + i, packet.SequenceNumber);
            Assert.Equal(5000u + (uint)(160 * i), packet.Timestamp);
            Assert.Equal(0xCAFEBABEu, packet.Ssrc);
            Assert.Equal(160, packet.Payload.Length);
            Assert.All(packet.Payload.ToArray(), b => Assert.Equal((byte)i, b));
        }

        Assert.Equal(3, packetizer.PacketCount);
        Assert.Equal(480, packetizer.OctetCount);
    }

    [Fact]
    public void SequenceNumberAndTimestamp_WrapAround()
    {
        var packetizer = new RtpPacketizer(1, 65535, uint.MaxValue - 100);
        var buffer = new byte[RtpHeader.FixedHeaderSize];
        packetizer.WriteMedia(buffer, 0, 0);
        packetizer.AdvanceTimestamp(160);
        Assert.Equal(0, packetizer.SequenceNumber);
        Assert.Equal(59u, packetizer.Timestamp);
        packetizer.WriteMedia(buffer, 0, 0);
        Assert.Equal(0, RtpHeader.ReadSequenceNumber(buffer));
    }

    [Fact]
    public void Marker_IsSetOnTheFirstPacketOfEachTalkspurt_WhileSkippedTicksStillAdvanceTheTimestamp()
    {
        var packetizer = new RtpPacketizer(1, 0, 0);
        var buffer = new byte[RtpHeader.FixedHeaderSize + 160];
        var markers = new List<(bool Marker, uint Timestamp)>();
        for (int tick = 0; tick < 8; tick++)
        {
            bool silent = tick is 3 or 4;
            if (silent)
            {
                packetizer.BeginTalkspurt();
            }
            else
            {
                packetizer.WriteMedia(buffer, 0, 160);
                RtpPacket.TryRead(buffer, out var packet);
                markers.Add((packet.Marker, packet.Timestamp));
            }

            packetizer.AdvanceTimestamp(160);
        }

        Assert.Equal([(true, 0u), (false, 160u), (false, 320u), (true, 800u), (false, 960u), (false, 1120u)], markers);
    }

    [Fact]
    public void TelephoneEvents_KeepTheEventStartTimestamp_MarkOnlyTheirFirstPacket_AndShareTheSequence()
    {
        var packetizer = new RtpPacketizer(7, 10, 8000);
        var buffer = new byte[RtpHeader.FixedHeaderSize + 160];
        packetizer.WriteMedia(buffer, 0, 160);
        packetizer.AdvanceTimestamp(160);
        uint eventStart = packetizer.Timestamp;
        var events = new List<(bool Marker, uint Timestamp, ushort Sequence, int PayloadType)>();
        for (int i = 0; i < 4; i++)
        {
            int length = packetizer.WriteEvent(buffer, 101, 4, eventStart, firstOfEvent: i == 0);
            packetizer.AdvanceTimestamp(160);
            RtpPacket.TryRead(buffer.AsSpan(0, length), out var packet);
            events.Add((packet.Marker, packet.Timestamp, packet.SequenceNumber, packet.PayloadType));
        }

        Assert.Equal([(true, 8160u, 11, 101), (false, 8160u, 12, 101), (false, 8160u, 13, 101), (false, 8160u, 14, 101)], events);
        packetizer.WriteMedia(buffer, 0, 160);
        Assert.Equal(15, RtpHeader.ReadSequenceNumber(buffer));
        Assert.Equal(0, buffer[1] & 0x80);
    }

    [Fact]
    public void CreateRandom_StartsEachStreamElsewhere()
    {
        var first = RtpPacketizer.CreateRandom();
        var second = RtpPacketizer.CreateRandom();
        Assert.NotEqual((first.Ssrc, first.SequenceNumber, first.Timestamp), (second.Ssrc, second.SequenceNumber, second.Timestamp));
        Assert.Equal(0, first.PacketCount);
    }

    [Fact]
    public void ABufferTooSmallOrABadPayloadType_IsAProgrammingError()
    {
        var packetizer = new RtpPacketizer(1, 0, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => packetizer.WriteMedia(new byte[100], 0, 160));
        Assert.Throws<ArgumentOutOfRangeException>(() => packetizer.WriteMedia(new byte[200], 128, 160));
        Assert.Equal(0, packetizer.SequenceNumber);
    }

    [Fact]
    public void Writing_DoesNotAllocate()
    {
        var packetizer = new RtpPacketizer(1, 0, 0);
        var buffer = new byte[RtpHeader.FixedHeaderSize + 160];
        packetizer.WriteMedia(buffer, 0, 160);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            packetizer.WriteMedia(buffer, 0, 160);
            packetizer.AdvanceTimestamp(160);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
