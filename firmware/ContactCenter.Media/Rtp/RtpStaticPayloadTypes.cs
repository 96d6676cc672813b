namespace ContactCenter.Media.Rtp;

/// <summary>
/// The RTP clock rates of the statically assigned audio payload types (RFC 3551 §6, table 4). A dynamic payload type
/// (96–127) has the rate its SDP <c>rtpmap</c> gave, which only the endpoint that negotiated it knows.
/// </summary>
public static class RtpStaticPayloadTypes
{
    /// <summary>The clock rate of a static audio payload type.</summary>
    /// <param name="payloadType">A payload type, 0–127.</param>
    /// <returns>The rate in Hz, or 0 when the type is dynamic, unassigned or not audio.</returns>
    public static int GetClockRate(int payloadType) => payloadType switch
    {
        // PCMU, GSM, G723, DVI4/8000, LPC, PCMA, G722 (8000 by the RFC 3551 §4.5.2 historical error), QCELP, CN, G728, G729.
        0 or 3 or 4 or 5 or 7 or 8 or 9 or 12 or 13 or 15 or 18 => 8000,
        6 => 16000,
        10 or 11 => 44100,
        14 => 90000,
        16 => 11025,
        17 => 22050,
        _ => 0,
    };
}
