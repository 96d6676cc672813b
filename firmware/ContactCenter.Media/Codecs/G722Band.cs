namespace ContactCenter.Media.Codecs;

/// <summary>
/// The adaptive state one G.722 sub-band keeps, identical in the encoder and the decoder so the two track each other
/// from the codes alone: the logarithmic quantiser scale factor and the pole-zero predictor (two poles on the
/// reconstructed signal, six zeros on the quantised difference). The two bands differ only in the scale factor's
/// range; the quantisers that feed <see cref="Adapt"/> live in <see cref="G722LowerBand"/> and
/// <see cref="G722HigherBand"/>. Values are in G.722's fixed-point formats: predictor coefficients in Q14, signals
/// 16-bit. One instance per band per stream; no allocation after construction.
/// </summary>
internal sealed class G722Band
{
    // Leakage factors and adaptation steps of G.722 §3.5 / §3.6, in the Q15 (leaks) and Q14 (steps) formats.
    private const int ScaleLeak = 32512;        // 1 - 2^-7
    private const int ZeroLeak = 32640;         // 1 - 2^-8
    private const int PoleOneLeak = 32640;      // 1 - 2^-8
    private const int PoleTwoLeak = 32512;      // 1 - 2^-7
    private const int ZeroStep = 128;           // 2^-7
    private const int PoleOneStep = 192;        // 3 * 2^-8
    private const int PoleTwoStep = 128;        // 2^-7
    private const int PoleTwoLimit = 12288;     // |a2| <= 0.75
    private const int PoleOneMargin = 15360;    // |a1| <= 1 - 2^-4 - a2
    private const int ZeroCount = 6;

    // ILB of G.722 SCALEL/SCALEH: 2048 * 2^(i/32), the fractional part of the base-2 scale factor.
    private static readonly int[] InverseLog = [
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
    ];

    private readonly int _maxLogScale;
    private readonly int _scaleExponentOffset;
    private readonly int[] _zeros = new int[ZeroCount];
    private readonly int[] _differences = new int[ZeroCount];
    private int _logScale;
    private int _pole1;
    private int _pole2;
    private int _partial1;
    private int _partial2;
    private int _reconstructed1;
    private int _reconstructed2;
    private int _zeroPrediction;

    /// <summary>Creates the reset state of one band: everything zero, so the scale factor starts at its floor.</summary>
    /// <param name="maxLogScale">The ceiling of the logarithmic scale factor: 18432 lower band, 22528 higher band.</param>
    /// <param name="scaleExponentOffset">The exponent SCALEL (8) or SCALEH (10) subtracts when going linear.</param>
    public G722Band(int maxLogScale, int scaleExponentOffset)
    {
        _maxLogScale = maxLogScale;
        _scaleExponentOffset = scaleExponentOffset;
        Scale = LinearScale(0);
    }

    /// <summary>The predicted signal for the current sample (PREDIC: pole part plus zero part).</summary>
    public int Prediction { get; private set; }

    /// <summary>The linear quantiser scale factor for the current sample (DETL / DETH).</summary>
    public int Scale { get; private set; }

    /// <summary>
    /// Moves to the next sample once the current one's quantised difference is known: adapts the scale factor
    /// (LOGSCL/SCALEL) and the predictor (PARREC, RECONS, UPPOL2, UPPOL1, UPZERO, DELAYA, FILTEP, FILTEZ, PREDIC).
    /// </summary>
    /// <param name="difference">The quantised difference (the lower band's 4-bit one, even in 64 kbit/s mode).</param>
    /// <param name="logScaleStep">The scale factor multiplier of the code just sent or received (WL / WH).</param>
    public void Adapt(int difference, int logScaleStep)
    {
        AdaptScale(logScaleStep);

        int partial = G722Fixed.Add(difference, _zeroPrediction);
        int reconstructed = G722Fixed.Add(Prediction, difference);
        int pole2 = NextPole2(partial);
        int pole1 = NextPole1(partial, pole2);
        AdaptZeros(difference);

        _pole1 = pole1;
        _pole2 = pole2;
        _partial2 = _partial1;
        _partial1 = partial;
        _reconstructed2 = _reconstructed1;
        _reconstructed1 = reconstructed;
        _differences.AsSpan(0, ZeroCount - 1).CopyTo(_differences.AsSpan(1));
        _differences[0] = difference;

        Predict();
    }

