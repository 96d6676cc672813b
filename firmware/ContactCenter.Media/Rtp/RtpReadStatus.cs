namespace ContactCenter.Media.Rtp;

/// <summary>The outcome of reading a received RTP packet (<see cref="RtpPacket.TryRead"/>).</summary>
public enum RtpReadStatus
{
    /// <summary>A well-formed RTP packet.</summary>
    Ok,

    /// <summary>Shorter than the 12-byte fixed header.</summary>
    TooShort,

    /// <summary>The version field is not 2 (RFC 3550 §5.1).</summary>
    UnsupportedVersion,

    /// <summary>The CSRC count announces more identifiers than the packet holds.</summary>
    TruncatedCsrcList,

    /// <summary>The X bit is set but the header extension (RFC 3550 §5.3.1) does not fit in the packet.</summary>
    TruncatedExtension,

    /// <summary>The P bit is set but the padding count is 0 or larger than what follows the headers (§5.1).</summary>
    InvalidPadding,
}
