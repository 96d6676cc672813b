namespace ContactCenter.Sip.Messages;

/// <summary>URI schemes the stack understands.</summary>
public enum SipUriScheme
{
    /// <summary>sip: (RFC 3261 §19.1)</summary>
    Sip,
    /// <summary>sips: (RFC 3261 §19.1)</summary>
    Sips,
    /// <summary>tel: (RFC 3966)</summary>
    Tel,
}
