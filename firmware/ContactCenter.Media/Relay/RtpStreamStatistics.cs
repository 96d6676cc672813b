using System.Net;

namespace ContactCenter.Media.Relay;

/// <summary>Counters of one direction-agnostic media stream (RTP or RTCP) of one leg, as received from that leg's peer.</summary>
/// <param name="Packets">Packets accepted from the peer (valid, from the latched source).</param>
/// <param name="Bytes">Bytes of those packets (UDP payload).</param>
/// <param name="Relayed">Packets sent on to the other leg.</param>
/// <param name="Invalid">Datagrams dropped because they were not RTP/RTCP or were too large.</param>
/// <param name="Foreign">Valid packets dropped because they came from a source that is not (yet) the latched one.</param>
/// <param name="Undeliverable">Accepted packets not relayed: the other leg has no remote address yet, or the send failed.</param>
/// <param name="Latches">How many times the remote address was learnt from received packets.</param>
/// <param name="Remote">Where packets for this leg's peer are sent: latched, or as the SDP said; null when unknown or on hold.</param>
/// <param name="LastPacketAt">When the last accepted packet arrived, from the injected clock; null before the first.</param>
public readonly record struct RtpStreamStatistics(
    long Packets,
    long Bytes,
    long Relayed,
    long Invalid,
    long Foreign,
    long Undeliverable,
    long Latches,
    IPEndPoint? Remote,
    DateTimeOffset? LastPacketAt);
