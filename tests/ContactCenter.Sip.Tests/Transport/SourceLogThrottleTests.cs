using System.Net;
using ContactCenter.Sip.Tests.Fakes;
using ContactCenter.Sip.Transport;
using Xunit;

namespace ContactCenter.Sip.Tests.Transport;

public class SourceLogThrottleTests
{
    private static readonly IPAddress A = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress B = IPAddress.Parse("192.0.2.2");

    [Fact]
    public void OneLinePerSourcePerMinute_CountingWhatWasHeldBack()
    {
        var time = new FakeTimeProvider();
        var throttle = new SourceLogThrottle(time);

        Assert.True(throttle.ShouldLog(A, out long suppressed));
        Assert.Equal(0, suppressed);
        for (int i = 0; i < 5; i++)
        {
            Assert.False(throttle.ShouldLog(A, out _));
        }

        Assert.True(throttle.ShouldLog(B, out _));
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(throttle.ShouldLog(A, out _));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(throttle.ShouldLog(A, out suppressed));
        Assert.Equal(6, suppressed);
    }

    [Fact]
    public void ManySources_ShareAnOverflowSlot_SoMemoryIsBounded()
    {
        var time = new FakeTimeProvider();
        var throttle = new SourceLogThrottle(time, TimeSpan.FromMinutes(1), maxSources: 2);
        Assert.True(throttle.ShouldLog(IPAddress.Parse("198.51.100.1"), out _));
        Assert.True(throttle.ShouldLog(IPAddress.Parse("198.51.100.2"), out _));
        Assert.True(throttle.ShouldLog(IPAddress.Parse("198.51.100.3"), out _));
        Assert.False(throttle.ShouldLog(IPAddress.Parse("198.51.100.4"), out _));

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(throttle.ShouldLog(IPAddress.Parse("198.51.100.5"), out _));
    }
}
