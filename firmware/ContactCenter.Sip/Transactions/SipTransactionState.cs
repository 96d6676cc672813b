namespace ContactCenter.Sip.Transactions;

/// <summary>Transaction states of RFC 3261 §17 and RFC 6026.</summary>
public enum SipTransactionState
{
    /// <summary>INVITE client: request sent, nothing heard.</summary>
    Calling,
    /// <summary>Non-INVITE: request sent or received, no response yet.</summary>
    Trying,
    /// <summary>A provisional response was sent or received.</summary>
    Proceeding,
    /// <summary>A 2xx to an INVITE was sent or received (RFC 6026).</summary>
    Accepted,
    /// <summary>A final response was sent or received; absorbing retransmissions.</summary>
    Completed,
    /// <summary>INVITE server: the ACK for a non-2xx arrived.</summary>
    Confirmed,
    /// <summary>Finished; removed from the stack.</summary>
    Terminated,
}
