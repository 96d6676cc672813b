namespace ContactCenter.Media.Dtmf;

/// <summary>One key press of the far end.</summary>
/// <param name="Digit">One of <c>0123456789*#ABCD</c>.</param>
/// <param name="DurationMilliseconds">How long the key was held, when known; 0 when the signalling does not say.</param>
/// <param name="Source">How the digit was signalled.</param>
public readonly record struct DtmfDigit(char Digit, int DurationMilliseconds, DtmfSource Source)
{
    /// <summary>The sixteen DTMF keys, in RFC 4733 §3.2 event-code order (0–9, *, #, A–D).</summary>
    public const string Keys = "0123456789*#ABCD";

    /// <summary>Whether <paramref name="digit"/> is a DTMF key (upper-case letters only).</summary>
    /// <param name="digit">A character.</param>
    /// <returns>True for <c>0–9 * # A–D</c>.</returns>
    public static bool IsKey(char digit) => Keys.Contains(digit, StringComparison.Ordinal);
}
