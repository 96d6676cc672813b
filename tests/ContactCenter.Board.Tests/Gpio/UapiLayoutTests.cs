using System.Runtime.CompilerServices;
using ContactCenter.Board.Gpio.Native;
using Xunit;

namespace ContactCenter.Board.Tests.Gpio;

/// <summary>
/// The uAPI structs against linux/gpio.h as the C compiler lays them out (sizes and offsets measured with gcc's
/// sizeof/offsetof on x86_64; arm64 is the same since every member is naturally aligned), and the ioctl numbers.
/// </summary>
public unsafe class UapiLayoutTests
{
    [Fact]
    public void Structs_HaveTheKernelSizes()
    {
        Assert.Equal(68, sizeof(GpioChipInfo));
        Assert.Equal(16, sizeof(GpioV2LineAttribute));
        Assert.Equal(24, sizeof(GpioV2LineConfigAttribute));
        Assert.Equal(272, sizeof(GpioV2LineConfig));
        Assert.Equal(592, sizeof(GpioV2LineRequest));
        Assert.Equal(256, sizeof(GpioV2LineInfo));
        Assert.Equal(48, sizeof(GpioV2LineEvent));
        Assert.Equal(16, sizeof(GpioV2LineValues));
    }

    [Fact]
    public void ChipInfo_FieldsAreAtTheKernelOffsets()
    {
        GpioChipInfo s = default;
        Assert.Equal(0, Offset(&s, s.Name));
        Assert.Equal(32, Offset(&s, s.Label));
        Assert.Equal(64, Offset(&s, &s.Lines));
    }

    [Fact]
    public void LineRequest_FieldsAreAtTheKernelOffsets()
    {
        GpioV2LineRequest s = default;
        Assert.Equal(0, Offset(&s, s.Offsets));
        Assert.Equal(256, Offset(&s, s.Consumer));
        Assert.Equal(288, Offset(&s, &s.Config));
        Assert.Equal(560, Offset(&s, &s.NumLines));
        Assert.Equal(564, Offset(&s, &s.EventBufferSize));
        Assert.Equal(588, Offset(&s, &s.Fd));
    }

    [Fact]
    public void LineConfig_FieldsAreAtTheKernelOffsets()
    {
        GpioV2LineConfig s = default;
        Assert.Equal(0, Offset(&s, &s.Flags));
        Assert.Equal(8, Offset(&s, &s.NumAttributes));
        Assert.Equal(32, Offset(&s, &s.Attributes));
        Assert.Equal(32 + 24, Offset(&s, Unsafe.AsPointer(ref s.Attributes[1])));
        Assert.Equal(32 + (9 * 24), Offset(&s, Unsafe.AsPointer(ref s.Attributes[9])));
    }

    [Fact]
    public void Attributes_FieldsAreAtTheKernelOffsets()
    {
        GpioV2LineConfigAttribute s = default;
        Assert.Equal(0, Offset(&s, &s.Attribute.Id));
        Assert.Equal(8, Offset(&s, &s.Attribute.Flags));
        Assert.Equal(8, Offset(&s, &s.Attribute.Values));
        Assert.Equal(8, Offset(&s, &s.Attribute.DebouncePeriodMicroseconds));
        Assert.Equal(16, Offset(&s, &s.Mask));
    }

    [Fact]
    public void LineInfo_FieldsAreAtTheKernelOffsets()
    {
        GpioV2LineInfo s = default;
        Assert.Equal(0, Offset(&s, s.Name));
        Assert.Equal(32, Offset(&s, s.Consumer));
        Assert.Equal(64, Offset(&s, &s.Offset));
        Assert.Equal(68, Offset(&s, &s.NumAttributes));
        Assert.Equal(72, Offset(&s, &s.Flags));
        Assert.Equal(80, Offset(&s, &s.Attributes));
        Assert.Equal(80 + (9 * 16), Offset(&s, Unsafe.AsPointer(ref s.Attributes[9])));
    }

    [Fact]
    public void LineEventAndValues_FieldsAreAtTheKernelOffsets()
    {
        GpioV2LineEvent e = default;
        Assert.Equal(0, Offset(&e, &e.TimestampNanoseconds));
        Assert.Equal(8, Offset(&e, &e.Id));
        Assert.Equal(12, Offset(&e, &e.Offset));
        Assert.Equal(16, Offset(&e, &e.Seqno));
        Assert.Equal(20, Offset(&e, &e.LineSeqno));
        GpioV2LineValues v = default;
        Assert.Equal(0, Offset(&v, &v.Bits));
        Assert.Equal(8, Offset(&v, &v.Mask));
    }

    [Fact]
    public void IoctlNumbers_AreTheKernels()
    {
        Assert.Equal(0x8044B401u, GpioUapi.GetChipInfoIoctl);
        Assert.Equal(0xC100B405u, GpioUapi.GetLineInfoIoctl);
        Assert.Equal(0xC250B407u, GpioUapi.GetLineIoctl);
        Assert.Equal(0xC010B40Eu, GpioUapi.LineGetValuesIoctl);
        Assert.Equal(0xC010B40Fu, GpioUapi.LineSetValuesIoctl);
    }

    [Fact]
    public void IoctlNumbers_FollowTheIocFormulaOverTheStructSizes()
    {
        Assert.Equal(GpioUapi.GetChipInfoIoctl, Ioc(Read, 0x01, sizeof(GpioChipInfo)));
        Assert.Equal(GpioUapi.GetLineInfoIoctl, Ioc(Read | Write, 0x05, sizeof(GpioV2LineInfo)));
        Assert.Equal(GpioUapi.GetLineIoctl, Ioc(Read | Write, 0x07, sizeof(GpioV2LineRequest)));
        Assert.Equal(GpioUapi.LineGetValuesIoctl, Ioc(Read | Write, 0x0E, sizeof(GpioV2LineValues)));
        Assert.Equal(GpioUapi.LineSetValuesIoctl, Ioc(Read | Write, 0x0F, sizeof(GpioV2LineValues)));
    }

    // asm-generic/ioctl.h: _IOC_WRITE = 1, _IOC_READ = 2; dir << 30 | size << 16 | type << 8 | nr.
    private const uint Write = 1;
    private const uint Read = 2;

    private static uint Ioc(uint direction, uint number, int size) => (direction << 30) | ((uint)size << 16) | (0xB4u << 8) | number;

    private static long Offset(void* structure, void* field) => (byte*)field - (byte*)structure;
}
