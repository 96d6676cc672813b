using ContactCenter.Sip.Transactions;

namespace ContactCenter.Pbx.Calls;

/// <summary>A phone's INVITE to a park slot, answered once the parked party accepted its media (Call.Retrieval.cs).</summary>
/// <param name="Invite">The retrieving phone's INVITE.</param>
/// <param name="Tag">The To tag of our answer.</param>
/// <param name="Leg">The side it takes.</param>
/// <param name="Slot">The slot dialled.</param>
internal sealed record CallRetrieval(SipInviteServerTransaction Invite, string Tag, CallLeg Leg, string Slot);
