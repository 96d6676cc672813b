namespace ContactCenter.Media.Tests.Codecs;

/// <summary>What the G.722 tests measure on whole signals (run through <see cref="CodecStream"/>).</summary>
internal static class G722Measurement
{
    /// <summary>The delay of the transmit and receive QMFs together, in 16 kHz samples.</summary>
    public const int QmfDelay = 22;

    // Start-up of the adaptive quantisers and the QMF is left out of the measurement, and the lag search spans the
    // QMF's 22-sample delay with room to spare.
    private const int Skip = 1600;
    private const int MaxLag = 64;

    /// <summary>The SNR of <paramref name="decoded"/> against <paramref name="input"/> once the codec's delay is found.</summary>
    public static double AlignedSnr(short[] input, short[] decoded, out int lag)
    {
        int length = Math.Min(input.Length, decoded.Length) - Skip - MaxLag;
        lag = SignalMath.BestLag(input.AsSpan(Skip, length), decoded.AsSpan(Skip, length + MaxLag), MaxLag);
        return SignalMath.SnrDecibels(input.AsSpan(Skip, length), decoded.AsSpan(Skip + lag, length));
    }
}
