namespace ContactCenter.Sip;

/// <summary>Settings of the SIP core: RFC 3261 timer bases, what OPTIONS advertises, parser limits.</summary>
public sealed class SipStackOptions
{
    /// <summary>T1, the RTT estimate (RFC 3261 §17.1.1.1, default 500 ms).</summary>
    public TimeSpan T1 { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>T2, the longest non-INVITE request and INVITE response retransmit interval (default 4 s).</summary>
    public TimeSpan T2 { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>T4, the longest a message stays in the network (default 5 s).</summary>
    public TimeSpan T4 { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Option tags this element supports (sent in Supported; anything else in Require gets 420).</summary>
    public IList<string> SupportedExtensions { get; } = [];

    /// <summary>Body types accepted (sent in Accept).</summary>
    public IList<string> Accept { get; } = ["application/sdp"];

    /// <summary>Methods the element handles (sent in Allow); others get 405, unknown ones 501.</summary>
    public IList<string> Allow { get; } = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS"];

    /// <summary>The host written in Via sent-by and Contact; empty uses the local address of the transport.</summary>
    public string AdvertisedHost { get; set; } = "";

    /// <summary>Server / User-Agent header value.</summary>
    public string UserAgent { get; set; } = "ContactCenter";

    /// <summary>Requests larger than this go over TCP instead of UDP (RFC 3261 §18.1.1: 1300 bytes for a 1500-byte MTU).</summary>
    public int UdpRequestLimit { get; set; } = 1300;

    /// <summary>Parser limits.</summary>
    public Parsing.SipParseLimits Limits { get; set; } = Parsing.SipParseLimits.Default;
}
