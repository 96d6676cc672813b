namespace ContactCenter.Interop.Tests;

/// <summary>What a recording holds, in 20 ms frames (one RTP packet each at ptime 20).</summary>
/// <param name="Frames">Frames recorded.</param>
/// <param name="LoudFrames">Frames with a level well above silence.</param>
/// <param name="DominantHertz">The frequency of the loud frames, from their zero crossings (0 when none is loud).</param>
public sealed record AudioSummary(int Frames, int LoudFrames, double DominantHertz)
{
    /// <summary>Whether the loud part is a tone within 10 % of <paramref name="hertz"/>.</summary>
    public bool IsToneOf(int hertz) => LoudFrames > 0 && Math.Abs(DominantHertz - hertz) <= hertz * 0.1;
}
