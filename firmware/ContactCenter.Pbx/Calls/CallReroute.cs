namespace ContactCenter.Pbx.Calls;

/// <summary>
/// An answered call whose one side is being given to another extension (blind transfer, retrieving a parked call, or
/// the recall after a transfer or park nobody took): the kept party stays on its dialog and relay ports while the target's contacts ring. Owned by the
/// call's actor.
/// </summary>
/// <param name="Kept">The party that stays (its media still reaches the relay).</param>
/// <param name="Replaced">The side of the relay the target takes, emptied of the party that left.</param>
/// <param name="Number">The extension rung.</param>
/// <param name="By">The extension that transferred the call (recalled when the target does not answer).</param>
/// <param name="IsRecall">Whether this is already the recall (no second one).</param>
/// <param name="AutoAnswer">Whether the phones are asked to answer by themselves (a retrieve; never a recall, which must ring).</param>
internal sealed record CallReroute(CallLeg Kept, CallLeg Replaced, string Number, string By, bool IsRecall, bool AutoAnswer)
{
    /// <summary>The INVITEs to the rung extension's contacts.</summary>
    public List<CallFork> Forks { get; } = [];
}
