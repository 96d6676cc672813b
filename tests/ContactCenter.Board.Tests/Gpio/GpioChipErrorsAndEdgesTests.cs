using System.Diagnostics;
using ContactCenter.Board.Gpio;
using ContactCenter.Board.Gpio.Native;
using Xunit;

namespace ContactCenter.Board.Tests.Gpio;

public class GpioChipErrorsAndEdgesTests
{
    [Fact]
    public void KernelEvent_BecomesAnEdgeOnItsLine()
    {
        var rising = new GpioV2LineEvent { Id = GpioUapi.RisingEdgeEventId, Offset = 17, TimestampNanoseconds = 2_000_000_000 };
        var falling = rising with { Id = GpioUapi.FallingEdgeEventId };

        Assert.Equal(new GpioEdge(17, GpioEdgeKind.Rising, 2 * Stopwatch.Frequency), GpioLineRequest.ToEdge(rising));
        Assert.Equal(GpioEdgeKind.Falling, GpioLineRequest.ToEdge(falling).Kind);
    }

    [Fact]
    public void Busy_NamesLineChipAndHolder()
    {
        Assert.Equal("line 17 of gpiochip0 is busy (used by \"pbx\")", GpioErrors.Busy("gpiochip0", 17, "pbx"));
        Assert.Equal("line 3 of gpiochip1 is busy (used by the kernel or an unnamed consumer)", GpioErrors.Busy("gpiochip1", 3, ""));
    }

    [Fact]
    public void OtherRefusal_NamesChipLinesAndTheKernelsReason()
    {
        const int InvalidArgument = 22; // EINVAL
        GpioException e = GpioErrors.SystemCall(GpioErrors.RequestRefused("gpiochip0", [GpioLineSettings.Input(4), GpioLineSettings.Input(5)]), InvalidArgument);

        Assert.Equal("gpiochip0 refused lines 4, 5: Invalid argument", e.Message);
        Assert.Equal(InvalidArgument, e.Errno);
    }

    [Fact]
    public void OpeningAMissingChip_SaysWhichPathAndWhy()
    {
        GpioException e = Assert.Throws<GpioException>(() => GpioChip.Open("/dev/gpiochip-none"));

        Assert.Equal(2, e.Errno); // ENOENT
        Assert.StartsWith("cannot open /dev/gpiochip-none: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpeningAFileThatIsNoChip_SaysItIsNotAGpioChip()
    {
        GpioException e = Assert.Throws<GpioException>(() => GpioChip.Open("/dev/null"));

        Assert.Equal(25, e.Errno); // ENOTTY: the ioctl is not for this device
        Assert.StartsWith("/dev/null is not a GPIO chip: ", e.Message, StringComparison.Ordinal);
    }
}
