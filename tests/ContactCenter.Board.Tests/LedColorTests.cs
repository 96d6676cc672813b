using ContactCenter.Board.Leds;
using Xunit;

namespace ContactCenter.Board.Tests;

public sealed class LedColorTests
{
    [Fact]
    public void Off_IsTheDefault_SoAnUnsetLedIsDark() => Assert.Equal(LedColor.Off, default(LedColor));
}
