using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Threading.Channels;
using ContactCenter.Media.Clock;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Relay;
using ContactCenter.Media.Quality;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Sdp;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// An RTP endpoint the appliance terminates itself (<see cref="IMediaEndpoint"/>): one port pair from the appliance's
/// RTP range, SDP offer/answer through <see cref="SdpAnswerer"/> and <see cref="SdpOfferer"/>, and per media clock tick
/// one received frame (Receive phase: jitter buffer, decode, concealment, in-band DTMF, sink) and one sent frame (Send
/// phase: source or DTMF, encode, packetise, send). Two async receive loops (RTP, RTCP) with symmetric-RTP latching.
/// Created by <see cref="MediaEndpointFactory"/>.
/// </summary>
/// <remarks>
/// Threads: negotiation and <see cref="SendDigit"/> come from the call's actor; packets from the receive loops; ticks
/// from the clock. The negotiated state is an immutable <see cref="MediaEndpointStream"/> swapped by reference; the
/// reception statistics are shared between the RTP loop and the RTCP sender under a short lock. No allocation per
/// packet or per tick.
/// </remarks>
public sealed partial class MediaEndpoint : IMediaEndpoint
{
    /// <summary>How many digits <see cref="Digits"/> holds before further ones are dropped (and logged).</summary>
    public const int DigitCapacity = 64;

    private const int MaxDatagram = 1500;

    /// <summary>Consecutive packets a new source must send to take over a latched stream (<see cref="RtpLatch"/>).</summary>
    private const int RelatchThreshold = 4;
    private static long s_nextId;

