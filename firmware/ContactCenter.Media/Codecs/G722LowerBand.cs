namespace ContactCenter.Media.Codecs;

/// <summary>
/// The lower sub-band (0-4 kHz) quantisers of G.722 at 64 kbit/s: the encoder's 6-bit adaptive quantiser (QUANTL), the
/// 4-bit inverse quantiser both sides feed to the predictor (INVQAL), the decoder's 6-bit inverse quantiser for its
/// output (INVQBL, mode 1), and the scale factor step of each code (WL). Stateless; the state is a
/// <see cref="G722Band"/>.
/// </summary>
/// <remarks>
/// Code assignment (QUANTL's output table): the magnitude falls in one of 30 intervals m = 1..30; a positive difference sends
/// 62 - m, a negative one 34 - m, except the two smallest negative intervals, which send 63 and 62. Dropping the two
/// low bits leaves a valid 4-bit code of the coarser quantiser, which is what lets 56 and 48 kbit/s decoders (and the
/// predictor) use the same stream.
/// </remarks>
internal static class G722LowerBand
{
    /// <summary>The ceiling of the lower band's logarithmic scale factor (LOGSCL).</summary>
    public const int MaxLogScale = 18432;

    /// <summary>The exponent offset of SCALEL.</summary>
    public const int ScaleExponentOffset = 8;

    private const int IntervalCount = 30;

    // Decision levels of the 6-bit quantiser (lower bound of interval m at index m - 1), in units of the scale factor
    // divided by 2^12.
    private static readonly int[] DecisionLevels = [
        0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650,
        714, 786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919,
    ];

    // Output levels of the 6-bit inverse quantiser for intervals 1..30 (the midpoints of the decision levels).
    private static readonly int[] Levels6 = [
        17, 54, 91, 130, 170, 211, 254, 300, 347, 396, 447, 501, 558, 618, 682,
        750, 822, 899, 982, 1072, 1170, 1279, 1399, 1535, 1689, 1873, 2088, 2376, 2738, 3101,
    ];

    // Output levels of the 4-bit inverse quantiser for its magnitude indexes 0..7.
    private static readonly int[] Levels4 = [0, 150, 323, 530, 786, 1121, 1612, 2557];

    // WL: the log scale factor step for each 4-bit magnitude index; big differences widen the quantiser quickly.
    private static readonly int[] LogScaleSteps = [-60, -30, 58, 172, 334, 538, 1198, 3042];

    private static readonly int[] SignedLevels6 = BuildSignedLevels6();

    /// <summary>QUANTL: the 6-bit code of the prediction error <paramref name="error"/>.</summary>
    /// <param name="error">The difference between the lower sub-band sample and its prediction.</param>
    /// <param name="scale">The band's current scale factor.</param>
    /// <returns>The 6-bit code.</returns>
    public static int Quantise(int error, int scale)
    {
        // The interval is the first m whose upper decision level (scaled) exceeds the magnitude, or the last one. The
        // scaled levels rise with m, so a binary search finds the same m as QUANTL's scan in 5 comparisons.
        int magnitude = G722Fixed.QuantiserMagnitude(error);
        int interval = 1;
        int last = IntervalCount;
        while (interval < last)
        {
            int middle = (interval + last) >> 1;
            if (magnitude >= G722Fixed.Multiply(DecisionLevels[middle] << 3, scale))
            {
                interval = middle + 1;
            }
            else
            {
                last = middle;
            }
        }

        if (error >= 0)
        {
            return 62 - interval;
        }

        return interval <= 2 ? 64 - interval : 34 - interval;
    }

    /// <summary>INVQAL: the 4-bit quantised difference the predictor and scale factor adapt on.</summary>
    /// <param name="code">The 6-bit code (its two low bits are ignored).</param>
    /// <param name="scale">The band's current scale factor.</param>
    /// <returns>The quantised difference.</returns>
    public static int Difference4(int code, int scale)
    {
        int code4 = code >> 2;
        int level = Levels4[MagnitudeIndex4(code4)] << 3;
        return G722Fixed.Multiply(scale, code4 < 8 ? -level : level);
    }

    /// <summary>INVQBL in mode 1 (64 kbit/s): the 6-bit quantised difference the decoder outputs.</summary>
    /// <param name="code">The 6-bit code.</param>
    /// <param name="scale">The band's current scale factor.</param>
    /// <returns>The quantised difference.</returns>
    public static int Difference6(int code, int scale) => G722Fixed.Multiply(scale, SignedLevels6[code]);

    /// <summary>WL: the log scale factor step of a code (taken on its 4-bit part).</summary>
    /// <param name="code">The 6-bit code.</param>
    /// <returns>The step for <see cref="G722Band.Adapt"/>.</returns>
    public static int LogScaleStep(int code) => LogScaleSteps[MagnitudeIndex4(code >> 2)];

    // RIL to magnitude index (G.722's RL42): codes 8..15 are positive, largest at 8; codes 1..7 negative, largest at 1;
    // 0 and 15 are the two halves of the interval around zero.
    private static int MagnitudeIndex4(int code4) => code4 switch
    {
        0 => 0,
        < 8 => 8 - code4,
        _ => 15 - code4,
    };

    // The 6-bit inverse table by code, scaled by 8 as INVQBL does. Codes 0..3 are never sent (negative codes start at
    // 4); a decoder still has to read them, and they decode as the smallest negative level, like 63.
    private static int[] BuildSignedLevels6()
    {
        var table = new int[64];
        for (int code = 0; code < 64; code++)
        {
            int interval = code switch
            {
                < 4 => 1,
                < 32 => 34 - code,
                < 62 => 62 - code,
                _ => 64 - code,
            };
            int level = Levels6[interval - 1] << 3;
            table[code] = code is >= 32 and < 62 ? level : -level;
        }

        return table;
    }
}
