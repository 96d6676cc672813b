namespace ContactCenter.Media.Codecs;

/// <summary>
/// The 24-tap quadrature mirror filter of G.722 §3.1 and §4.4 (the recommendation's coefficient table, h0..h23,
/// scaled by 2^13 and symmetric), shared by <see cref="G722QmfAnalysis"/> and <see cref="G722QmfSynthesis"/>.
/// Analysis then synthesis delays the signal by 22 samples at 16 kHz (1.375 ms): each polyphase half is 12 taps and
/// one is the other reversed.
/// </summary>
internal static class G722Qmf
{
    /// <summary>The number of taps.</summary>
    public const int TapCount = 24;

    /// <summary>The delay of analysis then synthesis, in 16 kHz samples.</summary>
    public const int Delay = 22;

    // A static array rather than a span over constant data: the latter allocated on every read in the Debug build.
    private static readonly int[] Table = [
        3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876,
        3876, 951, -805, -210, 362, 32, -156, 12, 53, -11, -11, 3,
    ];

    /// <summary>h0..h23; they sum to 2^13.</summary>
    public static ReadOnlySpan<int> Coefficients => Table;
}
