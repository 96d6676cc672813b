using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Relay;
using ContactCenter.Media.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace ContactCenter.Media.Tests.Relay;

[Trait("Category", "Integration")]
public class RtpPortAllocatorTests
{
    [Fact]
    public void Pairs_AreAnEvenRtpPort_AndTheNextForRtcp_BothBound()
    {
        var options = TestRelay.Options(pairs: 4);
        options.PortRangeStart++; // odd start: the range begins at the next even port
        var allocator = new RtpPortAllocator(options, NullLogger<RtpPortAllocator>.Instance);
        Assert.Equal(3, allocator.Capacity);

        Assert.True(allocator.TryAllocate(out var pair));
        using (pair)
        {
            Assert.Equal(0, pair.RtpPort % 2);
            Assert.Equal(pair.RtpPort + 1, pair.RtcpPort);
            Assert.InRange(pair.RtpPort, options.PortRangeStart, options.PortRangeEnd - 1);
            Assert.Equal(pair.RtpPort, ((IPEndPoint)pair.Rtp.LocalEndPoint!).Port);
            Assert.Equal(pair.RtcpPort, ((IPEndPoint)pair.Rtcp.LocalEndPoint!).Port);
            Assert.Equal(IPAddress.Loopback, pair.Address);
        }
    }

    [Fact]
    public void Exhaustion_IsAValue_AndReleaseMakesThePairAvailableAgain()
    {
        var allocator = new RtpPortAllocator(TestRelay.Options(pairs: 2), NullLogger<RtpPortAllocator>.Instance);
        Assert.True(allocator.TryAllocate(out var first));
        Assert.True(allocator.TryAllocate(out var second));
        Assert.NotEqual(first.RtpPort, second.RtpPort);
        Assert.Equal(2, allocator.InUse);

        Assert.False(allocator.TryAllocate(out var none));
        Assert.Null(none);

        first.Dispose();
        first.Dispose();
        Assert.Equal(1, allocator.InUse);
        Assert.True(allocator.TryAllocate(out var again));
        Assert.Equal(first.RtpPort, again.RtpPort);
        again.Dispose();
        second.Dispose();
        Assert.Equal(0, allocator.InUse);
    }

    [Fact]
    public void ReleasedPairs_AreReusedLast()
    {
        var allocator = new RtpPortAllocator(TestRelay.Options(pairs: 3), NullLogger<RtpPortAllocator>.Instance);
        Assert.True(allocator.TryAllocate(out var first));
        int released = first.RtpPort;
        first.Dispose();

        Assert.True(allocator.TryAllocate(out var next));
        using (next)
        {
            Assert.NotEqual(released, next.RtpPort);
        }
    }

    [Fact]
    public void APairWithABusyPort_IsSkipped_AndTriedAgainLater()
    {
        var options = TestRelay.Options(pairs: 2);
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, options.PortRangeStart + 1)); // the first pair's RTCP port
        var allocator = new RtpPortAllocator(options, NullLogger<RtpPortAllocator>.Instance);

        Assert.True(allocator.TryAllocate(out var pair));
        Assert.Equal(options.PortRangeStart + 2, pair.RtpPort);
        Assert.False(allocator.TryAllocate(out _));
        Assert.Equal(1, allocator.InUse);

        squatter.Dispose();
        Assert.True(allocator.TryAllocate(out var freed));
        Assert.Equal(options.PortRangeStart, freed.RtpPort);
        pair.Dispose();
        freed.Dispose();
    }

    [Fact]
    public void ConcurrentAllocations_NeverHandOutAPairTwice()
    {
        var allocator = new RtpPortAllocator(TestRelay.Options(pairs: 40), NullLogger<RtpPortAllocator>.Instance);
        var pairs = new System.Collections.Concurrent.ConcurrentBag<RtpSocketPair>();
        Parallel.For(0, 60, _ =>
        {
            if (allocator.TryAllocate(out var pair))
            {
                pairs.Add(pair);
            }
        });

        Assert.Equal(pairs.Count, pairs.Select(p => p.RtpPort).Distinct().Count());
        Assert.InRange(pairs.Count, 1, 40);
        foreach (var pair in pairs)
        {
            pair.Dispose();
        }

        Assert.Equal(0, allocator.InUse);
    }

    [Theory]
    [InlineData(10000, 10000)]
    [InlineData(20001, 20001)]
    [InlineData(0, 100)]
    [InlineData(10000, 70000)]
    public void ARangeWithoutAPair_IsRefused(int start, int end)
    {
        var options = new RtpRelayOptions { PortRangeStart = start, PortRangeEnd = end };
        Assert.Throws<ArgumentException>(options.Validate);
    }
}
