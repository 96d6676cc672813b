using ContactCenter.Media.Quality;
using Xunit;

namespace ContactCenter.Media.Tests.Quality;

public class EModelTests
{
    [Theory]
    // Reference points of the G.107 Annex B mapping (the R bands of G.109: 90 "best", 80, 70, 60, 50 "poor").
    [InlineData(93.2, 4.41)]
    [InlineData(90, 4.34)]
    [InlineData(80, 4.02)]
    [InlineData(70, 3.60)]
    [InlineData(60, 3.10)]
    [InlineData(50, 2.58)]
    public void Mos_FollowsG107AnnexB(double r, double mos) => Assert.Equal(mos, EModel.MeanOpinionScore(r), 2);

    [Fact]
    public void Mos_IsBoundedByOneAndFourAndAHalf()
    {
        Assert.Equal(1, EModel.MeanOpinionScore(-5));
        Assert.Equal(1, EModel.MeanOpinionScore(0));
        Assert.Equal(4.5, EModel.MeanOpinionScore(100));
        Assert.Equal(4.5, EModel.MeanOpinionScore(120));
    }

    [Fact]
    public void DelayImpairment_IsSmallUpTo177Ms_ThenSteep()
    {
        Assert.Equal(0, EModel.DelayImpairment(0));
        Assert.Equal(2.4, EModel.DelayImpairment(100), 9);
        Assert.Equal(0.024 * 177.3, EModel.DelayImpairment(177.3), 9);
        // Beyond the knee each extra ms costs 0.134 instead of 0.024.
        Assert.Equal(0.134 * 100, EModel.DelayImpairment(400) - EModel.DelayImpairment(300), 9);
    }

    [Fact]
    public void LossImpairment_UsesIeAndBpl_AndConcealmentMakesG711FarMoreRobust()
    {
        Assert.Equal(0, EModel.EffectiveEquipmentImpairment(CodecImpairment.G711WithConcealment, 0));
        // 5 % random loss: 95·5/(5 + 25.1) with PLC, 95·5/(5 + 4.3) without.
        Assert.Equal(95 * 5 / 30.1, EModel.EffectiveEquipmentImpairment(CodecImpairment.G711WithConcealment, 5), 9);
        Assert.Equal(95 * 5 / 9.3, EModel.EffectiveEquipmentImpairment(CodecImpairment.G711WithoutConcealment, 5), 9);
        Assert.Equal(EModel.EffectiveEquipmentImpairment(CodecImpairment.G711WithConcealment, 100), EModel.EffectiveEquipmentImpairment(CodecImpairment.G711WithConcealment, 150));
        Assert.True(EModel.EffectiveEquipmentImpairment(CodecImpairment.G711WithConcealment, 5, burstRatio: 2)
            > EModel.EffectiveEquipmentImpairment(CodecImpairment.G711WithConcealment, 5));
    }

    [Fact]
    public void ACleanCall_ScoresAbout4Point4()
    {
        var quality = CallQuality.Estimate(0, 0, 0, CodecImpairment.G711WithConcealment);
        Assert.InRange(quality.Mos, 4.38, 4.42);
        Assert.InRange(quality.RatingFactor, 92, 93.2);
    }

    [Fact]
    public void FivePercentRandomLoss_LowersG711_ToAbout3Point9WithConcealment_AndBelow2Point5Without()
    {
        var clean = CallQuality.Estimate(0, 0, 0, CodecImpairment.G711WithConcealment);
        var withPlc = CallQuality.Estimate(5, 0, 0, CodecImpairment.G711WithConcealment);
        var withoutPlc = CallQuality.Estimate(5, 0, 0, CodecImpairment.G711WithoutConcealment);
        Assert.InRange(withPlc.Mos, 3.8, 4.0);
        Assert.InRange(withoutPlc.Mos, 1.5, 2.5);
        Assert.True(clean.Mos > withPlc.Mos);
    }

    [Fact]
    public void RoundTripAndJitter_AddDelay_AndAreReportedAsGiven()
    {
        var near = CallQuality.Estimate(1, 2, 20, CodecImpairment.G711WithConcealment);
        var far = CallQuality.Estimate(1, 30, 600, CodecImpairment.G711WithConcealment);
        Assert.Equal((1.0, 2.0, (double?)20.0), (near.LossPercent, near.JitterMilliseconds, near.RoundTripMilliseconds));
        Assert.True(far.Mos < near.Mos - 0.5);
        Assert.Null(CallQuality.Estimate(0, 0, null, CodecImpairment.G722).RoundTripMilliseconds);
        Assert.Equal(CodecImpairment.G722, CodecImpairment.ForPayloadType(9));
        Assert.Equal(CodecImpairment.G711WithConcealment, CodecImpairment.ForPayloadType(8));
    }
}
