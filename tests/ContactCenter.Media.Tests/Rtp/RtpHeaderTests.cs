using ContactCenter.Media.Rtp;
using ContactCenter.Media.Tests.Fakes;
using Xunit;

namespace ContactCenter.Media.Tests.Rtp;

public class RtpHeaderTests
{
    [Fact]
    public void Classify_RecognisesRtp_RtcpAndJunk()
    {
        Assert.Equal(RtpPacketKind.Rtp, RtpHeader.Classify(FakePhone.RtpPacket(1, 2, payloadType: 0)));
        Assert.Equal(RtpPacketKind.Rtp, RtpHeader.Classify(FakePhone.RtpPacket(1, 2, payloadType: 101, marker: true)));
        Assert.Equal(RtpPacketKind.Rtp, RtpHeader.Classify(FakePhone.RtpPacket(1, 2, payloadSize: 0)));
        Assert.Equal(RtpPacketKind.Rtcp, RtpHeader.Classify(FakePhone.RtcpReceiverReport(7)));
        Assert.Equal(RtpPacketKind.Invalid, RtpHeader.Classify([]));
        Assert.Equal(RtpPacketKind.Invalid, RtpHeader.Classify([0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]));
        Assert.Equal(RtpPacketKind.Invalid, RtpHeader.Classify([0x80, 201, 0, 1, 0, 0, 0]));
        var stun = new byte[20];
        stun[1] = 0x01; // a STUN binding request starts with two zero bits
        Assert.Equal(RtpPacketKind.Invalid, RtpHeader.Classify(stun));
    }

    [Fact]
    public void Fields_AreReadBigEndian()
    {
        var packet = FakePhone.RtpPacket(0xBEEF, 0xCAFEBABE, payloadType: 8);
        Assert.Equal(0xBEEF, RtpHeader.ReadSequenceNumber(packet));
        Assert.Equal(0xCAFEBABEu, RtpHeader.ReadSsrc(packet));
        Assert.Equal(8, RtpHeader.ReadPayloadType(packet));
    }
}
