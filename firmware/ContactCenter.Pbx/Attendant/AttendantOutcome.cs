namespace ContactCenter.Pbx.Attendant;

/// <summary>What became of a key press: the operation chosen, and why it failed if it did (then the key shows attention).</summary>
/// <param name="Operation">The operation the press decided on.</param>
/// <param name="Failure">Why nothing (or not everything) was done; null when it was.</param>
public readonly record struct AttendantOutcome(AttendantOperation Operation, string? Failure = null)
{
    /// <summary>Whether the operation was performed (for a call operation: its first SIP request is on its way).</summary>
    public bool Succeeded => Failure is null;
}
