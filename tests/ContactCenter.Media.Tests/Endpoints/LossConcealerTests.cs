using ContactCenter.Media.Endpoints;
using Xunit;

namespace ContactCenter.Media.Tests.Endpoints;

public class LossConcealerTests
{
    [Fact]
    public void MissingFrames_RepeatTheLastOneAtHalfThenQuarterLevel_ThenSilence()
    {
        var concealer = new LossConcealer();
        concealer.Good(Enumerable.Repeat((short)1000, 160).ToArray());
        var frame = new short[160];

        concealer.Conceal(frame);
        Assert.All(frame, s => Assert.Equal(500, s));
        concealer.Conceal(frame);
        Assert.All(frame, s => Assert.Equal(250, s));
        concealer.Conceal(frame);
        Assert.All(frame, s => Assert.Equal(0, s));

        concealer.Good(Enumerable.Repeat((short)-800, 160).ToArray());
        concealer.Conceal(frame);
        Assert.All(frame, s => Assert.Equal(-400, s));
    }

    [Fact]
    public void BeforeAnyGoodFrame_ConcealmentIsSilence()
    {
        var frame = Enumerable.Repeat((short)7, 320).ToArray();
        new LossConcealer().Conceal(frame);
        Assert.All(frame, s => Assert.Equal(0, s));
    }
}
