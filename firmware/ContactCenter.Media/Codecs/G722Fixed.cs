namespace ContactCenter.Media.Codecs;

/// <summary>
/// The 16-bit fixed-point operators of ITU-T G.722's computational description (the arithmetic the blocks of §6 are
/// written in): additions saturate to the signed 16-bit range, and a product of two Q15 values keeps the high part.
/// Following them exactly is what makes two G.722 implementations decode the same codes to the same samples.
/// </summary>
internal static class G722Fixed
{
    /// <summary>Clamps to the signed 16-bit range.</summary>
    public static int Saturate(int value) => Math.Clamp(value, short.MinValue, short.MaxValue);

    /// <summary>Addition with saturation control.</summary>
    public static int Add(int a, int b) => Saturate(a + b);

    /// <summary>Multiplication: the 32-bit product shifted right by 15 (arithmetic, so it rounds towards minus infinity).</summary>
    public static int Multiply(int a, int b) => (a * b) >> 15;

    /// <summary>
    /// The magnitude the quantisers compare against their decision levels: the value itself when non-negative, its
    /// one's complement (|e| - 1) when negative, as G.722 QUANTL and QUANTH compute it.
    /// </summary>
    public static int QuantiserMagnitude(int e) => e >= 0 ? e : -(e + 1);
}
