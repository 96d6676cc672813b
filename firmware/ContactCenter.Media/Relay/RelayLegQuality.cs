using ContactCenter.Media.Quality;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Relay;

/// <summary>
/// What the relay measures about one leg's peer from the packets it passes, reading headers only (the relay never
/// rewrites packets): reception statistics of the peer's RTP (RFC 3550 A.1/A.3/A.8), the sender reports the peer sent,
/// and the round trip between the relay and the peer.
/// </summary>
/// <remarks>
/// <para><b>Round trip.</b> A peer's SR passes the relay on its way to the other peer, which echoes its NTP middle bits
/// as LSR in a report block, with DLSR for how long it held it (§6.4.1). When that block passes the relay on its way
/// back, the relay↔reporter round trip is the time since the SR passed minus DLSR. So the SRs logged here (this leg's
/// peer) give the RTT of the <i>other</i> leg, and the blocks seen here give this leg's RTT from the other leg's log.
/// Needs both phones to send RTCP; otherwise the RTT stays unknown.</para>
/// <para><b>Threading.</b> The leg's RTP loop, its RTCP loop (or the RTP loop under rtcp-mux), the other leg's RTCP
/// loop and the call's actor all reach this object: a lock held for a few field updates guards it, never across I/O.</para>
/// </remarks>
internal sealed class RelayLegQuality
{
    // Enough for an RR that echoes an SR sent a few reports earlier (a reporter's interval is 2.5–7.5 s, §6.3).
    private const int SenderReportsKept = 4;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly RtpReceiveStatistics _reception;
    private readonly uint[] _senderReportIds = new uint[SenderReportsKept];
    private readonly long[] _senderReportArrivals = new long[SenderReportsKept];
    private int _senderReportsSeen;
    private int _payloadType = -1;
    private TimeSpan? _lastRoundTrip;
    private TimeSpan _roundTripSum;
    private int _roundTripSamples;

    public RelayLegQuality(TimeProvider time)
    {
        _time = time;
        _reception = new RtpReceiveStatistics(time.TimestampFrequency);
    }

    public void OnRtp(ReadOnlySpan<byte> datagram, long arrival)
    {
        if (RtpPacket.TryRead(datagram, out var packet) != RtpReadStatus.Ok)
        {
            return;
        }

        lock (_gate)
        {
            // Only packets of a static payload type feed the jitter: their clock rate is known without the SDP, and
            // RFC 4733 events (dynamic types) keep their timestamp at the event's start.
            int clockRate = RtpStaticPayloadTypes.GetClockRate(packet.PayloadType);
            if (_reception.Update(packet, arrival, clockRate) == RtpReceiveOutcome.Accepted && clockRate != 0)
            {
                _payloadType = packet.PayloadType;
            }
        }
    }

    public void OnRtcp(ReadOnlySpan<byte> datagram, long arrival, RelayLegQuality otherLeg)
    {
        if (RtcpCompoundReader.TryCreate(datagram, out var reader) != RtcpReadStatus.Ok)
        {
            return;
        }

        while (reader.TryReadNext(out var packet))
        {
            if (packet.Type == RtcpPacketType.SenderReport)
            {
                LogSenderReport(packet.SenderInfo.NtpTimestamp.Middle32, arrival);
            }

            for (int i = 0; i < packet.ReportBlockCount; i++)
            {
                var block = packet.GetReportBlock(i);
                if (block.LastSenderReport != 0 && otherLeg.TryFindSenderReport(block.LastSenderReport, out long sentAt))
                {
                    var rtt = RtcpRoundTrip.Calculate(_time.GetElapsedTime(sentAt, arrival), block.DelaySinceLastSenderReport);
                    if (rtt is { } value)
                    {
                        AddRoundTrip(value);
                    }
                }
            }
        }
    }

    public RtpRelayLegQuality GetSnapshot()
    {
        lock (_gate)
        {
            var reception = _reception.GetSnapshot();
            TimeSpan? meanRoundTrip = _roundTripSamples == 0 ? null : _roundTripSum / _roundTripSamples;
            CallQuality? quality = reception.Ssrc is null
                ? null
                : CallQuality.Estimate(reception.LossPercent, reception.MeanJitterMilliseconds, meanRoundTrip?.TotalMilliseconds, CodecImpairment.ForPayloadType(_payloadType));
            return new RtpRelayLegQuality(reception, _lastRoundTrip, meanRoundTrip, quality);
        }
    }

    private void LogSenderReport(uint id, long arrival)
    {
        lock (_gate)
        {
            int slot = _senderReportsSeen++ % SenderReportsKept;
            _senderReportIds[slot] = id;
            _senderReportArrivals[slot] = arrival;
        }
    }

    private bool TryFindSenderReport(uint id, out long arrival)
    {
        lock (_gate)
        {
            for (int i = 0; i < Math.Min(_senderReportsSeen, SenderReportsKept); i++)
            {
                if (_senderReportIds[i] == id)
                {
                    arrival = _senderReportArrivals[i];
                    return true;
                }
            }
        }

        arrival = 0;
        return false;
    }

    private void AddRoundTrip(TimeSpan rtt)
    {
        lock (_gate)
        {
            _lastRoundTrip = rtt;
            _roundTripSum += rtt;
            _roundTripSamples++;
        }
    }
}
