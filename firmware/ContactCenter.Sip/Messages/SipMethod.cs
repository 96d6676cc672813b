namespace ContactCenter.Sip.Messages;

/// <summary>The request methods the stack knows by name; anything else is <see cref="Unknown"/> and keeps its token in the message's method name.</summary>
public enum SipMethod
{
    /// <summary>An extension method the stack does not know (RFC 3261 §25.1 <c>extension-method</c>).</summary>
    Unknown,
    /// <summary>INVITE (RFC 3261).</summary>
    Invite,
    /// <summary>ACK (RFC 3261).</summary>
    Ack,
    /// <summary>BYE (RFC 3261).</summary>
    Bye,
    /// <summary>CANCEL (RFC 3261).</summary>
    Cancel,
    /// <summary>REGISTER (RFC 3261).</summary>
    Register,
    /// <summary>OPTIONS (RFC 3261).</summary>
    Options,
    /// <summary>INFO (RFC 6086).</summary>
    Info,
    /// <summary>UPDATE (RFC 3311).</summary>
    Update,
    /// <summary>PRACK (RFC 3262).</summary>
    Prack,
    /// <summary>SUBSCRIBE (RFC 6665).</summary>
    Subscribe,
    /// <summary>NOTIFY (RFC 6665).</summary>
    Notify,
    /// <summary>REFER (RFC 3515).</summary>
    Refer,
    /// <summary>MESSAGE (RFC 3428).</summary>
    Message,
    /// <summary>PUBLISH (RFC 3903).</summary>
    Publish,
}
