using System.Text;
using ContactCenter.Media.Dtmf;
using Xunit;

namespace ContactCenter.Media.Tests.Dtmf;

public sealed class DtmfInfoTests
{
    [Theory]
    [InlineData("Signal=5\r\nDuration=160\r\n", '5', 160)]
    [InlineData("Signal=5\r\nDuration=160", '5', 160)]
    [InlineData("signal= *\nduration = 250\n", '*', 250)]
    [InlineData("SIGNAL=#\rDURATION=100\r", '#', 100)]
    [InlineData("  Signal = 10 \r\n\r\n  Duration=\t90\r\n", '*', 90)]
    [InlineData("Signal=11\r\nDuration=160\r\n", '#', 160)]
    [InlineData("Signal=d\r\nDuration=160\r\n", 'D', 160)]
    [InlineData("Signal=A\r\n", 'A', 0)]
    [InlineData("Duration=200\r\nSignal=0\r\n", '0', 200)]
    [InlineData("Signal=7\r\nDuration=160\r\nVolume=10\r\n", '7', 160)]
    public void DtmfRelay_IsRead(string body, char key, int duration)
    {
        Assert.True(DtmfInfo.TryParse("application/dtmf-relay", Encoding.ASCII.GetBytes(body), out var digit));
        Assert.Equal(new DtmfDigit(key, duration, DtmfSource.SipInfo), digit);
    }

    [Theory]
    [InlineData("application/dtmf-relay")]
    [InlineData("Application/DTMF-Relay")]
    [InlineData(" application/dtmf-relay ; charset=us-ascii")]
    public void ContentType_IsMatchedWithoutCaseAndParameters(string contentType)
    {
        Assert.True(DtmfInfo.TryParse(contentType, "Signal=3\r\n"u8, out var digit));
        Assert.Equal('3', digit.Digit);
    }

    [Theory]
    [InlineData("5", '5')]
    [InlineData("5\r\n", '5')]
    [InlineData(" # ", '#')]
    [InlineData("10", '*')]
    [InlineData("11", '#')]
    [InlineData("15", 'D')]
    [InlineData("b", 'B')]
    public void BareDtmf_IsTheKeyOrItsEventCode(string body, char key)
    {
        Assert.True(DtmfInfo.TryParse("application/dtmf", Encoding.ASCII.GetBytes(body), out var digit));
        Assert.Equal(new DtmfDigit(key, 0, DtmfSource.SipInfo), digit);
    }

    [Theory]
    [InlineData("application/dtmf-relay", "")]
    [InlineData("application/dtmf-relay", "Duration=160\r\n")]
    [InlineData("application/dtmf-relay", "Signal=\r\n")]
    [InlineData("application/dtmf-relay", "Signal=E\r\n")]
    [InlineData("application/dtmf-relay", "Signal=16\r\n")]
    [InlineData("application/dtmf-relay", "Signal=55\r\n")]
    [InlineData("application/dtmf-relay", "Signal=5\r\nSignal=6\r\n")]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=abc\r\n")]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=-1\r\n")]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=99999999999\r\n")]
    [InlineData("application/dtmf-relay", "Signal 5\r\n")]
    [InlineData("application/dtmf", "")]
    [InlineData("application/dtmf", "12345")]
    [InlineData("application/dtmf", "Signal=5")]
    [InlineData("application/dtmf", "x")]
    [InlineData("text/plain", "Signal=5\r\n")]
    [InlineData("application/dtmf-relayx", "Signal=5\r\n")]
    [InlineData("", "5")]
    public void BadInput_IsRefused(string contentType, string body)
    {
        Assert.False(DtmfInfo.TryParse(contentType, Encoding.ASCII.GetBytes(body), out _));
    }

    [Fact]
    public void ArbitraryBytes_NeverThrow()
    {
        var random = new Random(4733);
        var body = new byte[40];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(body);
            DtmfInfo.TryParse("application/dtmf-relay", body.AsSpan(0, random.Next(body.Length)), out _);
            DtmfInfo.TryParse("application/dtmf", body.AsSpan(0, random.Next(4)), out _);
        }
    }
}
