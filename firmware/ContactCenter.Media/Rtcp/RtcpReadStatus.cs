namespace ContactCenter.Media.Rtcp;

/// <summary>The outcome of checking a received compound RTCP packet (RFC 3550 Appendix A.2).</summary>
public enum RtcpReadStatus
{
    /// <summary>Well-formed: every packet can be read.</summary>
    Ok,

    /// <summary>Shorter than an RTCP header, or bytes left over that do not make one.</summary>
    TooShort,

    /// <summary>A packet's version field is not 2.</summary>
    UnsupportedVersion,

    /// <summary>A packet's length field runs past the end of the datagram.</summary>
    LengthMismatch,

    /// <summary>The first packet is neither SR nor RR (§6.1: a compound starts with a report).</summary>
    NotAReport,

    /// <summary>Padding on a packet other than the last, or a padding count that is 0 or too large (§6.4.1).</summary>
    InvalidPadding,

    /// <summary>An SR or RR whose report blocks (or sender info) do not fit in its length.</summary>
    MalformedReport,

    /// <summary>An SDES packet whose chunks or items do not fit in its length (§6.5).</summary>
    MalformedSourceDescription,

    /// <summary>A BYE whose sources or reason do not fit in its length (§6.6).</summary>
    MalformedGoodbye,
}
