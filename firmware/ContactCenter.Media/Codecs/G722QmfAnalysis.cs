namespace ContactCenter.Media.Codecs;

/// <summary>
/// The transmit QMF of G.722 §3.1: splits 16 kHz PCM into the lower and higher sub-band at 8 kHz. For each pair of
/// input samples, xA sums the even coefficients against the newest sample and those an even number of samples before
/// it, xB the odd coefficients against the others; the lower band is xA + xB and the higher band xA - xB. One instance
/// per stream; no allocation after construction.
/// </summary>
/// <remarks>
/// G.722 works on 14-bit PCM; the engine's is 16-bit. Scaling by 2^-14 instead of the coefficients' 2^-13 gives the
/// sub-band signals the 15-bit range the ADPCM stages are specified for (RL and RH are limited to -16384..16383),
/// which is the recommendation's 14-bit input shifted left by one.
/// </remarks>
internal sealed class G722QmfAnalysis
{
    private const int OutputShift = 14;

    // _history[k] is x(j - k), j the newest input sample.
    private readonly int[] _history = new int[G722Qmf.TapCount];

    /// <summary>Takes two input samples, oldest first, and returns the next sub-band sample pair.</summary>
    /// <param name="older">x(j - 1).</param>
    /// <param name="newer">x(j).</param>
    /// <returns>The lower and higher sub-band samples.</returns>
    public (int Lower, int Higher) Split(short older, short newer)
    {
        _history.AsSpan(0, G722Qmf.TapCount - 2).CopyTo(_history.AsSpan(2));
        _history[1] = older;
        _history[0] = newer;

        ReadOnlySpan<int> h = G722Qmf.Coefficients;
        int even = 0;
        int odd = 0;
        for (int k = 0; k < G722Qmf.TapCount; k += 2)
        {
            even += h[k] * _history[k];
            odd += h[k + 1] * _history[k + 1];
        }

        return ((even + odd) >> OutputShift, (even - odd) >> OutputShift);
    }
}
