using System.Net;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Sdp;

/// <summary>The outcome of one offer/answer exchange for the audio stream of an own endpoint.</summary>
/// <param name="Codec">The codec both sides send.</param>
/// <param name="PayloadType">Its payload type in this session (the offerer's number, RFC 3264 §6.1).</param>
/// <param name="TelephoneEventPayloadType">The telephone-event payload type, or null when RFC 4733 events were not negotiated.</param>
/// <param name="SendPacketMilliseconds">How much audio each packet we send carries (20, 40 or 60 ms).</param>
/// <param name="Direction">Our direction: whether we send and whether we receive.</param>
/// <param name="RemoteRtp">Where the peer receives RTP; null when it does not receive (hold address).</param>
/// <param name="RemoteRtcp">Where the peer receives RTCP; null with <paramref name="RemoteRtp"/>.</param>
public sealed record SdpNegotiatedAudio(
    AudioCodec Codec,
    int PayloadType,
    int? TelephoneEventPayloadType,
    int SendPacketMilliseconds,
    SdpDirection Direction,
    IPEndPoint? RemoteRtp,
    IPEndPoint? RemoteRtcp)
{
    /// <summary>Whether we send media: our direction allows it and the peer gave an address.</summary>
    public bool Sends => Direction is SdpDirection.SendRecv or SdpDirection.SendOnly && RemoteRtp is not null;

    /// <summary>Whether we accept media from the peer.</summary>
    public bool Receives => Direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;
}
