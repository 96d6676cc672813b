using System.Net.Sockets;
using ContactCenter.Media.Clock;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Endpoints;

/// <summary>The sending half: the Send phase of each tick (audio, DTMF) and the periodic RTCP report.</summary>
public sealed partial class MediaEndpoint
{
    /// <summary>IPv4 + UDP + RTP header bytes per packet, for the session bandwidth RTCP is scaled on (RFC 3550 §6.2).</summary>
    private const int PacketOverheadBytes = 20 + 8 + RtpHeader.FixedHeaderSize;

    /// <summary>A typical compound SR + one block + SDES with lower-layer headers (RFC 3550 §6.3.3 avg_rtcp_size seed).</summary>
    private const double AverageRtcpSize = 100;

    private readonly RtpPacketizer _packetizer;
    private readonly byte[] _cname;
    private readonly byte[] _sendBuffer = new byte[MaxDatagram];
    private readonly byte[] _rtcpBuffer = new byte[MaxDatagram];
    private readonly short[] _sentPcm = new short[MediaFrame.MaxSamples];
    private readonly TelephoneEventSender _eventSender = new();
    private readonly DtmfToneSource _toneSource = new();
    private int _framesInPacket;
    private uint _eventTimestamp;
    private bool _silent = true;
    private long _nextRtcpFrame = -1;
    private long _packetCountAtLastReport;
    private long _packetsSent;
    private long _rtcpSent;

    /// <summary>The Send phase: one frame of DTMF or of the source, encoded and sent when a packet is complete.</summary>
    private void OnSendTick(long frame)
    {
        var stream = Volatile.Read(ref _stream);
        if (stream is null)
        {
            return;
        }

        int step = stream.Codec.TimestampStepPerFrame;
        TakeDigitRequests(stream);
        var destination = _rtpLatch.Current;
        if (!stream.Audio.Sends || destination is null)
        {
            // Hold (RFC 3264 §8.4) or no address: nothing goes out, but time still passes for the receiver.
            Pause(step);
        }
        else if (_eventSender.HasPending)
        {
            SendEvent(stream, destination, step);
        }
        else
        {
            SendAudio(stream, destination, step);
        }

        if (frame >= _nextRtcpFrame)
        {
            if (_nextRtcpFrame >= 0)
            {
                SendRtcp(goodbye: false);
            }

            ScheduleRtcp(frame, stream);
        }
    }

    private void TakeDigitRequests(MediaEndpointStream stream)
    {
        while (_digitRequests.TryDequeue(out var request))
        {
            // RFC 4733 when negotiated; otherwise Q.23 tones in the audio, which G.711 carries faithfully.
            if (stream.Audio.TelephoneEventPayloadType is not null)
            {
                _eventSender.Start(request.Digit, request.DurationMilliseconds, stream.Codec.ClockRate);
            }
            else
            {
                _toneSource.Enqueue(request.Digit, request.DurationMilliseconds);
            }
        }
    }

    private void SendEvent(MediaEndpointStream stream, RtpLatchTarget destination, int step)
    {
        FlushAudio(stream, destination);
        if (_eventSender.TryWriteNext(_sendBuffer.AsSpan(RtpHeader.FixedHeaderSize), out int length, out bool marker))
        {
            if (marker)
            {
                // RFC 4733 §2.3.1: every packet of an event carries the timestamp at which it began.
                _eventTimestamp = _packetizer.Timestamp;
            }

            int size = _packetizer.WriteEvent(_sendBuffer, stream.Audio.TelephoneEventPayloadType!.Value, length, _eventTimestamp, marker);
            Send(_sendBuffer.AsSpan(0, size), destination);
            _silent = false;
        }

        _packetizer.AdvanceTimestamp(step);
    }

