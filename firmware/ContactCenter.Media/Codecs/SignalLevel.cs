namespace ContactCenter.Media.Codecs;

/// <summary>
/// Converts between dBm0 and 16-bit linear PCM. ITU-T G.711 puts the µ-law overload point (±8159 on its 14-bit scale,
/// ±32635 once scaled to 16 bits) at +3.17 dBm0, so a 0 dBm0 sine wave peaks at about 22 660. Tone generators and the
/// DTMF detector share this reference so a level written in a specification means the same thing on both sides.
/// </summary>
public static class SignalLevel
{
    /// <summary>The level of a full-scale sine wave (G.711 µ-law's maximum), in dBm0.</summary>
    public const double FullScaleSineDbm0 = 3.17;

    /// <summary>The peak of a 0 dBm0 sine wave in 16-bit PCM.</summary>
    public static readonly double ZeroDbm0Amplitude = 32635 / Math.Pow(10, FullScaleSineDbm0 / 20);

    /// <summary>The peak amplitude of a sine wave at <paramref name="dbm0"/>.</summary>
    /// <param name="dbm0">A level in dBm0 (e.g. −13).</param>
    /// <returns>The peak in 16-bit PCM units.</returns>
    public static double SineAmplitude(double dbm0) => ZeroDbm0Amplitude * Math.Pow(10, dbm0 / 20);

    /// <summary>The mean-square power of a sine wave at <paramref name="dbm0"/>.</summary>
    /// <param name="dbm0">A level in dBm0.</param>
    /// <returns>The mean of the squared samples, in 16-bit PCM units squared.</returns>
    public static double SinePower(double dbm0)
    {
        double amplitude = SineAmplitude(dbm0);
        return amplitude * amplitude / 2;
    }

    /// <summary>The level in dBm0 of a signal whose mean-square power is <paramref name="meanSquare"/>.</summary>
    /// <param name="meanSquare">The mean of the squared samples.</param>
    /// <returns>The level in dBm0 (negative infinity for silence).</returns>
    public static double Dbm0(double meanSquare) => 10 * Math.Log10(meanSquare / SinePower(0));
}