    private static int Sign(int value) => value >> 15;

    // LOGSCL / LOGSCH: leaky integration of the code's step in the log domain, kept within the band's range.
    private void AdaptScale(int logScaleStep)
    {
        _logScale = Math.Clamp(G722Fixed.Add(G722Fixed.Multiply(_logScale, ScaleLeak), logScaleStep), 0, _maxLogScale);
        Scale = LinearScale(_logScale);
    }

    // SCALEL / SCALEH: bits 6-10 index the fraction table, bits 11 and up are the power of two.
    private int LinearScale(int logScale)
    {
        int fraction = InverseLog[(logScale >> 6) & 31];
        int shift = _scaleExponentOffset - (logScale >> 11);
        int linear = shift >= 0 ? fraction >> shift : fraction << -shift;
        return linear << 2;
    }

    // UPPOL2 (G.722 §3.6): a2 leaks towards zero, steps with the sign agreement of p(n) and p(n-2), and steps against
    // f(a1) when p(n) agrees with p(n-1); f(a1) = 4 a1 computed with saturation, which caps it at 2.
    private int NextPole2(int partial)
    {
        int twoA1 = G722Fixed.Add(_pole1, _pole1);
        int fourA1 = G722Fixed.Add(twoA1, twoA1);
        int step1 = Sign(partial) == Sign(_partial1) ? G722Fixed.Saturate(-fourA1) : fourA1;
        int step2 = Sign(partial) == Sign(_partial2) ? PoleTwoStep : -PoleTwoStep;
        int next = G722Fixed.Add(G722Fixed.Add(step1 >> 7, step2), G722Fixed.Multiply(_pole2, PoleTwoLeak));
        return Math.Clamp(next, -PoleTwoLimit, PoleTwoLimit);
    }

    // UPPOL1: a1 leaks, steps with the sign agreement of p(n) and p(n-1), and stays inside the stability triangle
    // bounded by the new a2.
    private int NextPole1(int partial, int pole2)
    {
        int step = Sign(partial) == Sign(_partial1) ? PoleOneStep : -PoleOneStep;
        int next = G722Fixed.Add(G722Fixed.Multiply(_pole1, PoleOneLeak), step);
        int limit = G722Fixed.Add(PoleOneMargin, -pole2);
        return Math.Clamp(next, -limit, limit);
    }

    // UPZERO: each b_i leaks and steps with the sign agreement of d(n) and d(n-i); a zero difference does not step.
    private void AdaptZeros(int difference)
    {
        int step = difference == 0 ? 0 : ZeroStep;
        for (int i = 0; i < ZeroCount; i++)
        {
            int signed = Sign(difference) == Sign(_differences[i]) ? step : -step;
            _zeros[i] = G722Fixed.Add(signed, G722Fixed.Multiply(_zeros[i], ZeroLeak));
        }
    }

    // FILTEZ, FILTEP, PREDIC: coefficients are Q14, so each product is taken on the doubled signal.
    private void Predict()
    {
        int zero = 0;
        for (int i = 0; i < ZeroCount; i++)
        {
            zero = G722Fixed.Add(zero, G722Fixed.Multiply(_zeros[i], G722Fixed.Add(_differences[i], _differences[i])));
        }

        int pole = G722Fixed.Add(
            G722Fixed.Multiply(_pole1, G722Fixed.Add(_reconstructed1, _reconstructed1)),
            G722Fixed.Multiply(_pole2, G722Fixed.Add(_reconstructed2, _reconstructed2)));
        _zeroPrediction = zero;
        Prediction = G722Fixed.Add(pole, zero);
    }
}
