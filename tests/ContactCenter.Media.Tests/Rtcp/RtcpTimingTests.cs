using ContactCenter.Media.Rtcp;
using Xunit;

namespace ContactCenter.Media.Tests.Rtcp;

public class RtcpTimingTests
{
    [Fact]
    public void NtpTimestamps_CountFrom1900_WithA32BitFraction()
    {
        Assert.Equal(0ul, NtpTimestamp.FromDateTimeOffset(new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero)).Value);
        // 1970-01-01 is 2 208 988 800 s after the NTP epoch (RFC 868's offset); half a second is 2^31 of fraction.
        var unixEpochAndAHalf = NtpTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddMilliseconds(500));
        Assert.Equal((2_208_988_800ul << 32) | 0x8000_0000, unixEpochAndAHalf.Value);
        Assert.Equal(unchecked((uint)(2_208_988_800ul << 16)) | 0x8000, unixEpochAndAHalf.Middle32);

        var now = new DateTimeOffset(2025, 6, 1, 12, 34, 56, 789, TimeSpan.Zero).AddTicks(1234);
        Assert.InRange((now - NtpTimestamp.FromDateTimeOffset(now).ToDateTimeOffset()).Ticks, 0, 1);
    }

    [Fact]
    public void ShortFormat_Is16Point16Seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(5.25), NtpTimestamp.FromShortFormat(0x0005_4000));
        Assert.Equal(0x0005_4000u, NtpTimestamp.ToShortFormat(TimeSpan.FromSeconds(5.25)));
        Assert.Equal(0u, NtpTimestamp.ToShortFormat(TimeSpan.FromSeconds(-1)));
        Assert.Equal(uint.MaxValue, NtpTimestamp.ToShortFormat(TimeSpan.FromDays(2)));
    }

    [Fact]
    public void RoundTrip_MatchesTheExampleOfRfc3550Section641()
    {
        // §6.4.1: A = 0xb710:8000 (46864.500 s), LSR = 0xb705:2000 (46853.125 s), DLSR = 0x0005:4000 (5.250 s) → 6.125 s.
        var arrival = new NtpTimestamp(0x0000_B710_8000_0000);
        var block = new RtcpReportBlock(1, 0, 0, 0, 0, 0xB705_2000, 0x0005_4000);
        Assert.Equal(TimeSpan.FromSeconds(6.125), RtcpRoundTrip.Calculate(arrival, block));
    }

    [Fact]
    public void RoundTrip_IsUnknown_WithoutAnEchoedSenderReport_OrWhenTheFiguresContradict()
    {
        var arrival = new NtpTimestamp(0x0000_B710_8000_0000);
        Assert.Null(RtcpRoundTrip.Calculate(arrival, new RtcpReportBlock(1, 0, 0, 0, 0, 0, 0)));
        Assert.Null(RtcpRoundTrip.Calculate(arrival, new RtcpReportBlock(1, 0, 0, 0, 0, 0xB711_0000, 0)));
        Assert.Null(RtcpRoundTrip.Calculate(TimeSpan.FromSeconds(1), 0x0002_0000));
        Assert.Equal(TimeSpan.FromMilliseconds(250), RtcpRoundTrip.Calculate(TimeSpan.FromSeconds(1.25), 0x0001_0000));
    }

    [Fact]
    public void RoundTrip_SurvivesTheWrapOfTheMiddle32Bits()
    {
        var arrival = new NtpTimestamp(0x0000_0001_0000_0000);
        var block = new RtcpReportBlock(1, 0, 0, 0, 0, 0xFFFF_8000, 0x0000_4000);
        Assert.Equal(TimeSpan.FromSeconds(1.25), RtcpRoundTrip.Calculate(arrival, block));
    }

    [Theory]
    [InlineData(false, 0.0, 2.5)]
    [InlineData(false, 0.5, 5.0)]
    [InlineData(false, 0.999, 7.495)]
    [InlineData(true, 0.0, 1.25)]
    [InlineData(true, 0.5, 2.5)]
    public void Interval_IsTheMinimum_SpreadOverHalfToOneAndAHalfTimes(bool initial, double uniform, double seconds) =>
        Assert.Equal(seconds, RtcpInterval.Calculate(initial, 87_200, 120, uniform).TotalSeconds, 9);

    [Fact]
    public void Interval_GrowsPastTheMinimum_WhenReportsWouldExceedFivePercentOfTheBandwidth()
    {
        // 8 kb/s session → RTCP gets 400 b/s = 50 B/s; two members sending 200-byte reports need 8 s.
        Assert.Equal(8.0, RtcpInterval.Calculate(false, 8000, 200, 0.5).TotalSeconds, 9);
        Assert.Equal(5.0, RtcpInterval.Calculate(false, 0, 200, 0.5).TotalSeconds, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => RtcpInterval.Calculate(false, 8000, 200, 1.0));
    }
}
