namespace ContactCenter.Panel.LatencyBench;

/// <summary>What a <see cref="BenchPhone"/> keeps of a call it placed, to acknowledge and hang it up.</summary>
internal sealed record OutgoingCall(string CallId, string LocalTag, string RemoteTag, uint InviteCSeq, string RemoteTarget, string Number);
