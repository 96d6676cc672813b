using ContactCenter.Media.Endpoints;
using Xunit;

namespace ContactCenter.Media.Tests.Endpoints;

public class EchoSourceTests
{
    [Fact]
    public void WhatTheSinkReceives_TheSourceReturns_OneTickLater()
    {
        var echo = new EchoSource();
        var frame = new short[160];
        var heard = new List<short>();
        for (short tick = 1; tick <= 4; tick++)
        {
            // Receive phase, then Send phase, as the media clock runs them.
            echo.Write(Enumerable.Repeat(tick, 160).ToArray(), 8000);
            Assert.True(echo.Read(frame, 8000));
            heard.Add(frame[0]);
            Assert.All(frame, s => Assert.Equal(frame[0], s));
        }

        Assert.Equal([0, 1, 2, 3], heard);
    }

    [Fact]
    public void WithNothingReceived_TheSourcePlaysSilence()
    {
        var echo = new EchoSource();
        var frame = Enumerable.Repeat((short)99, 320).ToArray();
        echo.Write(new short[320], 16000);
        echo.Read(frame, 16000);
        Assert.All(frame, s => Assert.Equal(0, s));
        Assert.True(echo.Read(frame, 16000));
        Assert.All(frame, s => Assert.Equal(0, s));
    }
}
