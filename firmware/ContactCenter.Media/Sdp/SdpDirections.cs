namespace ContactCenter.Media.Sdp;

/// <summary>Direction arithmetic of offer/answer (RFC 3264 §6.1) and the attribute names (RFC 8866 §6.7).</summary>
internal static class SdpDirections
{
    public static bool Sends(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.SendOnly;

    public static bool Receives(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    public static SdpDirection From(bool sends, bool receives) => (sends, receives) switch
    {
        (true, true) => SdpDirection.SendRecv,
        (true, false) => SdpDirection.SendOnly,
        (false, true) => SdpDirection.RecvOnly,
        _ => SdpDirection.Inactive,
    };

    /// <summary>
    /// Our direction given the peer's: we may send only what it receives and receive only what it sends, within what
    /// we are willing to do (RFC 3264 §6.1: sendonly is answered recvonly, recvonly sendonly, inactive inactive).
    /// </summary>
    public static SdpDirection Answering(SdpDirection peer, SdpDirection local) =>
        From(peer.Receives() && local.Sends(), peer.Sends() && local.Receives());

    public static string ToAttribute(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };
}