    private readonly RtpSocketPair _ports;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SdpLocalMedia _local;
    private readonly SdpOrigin _origin;
    private readonly Lock _negotiationGate = new();
    private readonly Channel<DtmfDigit> _digits = Channel.CreateBounded<DtmfDigit>(new BoundedChannelOptions(DigitCapacity) { FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentQueue<(char Digit, int DurationMilliseconds)> _digitRequests = new();
    private readonly RtpLatch _rtpLatch;
    private readonly RtpLatch _rtcpLatch;
    private readonly IDisposable _receiveTick;
    private readonly IDisposable _sendTick;
    private readonly Task _rtpLoop;
    private readonly Task _rtcpLoop;
    private MediaEndpointStream? _stream;
    private IAudioSource? _source;
    private IAudioSink? _sink;
    private bool _offered;
    private int _disposed;
    private volatile bool _stopping;

    internal MediaEndpoint(RtpSocketPair ports, IPAddress advertisedAddress, int? telephoneEvent, IMediaClock clock, TimeProvider time, ILogger logger)
    {
        _ports = ports;
        _time = time;
        _logger = logger;
        Id = Interlocked.Increment(ref s_nextId);
        _local = new SdpLocalMedia(advertisedAddress, ports.RtpPort, ports.RtcpPort) { TelephoneEventPayloadType = telephoneEvent };
        _origin = new SdpOrigin(advertisedAddress);
        _rtpLatch = new RtpLatch(ports.Rtp.AddressFamily, RelatchThreshold);
        _rtcpLatch = new RtpLatch(ports.Rtcp.AddressFamily, RelatchThreshold);
        _reception = new RtpReceiveStatistics(time.TimestampFrequency);
        _packetizer = RtpPacketizer.CreateRandom();
        _cname = Encoding.UTF8.GetBytes($"endpoint{Id}@{advertisedAddress}");
        MediaEndpointLog.Opened(_logger, Id, new IPEndPoint(advertisedAddress, ports.RtpPort));
        _rtpLoop = ReceiveLoopAsync(ports.Rtp, "RTP");
        _rtcpLoop = ReceiveLoopAsync(ports.Rtcp, "RTCP");
        _receiveTick = clock.Register(new Tick(OnReceiveTick), MediaClockPhase.Receive);
        _sendTick = clock.Register(new Tick(OnSendTick), MediaClockPhase.Send);
    }

    /// <summary>A number identifying the endpoint in logs.</summary>
    public long Id { get; }

    /// <summary>Our RTP port.</summary>
    public int RtpPort => _ports.RtpPort;

    /// <summary>Our RTCP port.</summary>
    public int RtcpPort => _ports.RtcpPort;

    /// <summary>What the last successful negotiation agreed; null before one.</summary>
    public SdpNegotiatedAudio? Negotiated => Volatile.Read(ref _stream)?.Audio;

    /// <inheritdoc/>
    public IAudioSource? Source
    {
        get => Volatile.Read(ref _source);
        set => Volatile.Write(ref _source, value);
    }

    /// <inheritdoc/>
    public IAudioSink? Sink
    {
        get => Volatile.Read(ref _sink);
        set => Volatile.Write(ref _sink, value);
    }

    /// <inheritdoc/>
    public ChannelReader<DtmfDigit> Digits => _digits.Reader;

    /// <inheritdoc/>
    public bool TryAnswer(ReadOnlySpan<byte> offer, [NotNullWhen(true)] out byte[]? answer)
    {
        answer = null;
        if (!TryParse(offer, out var message))
        {
            return false;
        }

        lock (_negotiationGate)
        {
            if (!SdpAnswerer.TryAnswer(message, _local, _origin, out var text, out var audio))
            {
                return false;
            }

            Apply(audio);
            answer = Encoding.UTF8.GetBytes(text);
            return true;
        }
    }

    /// <inheritdoc/>
    public byte[] CreateOffer()
    {
        lock (_negotiationGate)
        {
            _offered = true;
            return Encoding.UTF8.GetBytes(SdpOfferer.CreateOffer(_local, _origin));
        }
    }

    /// <inheritdoc/>
    public bool TryApplyAnswer(ReadOnlySpan<byte> answer)
    {
        if (!TryParse(answer, out var message))
        {
            return false;
        }

        lock (_negotiationGate)
        {
            if (!_offered || !SdpOfferer.TryApplyAnswer(message, _local, out var audio))
            {
                return false;
            }

            _offered = false;
            Apply(audio);
            return true;
        }
    }

    /// <inheritdoc/>
    public void AcceptSignalledDigit(DtmfDigit digit) => PublishDigit(digit);

    /// <inheritdoc/>
    public void SendDigit(char digit, int durationMilliseconds)
    {
        char key = char.ToUpperInvariant(digit);
        if (!DtmfDigit.IsKey(key))
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "Not a DTMF key.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationMilliseconds);
        // Queued for the clock thread, which owns the event sender and the tone source.
        _digitRequests.Enqueue((key, durationMilliseconds));
    }

    /// <summary>The endpoint's counters so far.</summary>
    /// <returns>A snapshot.</returns>
    public MediaEndpointStatistics GetStatistics()
    {
        RtpReceiveSnapshot reception;
        lock (_receptionGate)
        {
            reception = _reception.GetSnapshot();
        }

        long rtt = Interlocked.Read(ref _roundTripTicks);
        return new MediaEndpointStatistics(
            Interlocked.Read(ref _packetsSent),
            Interlocked.Read(ref _packetsReceived),
            Interlocked.Read(ref _foreign),
            Interlocked.Read(ref _rtcpSent),
            Interlocked.Read(ref _rtcpReceived),
            rtt < 0 ? null : TimeSpan.FromTicks(rtt),
            reception,
            Volatile.Read(ref _stream)?.JitterBuffer.Statistics ?? default);
    }

    /// <inheritdoc/>
    public CallQuality? MeasureQuality()
    {
        var statistics = GetStatistics();
        if (statistics.Reception.Packets == 0 || Negotiated is not { } audio)
        {
            return null;
        }

        return CallQuality.Estimate(
            statistics.Reception.LossPercent,
            statistics.Reception.MeanJitterMilliseconds,
            statistics.RoundTrip?.TotalMilliseconds,
            CodecImpairment.ForPayloadType(audio.Codec.PayloadType));
    }

    /// <summary>Stops ticking, says goodbye in RTCP (RFC 3550 §6.6), closes the sockets and returns the ports.</summary>
    /// <returns>A task that completes when both receive loops have ended.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // After these, no tick runs any more (IMediaClock.Register), so the clock-thread state is ours.
        _receiveTick.Dispose();
        _sendTick.Dispose();
        SendRtcp(goodbye: true);
        _stopping = true;
        _ports.Dispose();
        await Task.WhenAll(_rtpLoop, _rtcpLoop).ConfigureAwait(false);
        _digits.Writer.TryComplete();
        var stats = GetStatistics();
        MediaEndpointLog.Closed(
            _logger, Id, stats.PacketsSent, stats.PacketsReceived, stats.JitterBuffer.Played, stats.JitterBuffer.Lost,
            stats.JitterBuffer.Late, stats.JitterBuffer.Underruns, stats.JitterBuffer.DelayFrames * MediaFrame.DurationMilliseconds);
    }

    private bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out SdpMessage? message)
    {
        if (SdpMessage.TryParse(body, out message, out var error))
        {
            return true;
        }

        MediaEndpointLog.BadSdp(_logger, Id, error.Status, error.LineNumber);
        return false;
    }

    private void Apply(SdpNegotiatedAudio audio)
    {
        var stream = MediaEndpointStream.Create(audio, Volatile.Read(ref _stream));
        _rtpLatch.SetDeclared(audio.RemoteRtp);
        _rtcpLatch.SetDeclared(audio.RemoteRtcp);
        Volatile.Write(ref _stream, stream);
        MediaEndpointLog.Negotiated(_logger, Id, audio.Codec.ToString(), audio.PayloadType, audio.TelephoneEventPayloadType, audio.Direction, audio.RemoteRtp);
    }

    private void PublishDigit(DtmfDigit digit)
    {
        if (!_digits.Writer.TryWrite(digit) && Volatile.Read(ref _disposed) == 0)
        {
            MediaEndpointLog.DigitDropped(_logger, Id, digit.Digit);
        }
    }

    /// <summary>Adapts one phase of the clock to a method of the endpoint.</summary>
    private sealed class Tick(Action<long> onTick) : IMediaTickable
    {
        public void OnTick(long frame) => onTick(frame);
    }
}
