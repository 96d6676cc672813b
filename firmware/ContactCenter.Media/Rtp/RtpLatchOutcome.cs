namespace ContactCenter.Media.Rtp;

/// <summary>What <see cref="RtpLatch.Accept"/> decided about one received packet's source.</summary>
internal enum RtpLatchOutcome
{
    /// <summary>Not from the peer (yet): drop the packet.</summary>
    Rejected,

    /// <summary>From the latched source: nothing changed.</summary>
    Accepted,

    /// <summary>From the SDP-declared address, which the peer's first packet now confirms.</summary>
    Confirmed,

    /// <summary>From a new source, which the stream now follows.</summary>
    Latched,
}
