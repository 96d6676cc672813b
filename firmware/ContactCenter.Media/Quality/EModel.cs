namespace ContactCenter.Media.Quality;

/// <summary>
/// A simplified ITU-T G.107 E-model for a call leg: R = 93.2 − Id − Ie,eff, with every other factor at the G.107
/// default values (R0 − Is = 93.2 for default loudness, noise and sidetone; advantage factor A = 0), and MOS from R as
/// G.107 Annex B gives it.
/// </summary>
public static class EModel
{
    /// <summary>R for a connection with default values and no delay or loss (G.107 Table 3 defaults: R0 − Is).</summary>
    public const double DefaultR = 93.2;

    /// <summary>
    /// Id, the delay impairment, as the usual curve fit of G.107's Idd with default echo settings (Cole and
    /// Rosenbluth, "Voice over IP performance monitoring", ACM CCR 2001): 0.024·d, plus 0.11·(d − 177.3) beyond 177.3 ms.
    /// </summary>
    /// <param name="oneWayDelayMilliseconds">The one-way mouth-to-ear delay d in ms.</param>
    /// <returns>Id.</returns>
    public static double DelayImpairment(double oneWayDelayMilliseconds)
    {
        double d = Math.Max(0, oneWayDelayMilliseconds);
        return (0.024 * d) + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
    }

    /// <summary>
    /// Ie,eff = Ie + (95 − Ie) · Ppl / (Ppl / BurstR + Bpl), the effective equipment impairment of G.107 under loss.
    /// </summary>
    /// <param name="codec">Ie and Bpl of the codec.</param>
    /// <param name="lossPercent">Ppl, the packet loss in percent (0–100).</param>
    /// <param name="burstRatio">BurstR: 1 for random loss; above 1 when losses come in bursts.</param>
    /// <returns>Ie,eff.</returns>
    public static double EffectiveEquipmentImpairment(CodecImpairment codec, double lossPercent, double burstRatio = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burstRatio, 1);
        double ppl = Math.Clamp(lossPercent, 0, 100);
        return codec.EquipmentImpairment + ((95 - codec.EquipmentImpairment) * ppl / ((ppl / burstRatio) + codec.PacketLossRobustness));
    }

    /// <summary>The rating factor R, 0–93.2 here (clamped at 0).</summary>
    /// <param name="codec">The codec's Ie and Bpl.</param>
    /// <param name="lossPercent">Packet loss in percent.</param>
    /// <param name="oneWayDelayMilliseconds">One-way mouth-to-ear delay in ms.</param>
    /// <returns>R.</returns>
    public static double RatingFactor(CodecImpairment codec, double lossPercent, double oneWayDelayMilliseconds) =>
        Math.Max(0, DefaultR - DelayImpairment(oneWayDelayMilliseconds) - EffectiveEquipmentImpairment(codec, lossPercent));

    /// <summary>The estimated conversational MOS from R (G.107 Annex B).</summary>
    /// <param name="r">The rating factor.</param>
    /// <returns>MOS, 1–4.5.</returns>
    public static double MeanOpinionScore(double r) => r switch
    {
        <= 0 => 1,
        >= 100 => 4.5,
        _ => 1 + (0.035 * r) + (r * (r - 60) * (100 - r) * 7e-6),
    };
}
