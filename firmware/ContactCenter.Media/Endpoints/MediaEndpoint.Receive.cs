using System.Buffers;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Clock;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Endpoints;

/// <summary>The receiving half: the two socket loops, RTCP reading, and the Receive phase of each tick.</summary>
public sealed partial class MediaEndpoint
{
    private readonly Lock _receptionGate = new();
    private readonly RtpReceiveStatistics _reception;
    private readonly byte[] _receivedPayload = new byte[MaxDatagram];
    private readonly short[] _receivedPcm = new short[MediaFrame.MaxSamples];
    private readonly LossConcealer _concealer = new();
    private long _packetsReceived;
    private long _foreign;
    private long _rtcpReceived;
    private long _roundTripTicks = -1;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;

    private static readonly TimeSpan FaultPause = TimeSpan.FromMilliseconds(100);

    private async Task ReceiveLoopAsync(Socket socket, string name)
    {
        // As the relay does (RelayStream): one pooled buffer per socket for the endpoint's life, ReceiveFromAsync into a
        // reused SocketAddress, which completes without allocating.
        bool isRtcp = socket == _ports.Rtcp;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        var source = new SocketAddress(socket.AddressFamily);
        await Task.Yield();
        try
        {
            while (!_stopping)
            {
                int received;
                try
                {
                    received = await socket.ReceiveFromAsync(buffer.AsMemory(0, MaxDatagram), SocketFlags.None, source).ConfigureAwait(false);
                }
                catch (Exception) when (_stopping)
                {
                    break;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize || RtpSocketErrors.IsTransient(e.SocketErrorCode))
                {
                    // An oversize datagram, or an ICMP error for an earlier send: the socket is fine.
                    continue;
                }
                catch (Exception e)
                {
                    // Anything else must not end the loop silently (the endpoint would go deaf for the rest of the call):
                    // log it, and pause so that a persistent fault does not spin a core. Dispose ends the loop above.
                    MediaEndpointLog.ReceiveFailed(_logger, e, Id, name);
                    await Task.Delay(FaultPause, _time).ConfigureAwait(false);
                    continue;
                }

                try
                {
                    if (isRtcp)
                    {
                        OnRtcp(buffer.AsSpan(0, received), source);
                    }
                    else
                    {
                        OnRtp(buffer.AsSpan(0, received), source);
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    MediaEndpointLog.ReceiveFailed(_logger, e, Id, name);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void OnRtp(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        var stream = Volatile.Read(ref _stream);
        if (stream is null || RtpPacket.TryRead(datagram, out var packet) != RtpReadStatus.Ok)
        {
            Interlocked.Increment(ref _foreign);
            return;
        }

        int payloadType = packet.PayloadType;
        bool isAudio = payloadType == stream.Audio.PayloadType;
        bool isEvent = payloadType == stream.Audio.TelephoneEventPayloadType;
        if ((!isAudio && !isEvent) || !Latch(_rtpLatch, source, "RTP"))
        {
            // Comfort noise (PT 13) and anything else not negotiated is dropped here too.
            Interlocked.Increment(ref _foreign);
            return;
        }

        RtpReceiveOutcome outcome;
        lock (_receptionGate)
        {
            // The jitter sample needs the audio clock rate; an event's timestamp stays at its start, so none for it.
            outcome = _reception.Update(packet, _time.GetTimestamp(), isAudio ? stream.Codec.ClockRate : 0);
        }

        if (outcome == RtpReceiveOutcome.Discarded || !stream.Audio.Receives)
        {
            return;
        }

        Interlocked.Increment(ref _packetsReceived);
        if (isEvent)
        {
            // RFC 4733 events go straight to the receiver, never through the jitter buffer: a digit is reported at
            // its first packet, however the audio is delayed.
            if (stream.EventReceiver.TryReceive(packet.Payload, packet.Timestamp, packet.Marker, out var digit))
            {
                PublishDigit(digit);
            }
        }
        else
        {
            stream.JitterBuffer.Insert(packet.Ssrc, packet.Timestamp, packet.Payload);
        }
    }

    private void OnRtcp(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        if (RtcpCompoundReader.TryCreate(datagram, out var reader) != RtcpReadStatus.Ok || !Latch(_rtcpLatch, source, "RTCP"))
        {
            Interlocked.Increment(ref _foreign);
            return;
        }

        Interlocked.Increment(ref _rtcpReceived);
        while (reader.TryReadNext(out var packet))
        {
            if (packet.Type == RtcpPacketType.SenderReport)
            {
                // Echoed as LSR, with the time since as DLSR, in our next report (RFC 3550 §6.4.1).
                lock (_receptionGate)
                {
                    _lastSenderReport = packet.SenderInfo.NtpTimestamp.Middle32;
                    _lastSenderReportArrival = _time.GetTimestamp();
                }
            }

            for (int i = 0; i < packet.ReportBlockCount; i++)
            {
                var block = packet.GetReportBlock(i);
                if (block.Ssrc == _packetizer.Ssrc
                    && RtcpRoundTrip.Calculate(NtpTimestamp.FromDateTimeOffset(_time.GetUtcNow()), block) is { } roundTrip)
                {
                    Interlocked.Exchange(ref _roundTripTicks, roundTrip.Ticks);
                }
            }
        }
    }

    private bool Latch(RtpLatch latch, SocketAddress source, string stream)
    {
        var outcome = latch.Accept(source, mayLatch: true, out var latched, out _);
        if (outcome == RtpLatchOutcome.Latched)
        {
            MediaEndpointLog.Latched(_logger, Id, stream, latched!.EndPoint);
        }

        return outcome != RtpLatchOutcome.Rejected;
    }

    /// <summary>The Receive phase: one frame out of the jitter buffer, decoded or concealed, to the detector and the sink.</summary>
    private void OnReceiveTick(long frame)
    {
        var stream = Volatile.Read(ref _stream);
        if (stream is null)
        {
            return;
        }

        int sampleRate = stream.Codec.SampleRate;
        var pcm = _receivedPcm.AsSpan(0, MediaFrame.Samples(sampleRate));
        var result = stream.JitterBuffer.Pop(_receivedPayload);
        switch (result)
        {
            case JitterBufferFrame.Payload:
                int decoded = stream.Decoder.Decode(_receivedPayload.AsSpan(0, stream.JitterBuffer.FrameBytes), pcm);
                pcm[decoded..].Clear();
                _concealer.Good(pcm);
                break;
            case JitterBufferFrame.Missing:
                _concealer.Conceal(pcm);
                break;
            default:
                pcm.Clear();
                break;
        }

        if (result == JitterBufferFrame.Payload && stream.ToneDetector is { } detector && detector.TryDetect(pcm, out var digit))
        {
            PublishDigit(digit);
        }

        Sink?.Write(pcm, sampleRate);
    }
}