    private void SendAudio(MediaEndpointStream stream, RtpLatchTarget destination, int step)
    {
        int sampleRate = stream.Codec.SampleRate;
        var pcm = _sentPcm.AsSpan(0, MediaFrame.Samples(sampleRate));
        IAudioSource? source = _toneSource.IsActive ? _toneSource : Source;
        if (source is null)
        {
            // No source: send nothing (RFC 3264 allows a silent sender); the next packet opens a talkspurt.
            FlushAudio(stream, destination);
            Pause(step);
            return;
        }

        if (!source.Read(pcm, sampleRate))
        {
            pcm.Clear();
        }

        if (_silent)
        {
            _packetizer.BeginTalkspurt();
            _silent = false;
        }

        int bytes = stream.Codec.PayloadBytesPerFrame;
        int offset = RtpHeader.FixedHeaderSize + (_framesInPacket * bytes);
        stream.Encoder.Encode(pcm, _sendBuffer.AsSpan(offset, bytes));
        _framesInPacket++;
        if (_framesInPacket == stream.FramesPerPacket)
        {
            FlushAudio(stream, destination);
        }
    }

    /// <summary>Sends the frames gathered so far as one packet stamped with the first one's time, then moves time on.</summary>
    private void FlushAudio(MediaEndpointStream stream, RtpLatchTarget destination)
    {
        if (_framesInPacket == 0)
        {
            return;
        }

        int size = _packetizer.WriteMedia(_sendBuffer, stream.Audio.PayloadType, _framesInPacket * stream.Codec.PayloadBytesPerFrame);
        Send(_sendBuffer.AsSpan(0, size), destination);
        _packetizer.AdvanceTimestamp(_framesInPacket * stream.Codec.TimestampStepPerFrame);
        _framesInPacket = 0;
    }

    private void Pause(int step)
    {
        // A partly filled packet is dropped with the pause: its frames' time passes as well.
        _packetizer.AdvanceTimestamp((_framesInPacket + 1) * step);
        _framesInPacket = 0;
        _silent = true;
    }

    private void Send(ReadOnlySpan<byte> packet, RtpLatchTarget destination)
    {
        try
        {
            _ports.Rtp.SendTo(packet, SocketFlags.None, destination.Address);
            Interlocked.Increment(ref _packetsSent);
        }
        catch (SocketException)
        {
            // The peer's port is unreachable or the network is down: media is best effort, RTP never retransmits.
        }
    }

    private void ScheduleRtcp(long frame, MediaEndpointStream stream)
    {
        double bandwidth = (stream.Codec.PayloadBytesPerFrame + PacketOverheadBytes) * 8.0 * MediaFrame.PerSecond;
        var interval = RtcpInterval.Calculate(_nextRtcpFrame < 0, bandwidth, AverageRtcpSize, Random.Shared.NextDouble());
        _nextRtcpFrame = frame + Math.Max(1, (long)(interval.TotalMilliseconds / MediaFrame.DurationMilliseconds));
    }

    /// <summary>
    /// Sends one compound RTCP packet (RFC 3550 §6.1): an SR when we sent RTP since the last report, else an RR, with a
    /// report block once the peer's stream is validated, the CNAME, and a BYE when leaving.
    /// </summary>
    private void SendRtcp(bool goodbye)
    {
        var destination = _rtcpLatch.Current;
        if (destination is null)
        {
            return;
        }

        bool isSender = _packetizer.PacketCount > _packetCountAtLastReport;
        _packetCountAtLastReport = _packetizer.PacketCount;
        RtcpSenderInfo? senderInfo = isSender
            ? new RtcpSenderInfo(NtpTimestamp.FromDateTimeOffset(_time.GetUtcNow()), _packetizer.Timestamp, unchecked((uint)_packetizer.PacketCount), unchecked((uint)_packetizer.OctetCount))
            : null;
        Span<RtcpReportBlock> blocks = stackalloc RtcpReportBlock[1];
        int blockCount = 0;
        lock (_receptionGate)
        {
            if (_reception.HasSource)
            {
                uint delay = _lastSenderReport == 0 ? 0 : NtpTimestamp.ToShortFormat(_time.GetElapsedTime(_lastSenderReportArrival));
                blocks[blockCount++] = RtcpReportBlock.Take(_reception, _lastSenderReport, delay);
            }
        }

        int length = RtcpCompoundWriter.Write(_rtcpBuffer, _packetizer.Ssrc, senderInfo, blocks[..blockCount], _cname, goodbye);
        try
        {
            _ports.Rtcp.SendTo(_rtcpBuffer.AsSpan(0, length), SocketFlags.None, destination.Address);
            Interlocked.Increment(ref _rtcpSent);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Best effort, as RTP.
        }
    }
}
