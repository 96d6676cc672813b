using System.Net;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Sdp;

/// <summary>What one of the appliance's own endpoints puts into its offers and answers.</summary>
/// <param name="Address">The advertised address phones send to (not a wildcard).</param>
/// <param name="RtpPort">The endpoint's RTP port.</param>
/// <param name="RtcpPort">The endpoint's RTCP port; written as <c>a=rtcp</c> only when it is not RTP + 1 (RFC 3605).</param>
public sealed record SdpLocalMedia(IPAddress Address, int RtpPort, int RtcpPort)
{
    /// <summary>The payload type our offers give telephone-event (RFC 4733), 101 as most phones use.</summary>
    public const int DefaultTelephoneEventPayloadType = 101;

    /// <summary>The codecs to offer and accept, in our order of preference for offers.</summary>
    public IReadOnlyList<AudioCodec> Codecs { get; init; } = SupportedAudioCodecs.All;

    /// <summary>
    /// The payload type of telephone-event in our offers; null when the endpoint neither offers nor accepts
    /// telephone-event (RFC 4733), so that the far end must send its digits as in-band tones.
    /// </summary>
    public int? TelephoneEventPayloadType { get; init; } = DefaultTelephoneEventPayloadType;

    /// <summary>
    /// What this endpoint is willing to do: <see cref="SdpDirection.SendRecv"/> normally, <see cref="SdpDirection.SendOnly"/>
    /// when the appliance puts the peer on hold (music on hold), <see cref="SdpDirection.RecvOnly"/> for a recorder.
    /// </summary>
    public SdpDirection Direction { get; init; } = SdpDirection.SendRecv;
}
