using ContactCenter.Media.Endpoints;

namespace ContactCenter.Pbx.Calls;

/// <summary>
/// A call parked in a slot: the remaining party on the parking's endpoint (hold music), the other side of the relay
/// empty until someone retrieves it or the park timeout recalls the extension that parked it. Owned by the call's actor.
/// </summary>
/// <param name="Slot">The park slot number.</param>
/// <param name="By">The extension that parked the call (recalled at the timeout).</param>
/// <param name="Kept">The parked party.</param>
/// <param name="Replaced">The emptied side, taken by whoever retrieves the call.</param>
internal sealed record CallPark(string Slot, string By, CallLeg Kept, CallLeg Replaced)
{
    /// <summary>The park timeout (or the recall's, once recalling).</summary>
    public ITimer? Timer { get; set; }

    /// <summary>The music the parked party hears, once joined.</summary>
    public MusicOnHoldListener? Music { get; set; }

    /// <summary>Whether the timeout passed and the parking extension is being recalled.</summary>
    public bool Recalling { get; set; }
}
