namespace ContactCenter.Media.Relay;

/// <summary>The two sides of a relayed call. Which is the caller is the PBX's business; the relay is symmetric.</summary>
public enum RtpRelayLeg
{
    /// <summary>The first leg (by convention the caller's).</summary>
    A,

    /// <summary>The second leg (by convention the callee's).</summary>
    B,
}
