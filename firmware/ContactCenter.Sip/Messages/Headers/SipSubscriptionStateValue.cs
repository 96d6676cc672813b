namespace ContactCenter.Sip.Messages.Headers;

/// <summary>The substate-value of a Subscription-State header (RFC 6665 §8.2.3).</summary>
public enum SipSubscriptionStateValue
{
    /// <summary>An extension state; see <see cref="SipSubscriptionState.StateName"/>.</summary>
    Extension,
    /// <summary><c>active</c></summary>
    Active,
    /// <summary><c>pending</c></summary>
    Pending,
    /// <summary><c>terminated</c></summary>
    Terminated,
}
