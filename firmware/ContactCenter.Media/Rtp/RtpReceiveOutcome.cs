namespace ContactCenter.Media.Rtp;

/// <summary>What <see cref="RtpReceiveStatistics.Update"/> made of a packet (RFC 3550 Appendix A.1).</summary>
public enum RtpReceiveOutcome
{
    /// <summary>
    /// Counted for the current source: in order, late, or a duplicate (A.1 counts duplicates, which is why the
    /// cumulative loss can be negative, A.3).
    /// </summary>
    Accepted,

    /// <summary>From a source (SSRC) not yet validated: it needs <see cref="RtpReceiveStatistics.MinSequential"/>
    /// packets in sequence first. Not counted.</summary>
    Probation,

    /// <summary>A jump of the sequence number beyond the allowed dropout or misorder; not counted unless the next
    /// packet follows it, which is then taken as a restart of the sender.</summary>
    Discarded,
}
