namespace ContactCenter.Sip.Messages;

/// <summary>Headers the stack recognises by name (long or compact form). Everything else is <see cref="Unknown"/> and kept verbatim.</summary>
public enum SipHeaderId : byte
{
    /// <summary>An extension header, kept verbatim.</summary>
    Unknown,
    /// <summary>Via (v).</summary>
    Via,
    /// <summary>From (f).</summary>
    From,
    /// <summary>To (t).</summary>
    To,
    /// <summary>Call-ID (i).</summary>
    CallId,
    /// <summary>CSeq.</summary>
    CSeq,
    /// <summary>Max-Forwards.</summary>
    MaxForwards,
    /// <summary>Contact (m).</summary>
    Contact,
    /// <summary>Route.</summary>
    Route,
    /// <summary>Record-Route.</summary>
    RecordRoute,
    /// <summary>Content-Type (c).</summary>
    ContentType,
    /// <summary>Content-Length (l).</summary>
    ContentLength,
    /// <summary>Content-Encoding (e).</summary>
    ContentEncoding,
    /// <summary>Expires.</summary>
    Expires,
    /// <summary>Min-Expires.</summary>
    MinExpires,
    /// <summary>Authorization.</summary>
    Authorization,
    /// <summary>WWW-Authenticate.</summary>
    WwwAuthenticate,
    /// <summary>Proxy-Authenticate.</summary>
    ProxyAuthenticate,
    /// <summary>Proxy-Authorization.</summary>
    ProxyAuthorization,
    /// <summary>Allow.</summary>
    Allow,
    /// <summary>Accept.</summary>
    Accept,
    /// <summary>Supported (k).</summary>
    Supported,
    /// <summary>Require.</summary>
    Require,
    /// <summary>Proxy-Require.</summary>
    ProxyRequire,
    /// <summary>Unsupported.</summary>
    Unsupported,
    /// <summary>Event (o).</summary>
    Event,
    /// <summary>Allow-Events (u).</summary>
    AllowEvents,
    /// <summary>Subscription-State.</summary>
    SubscriptionState,
    /// <summary>Refer-To (r).</summary>
    ReferTo,
    /// <summary>Referred-By (b).</summary>
    ReferredBy,
    /// <summary>Replaces.</summary>
    Replaces,
    /// <summary>Reason.</summary>
    Reason,
    /// <summary>Subject (s).</summary>
    Subject,
    /// <summary>Session-Expires (x).</summary>
    SessionExpires,
    /// <summary>Min-SE.</summary>
    MinSE,
    /// <summary>User-Agent.</summary>
    UserAgent,
    /// <summary>Server.</summary>
    Server,
    /// <summary>Timestamp.</summary>
    Timestamp,
    /// <summary>Path (RFC 3327).</summary>
    Path,
    /// <summary>Accept-Contact (a).</summary>
    AcceptContact,
    /// <summary>Reject-Contact (j).</summary>
    RejectContact,
    /// <summary>Request-Disposition (d).</summary>
    RequestDisposition,
    /// <summary>Identity (y).</summary>
    Identity,
    /// <summary>Retry-After.</summary>
    RetryAfter,
}
