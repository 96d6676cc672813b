namespace ContactCenter.Media.Rtcp;

/// <summary>RTCP packet types (RFC 3550 §12.1). Values outside this list are passed over by the reader.</summary>
public enum RtcpPacketType
{
    /// <summary>Sender report, SR (§6.4.1).</summary>
    SenderReport = 200,

    /// <summary>Receiver report, RR (§6.4.2).</summary>
    ReceiverReport = 201,

    /// <summary>Source description, SDES (§6.5).</summary>
    SourceDescription = 202,

    /// <summary>Goodbye, BYE (§6.6).</summary>
    Goodbye = 203,

    /// <summary>Application-defined, APP (§6.7).</summary>
    ApplicationDefined = 204,
}
