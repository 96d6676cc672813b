namespace ContactCenter.Media.Codecs;

/// <summary>
/// The receive QMF of G.722 §4.4: interpolates the two decoded sub-bands back to 16 kHz. With xd = rL - rH and
/// xs = rL + rH, the first output sample of each pair is 2 Σ h(2i) xd(n - i) and the second 2 Σ h(2i + 1) xs(n - i).
/// One instance per stream; no allocation after construction.
/// </summary>
/// <remarks>
/// The output is scaled back to 16-bit PCM (2^-11 where the 14-bit recommendation has 2^-12: see
/// <see cref="G722QmfAnalysis"/>) and saturated.
/// </remarks>
internal sealed class G722QmfSynthesis
{
    private const int OutputShift = 11;
    private const int HalfTaps = G722Qmf.TapCount / 2;

    // Newest first: _differences[i] is xd(n - i), _sums[i] is xs(n - i).
    private readonly int[] _differences = new int[HalfTaps];
    private readonly int[] _sums = new int[HalfTaps];

    /// <summary>Takes one decoded sub-band sample pair and returns two output samples, oldest first.</summary>
    /// <param name="lower">rL, the lower sub-band's reconstructed sample.</param>
    /// <param name="higher">rH, the higher sub-band's reconstructed sample.</param>
    /// <returns>The two 16 kHz samples.</returns>
    public (short First, short Second) Merge(int lower, int higher)
    {
        _differences.AsSpan(0, HalfTaps - 1).CopyTo(_differences.AsSpan(1));
        _sums.AsSpan(0, HalfTaps - 1).CopyTo(_sums.AsSpan(1));
        _differences[0] = lower - higher;
        _sums[0] = lower + higher;

        ReadOnlySpan<int> h = G722Qmf.Coefficients;
        int first = 0;
        int second = 0;
        for (int i = 0; i < HalfTaps; i++)
        {
            first += h[2 * i] * _differences[i];
            second += h[(2 * i) + 1] * _sums[i];
        }

        return ((short)G722Fixed.Saturate(first >> OutputShift), (short)G722Fixed.Saturate(second >> OutputShift));
    }
}
