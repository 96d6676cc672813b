using ContactCenter.Board.Gpio;
using ContactCenter.Board.Gpio.Native;
using Xunit;

namespace ContactCenter.Board.Tests.Gpio;

public unsafe class LineRequestBuilderTests
{
    [Fact]
    public void Build_FillsOffsetsConsumerAndCount()
    {
        GpioV2LineRequest request = LineRequestBuilder.Build("contactcenter", [GpioLineSettings.Output(17), GpioLineSettings.Input(4)]);

        Assert.Equal(2u, request.NumLines);
        Assert.Equal(17u, request.Offsets[0]);
        Assert.Equal(4u, request.Offsets[1]);
        Assert.Equal("contactcenter", GpioChip.CString(new ReadOnlySpan<byte>(request.Consumer, GpioUapi.MaxNameSize)));
    }

    [Fact]
    public void Build_GivesEachDistinctFlagSetOneAttributeMaskedByRequestIndex()
    {
        GpioLineSettings key = GpioLineSettings.Input(5) with { Bias = GpioBias.PullUp, ActiveLow = true };
        GpioV2LineRequest request = LineRequestBuilder.Build("t", [GpioLineSettings.Output(20), key, GpioLineSettings.Output(21), key with { Line = 6 }]);

        GpioV2LineConfigAttribute led = request.Config.Attributes[0];
        Assert.Equal(GpioV2LineAttributeId.Flags, led.Attribute.Id);
        Assert.Equal(GpioV2LineFlags.Output, led.Attribute.Flags);
        Assert.Equal(0b0101ul, led.Mask);
        GpioV2LineConfigAttribute keys = request.Config.Attributes[1];
        Assert.Equal(
            GpioV2LineFlags.Input | GpioV2LineFlags.ActiveLow | GpioV2LineFlags.BiasPullUp | GpioV2LineFlags.EdgeRising | GpioV2LineFlags.EdgeFalling,
            keys.Attribute.Flags);
        Assert.Equal(0b1010ul, keys.Mask);
    }

    [Fact]
    public void Build_SetsOutputsInitialValuesInOneAttribute()
    {
        GpioV2LineRequest request = LineRequestBuilder.Build("t", [GpioLineSettings.Output(1), GpioLineSettings.Output(2) with { InitialHigh = true }]);

        Assert.Equal(2u, request.Config.NumAttributes);
        GpioV2LineConfigAttribute values = request.Config.Attributes[1];
        Assert.Equal(GpioV2LineAttributeId.OutputValues, values.Attribute.Id);
        Assert.Equal(0b10ul, values.Attribute.Values);
        Assert.Equal(0b11ul, values.Mask);
    }

    [Fact]
    public void Build_AsksForKernelDebounceInMicroseconds()
    {
        GpioV2LineRequest request = LineRequestBuilder.Build("t", [GpioLineSettings.Input(3) with { Debounce = TimeSpan.FromMilliseconds(5) }]);

        GpioV2LineConfigAttribute debounce = request.Config.Attributes[1];
        Assert.Equal(GpioV2LineAttributeId.Debounce, debounce.Attribute.Id);
        Assert.Equal(5000u, debounce.Attribute.DebouncePeriodMicroseconds);
        Assert.Equal(1ul, debounce.Mask);
    }

    // Bit numbers of linux/gpio.h (enum gpio_v2_line_flag).
    [Theory]
    [InlineData(GpioBias.AsIs, 0ul)]
    [InlineData(GpioBias.Disabled, 1ul << 10)]
    [InlineData(GpioBias.PullUp, 1ul << 8)]
    [InlineData(GpioBias.PullDown, 1ul << 9)]
    public void FlagsOf_MapsTheBias(GpioBias bias, ulong expected)
    {
        Assert.Equal((ulong)GpioV2LineFlags.Input | expected, (ulong)LineRequestBuilder.FlagsOf(new GpioLineSettings(0, GpioDirection.Input) { Bias = bias }));
    }

    [Theory]
    [InlineData(GpioEdgeDetection.None, 0ul)]
    [InlineData(GpioEdgeDetection.Rising, 1ul << 4)]
    [InlineData(GpioEdgeDetection.Falling, 1ul << 5)]
    [InlineData(GpioEdgeDetection.Both, (1ul << 4) | (1ul << 5))]
    public void FlagsOf_MapsTheEdges(GpioEdgeDetection edges, ulong expected)
    {
        Assert.Equal((ulong)GpioV2LineFlags.Input | expected, (ulong)LineRequestBuilder.FlagsOf(new GpioLineSettings(0, GpioDirection.Input) { Edges = edges }));
    }

    [Fact]
    public void Build_CutsALongConsumerToFitWithItsTerminator()
    {
        GpioV2LineRequest request = LineRequestBuilder.Build(new string('x', 40), [GpioLineSettings.Output(1)]);

        Assert.Equal(new string('x', 31), GpioChip.CString(new ReadOnlySpan<byte>(request.Consumer, GpioUapi.MaxNameSize)));
    }

    [Fact]
    public void Build_RefusesALineTwice()
    {
        Assert.Throws<ArgumentException>(() => LineRequestBuilder.Build("t", [GpioLineSettings.Output(1), GpioLineSettings.Input(1)]));
    }

    [Fact]
    public void Build_RefusesMoreThanTenAttributes()
    {
        // Ten inputs with ten distinct debounce periods need eleven attributes with their shared flags.
        var lines = Enumerable.Range(0, 10).Select(i => GpioLineSettings.Input(i) with { Debounce = TimeSpan.FromMilliseconds(i + 1) }).ToArray();

        Assert.Throws<ArgumentException>(() => LineRequestBuilder.Build("t", lines));
    }
}
