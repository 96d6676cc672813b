using ContactCenter.Pbx.Calls;
using ContactCenter.Pbx.Features;

using Xunit;

namespace ContactCenter.Pbx.Tests.Features;

public class FeatureCodeOptionsTests
{
    [Fact]
    public void Defaults_AreStar43_44_45_AndResolveToTheirTests()
    {
        var options = new FeatureCodeOptions();
        options.Validate();

        Assert.True(options.TryResolve("*43", out var echo));
        Assert.True(options.TryResolve("*44", out var playback));
        Assert.True(options.TryResolve("*45", out var readback));
        Assert.Equal([FeatureCode.EchoTest, FeatureCode.PlaybackTest, FeatureCode.DtmfReadbackTest], [echo, playback, readback]);
        Assert.False(options.TryResolve("201", out _));
        Assert.False(options.TryResolve("*4", out _));
    }

    [Theory]
    [InlineData("43")]
    [InlineData("*")]
    [InlineData("*4a")]
    [InlineData("")]
    [InlineData("*12345678901234567")]
    public void AMalformedCode_IsRejected(string code)
    {
        var options = new CallOptions { FeatureCodes = new FeatureCodeOptions { PlaybackTest = code } };

        var error = Assert.ThrowsAny<ArgumentException>(options.Validate);

        Assert.Contains(nameof(FeatureCodeOptions.PlaybackTest), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoTestsOnOneCode_AreRejected()
    {
        var options = new FeatureCodeOptions { DtmfReadbackTest = "*43" };

        Assert.ThrowsAny<ArgumentException>(options.Validate);
    }

    [Fact]
    public void KeypadCodes_WithStarAndHash_AreAccepted()
    {
        var options = new FeatureCodeOptions { EchoTest = "*#43", PlaybackTest = "**44" };

        options.Validate();

        Assert.True(options.TryResolve("*#43", out var code));
        Assert.Equal(FeatureCode.EchoTest, code);
    }
}
