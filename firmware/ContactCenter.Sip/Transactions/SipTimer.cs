namespace ContactCenter.Sip.Transactions;

/// <summary>The RFC 3261 §17 timers (plus RFC 6026's L and M).</summary>
public enum SipTimer
{
    /// <summary>INVITE request retransmit (client, UDP).</summary>
    A,
    /// <summary>INVITE transaction timeout (client).</summary>
    B,
    /// <summary>Wait time for response retransmits (INVITE client, Completed).</summary>
    D,
    /// <summary>Non-INVITE request retransmit (client, UDP).</summary>
    E,
    /// <summary>Non-INVITE transaction timeout (client).</summary>
    F,
    /// <summary>INVITE final response retransmit (server, UDP).</summary>
    G,
    /// <summary>Wait time for ACK receipt (INVITE server).</summary>
    H,
    /// <summary>Wait time for ACK retransmits (INVITE server, Confirmed).</summary>
    I,
    /// <summary>Wait time for non-INVITE request retransmits (server, Completed).</summary>
    J,
    /// <summary>Wait time for response retransmits (non-INVITE client, Completed).</summary>
    K,
    /// <summary>Wait time for accepted INVITE request retransmits (server, Accepted; RFC 6026).</summary>
    L,
    /// <summary>Wait time for retransmitted 2xx (INVITE client, Accepted; RFC 6026).</summary>
    M,
}
