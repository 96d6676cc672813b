namespace ContactCenter.Media.Rtp;

/// <summary>What the first bytes of a datagram received on a media port look like.</summary>
public enum RtpPacketKind
{
    /// <summary>Not RTP or RTCP: wrong version or too short. Dropped and counted.</summary>
    Invalid,

    /// <summary>An RTP packet (RFC 3550 §5.1): version 2 and at least the 12-byte fixed header.</summary>
    Rtp,

    /// <summary>An RTCP packet (RFC 3550 §6.4): version 2, packet type 192–223, at least 8 bytes.</summary>
    Rtcp,
}
