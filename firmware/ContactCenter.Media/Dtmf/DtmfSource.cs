namespace ContactCenter.Media.Dtmf;

/// <summary>How a DTMF digit reached the appliance.</summary>
public enum DtmfSource
{
    /// <summary>An RFC 4733 telephone-event in the RTP stream.</summary>
    TelephoneEvent,

    /// <summary>A SIP INFO request (application/dtmf-relay or application/dtmf).</summary>
    SipInfo,

    /// <summary>Tones in the audio, found by the Goertzel detector.</summary>
    InBand,
}
