namespace ContactCenter.Pbx.Calls;

/// <summary>
/// What a call shows other threads (the call commands looking for a call): published by its actor after each change,
/// read without locks. Only a hint: the actor checks again when the command reaches it.
/// </summary>
/// <param name="Ringing">The callee's phones ring.</param>
/// <param name="Answered">Both sides talk (not while a transfer rings its target).</param>
/// <param name="Caller">The extension on the caller side (null for none).</param>
/// <param name="Callee">The extension called while ringing, then the one on the callee side.</param>
internal sealed record CallView(bool Ringing, bool Answered, string? Caller, string? Callee)
{
    /// <summary>A call not yet routed, or over.</summary>
    public static readonly CallView None = new(false, false, null, null);

    /// <summary>Whether <paramref name="extension"/> is one of the two parties talking.</summary>
    public bool IsAnsweredWith(string extension) => Answered && (Caller == extension || Callee == extension);
}
