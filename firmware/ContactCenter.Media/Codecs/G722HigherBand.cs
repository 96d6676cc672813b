namespace ContactCenter.Media.Codecs;

/// <summary>
/// The higher sub-band (4-8 kHz) quantisers of G.722: the encoder's 2-bit adaptive quantiser (QUANTH), its inverse
/// (INVQAH) and the scale factor step of each code (WH). Stateless; the state is a <see cref="G722Band"/>.
/// </summary>
/// <remarks>Code assignment (QUANTH's output table): 3 and 2 are the small and large positive levels, 1 and 0 the negative ones.</remarks>
internal static class G722HigherBand
{
    /// <summary>The ceiling of the higher band's logarithmic scale factor (LOGSCH).</summary>
    public const int MaxLogScale = 22528;

    /// <summary>The exponent offset of SCALEH.</summary>
    public const int ScaleExponentOffset = 10;

    private const int DecisionLevel = 564;
    private const int SmallLevel = 202;
    private const int LargeLevel = 926;

    /// <summary>QUANTH: the 2-bit code of the prediction error <paramref name="error"/>.</summary>
    /// <param name="error">The difference between the higher sub-band sample and its prediction.</param>
    /// <param name="scale">The band's current scale factor.</param>
    /// <returns>The 2-bit code.</returns>
    public static int Quantise(int error, int scale)
    {
        bool large = G722Fixed.QuantiserMagnitude(error) >= G722Fixed.Multiply(DecisionLevel << 3, scale);
        if (error >= 0)
        {
            return large ? 2 : 3;
        }

        return large ? 0 : 1;
    }

    /// <summary>INVQAH: the quantised difference of a code.</summary>
    /// <param name="code">The 2-bit code.</param>
    /// <param name="scale">The band's current scale factor.</param>
    /// <returns>The quantised difference.</returns>
    public static int Difference(int code, int scale)
    {
        int level = ((code & 1) == 0 ? LargeLevel : SmallLevel) << 3;
        return G722Fixed.Multiply(scale, code >= 2 ? level : -level);
    }

    /// <summary>WH: the log scale factor step of a code; a large level widens the quantiser, a small one narrows it.</summary>
    /// <param name="code">The 2-bit code.</param>
    /// <returns>The step for <see cref="G722Band.Adapt"/>.</returns>
    public static int LogScaleStep(int code) => (code & 1) == 0 ? 798 : -214;
}
