using System.Net;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Relay;

/// <summary>
/// Anchored media of one call: two legs, each with its own local RTP+RTCP socket pair. A packet received on leg A's
/// RTP socket from A's peer is sent from leg B's RTP socket to B's peer, and the other way round; RTCP likewise.
/// Payloads pass unchanged (every codec, telephone-event, SSRC changes): the relay never parses beyond the fixed header.
/// </summary>
/// <remarks>
/// <para><b>Threading.</b> Each of the four sockets has one async receive loop
/// (<c>Socket.ReceiveFromAsync(Memory, SocketFlags, SocketAddress)</c>) that relays with a synchronous
/// <c>SendTo(ReadOnlySpan, SocketFlags, SocketAddress)</c> on the other leg's socket. Neither allocates per packet, and a
/// pending receive holds no thread: hundreds of calls cost a few epoll registrations and thread-pool hops, where
/// dedicated threads would cost four stacks per call on a Pi-class box. A datagram already queued completes the receive
/// synchronously, so a busy socket is drained without a thread switch per packet.</para>
/// <para><b>Latching.</b> Remote addresses start as the SDP declared them (<see cref="SetRemote"/>) and are then learnt
/// from the peer's own packets (RFC 4961 symmetric RTP): the first valid packet latches its source; a packet from the
/// exact SDP-declared address re-latches at once; any other new source must send
/// <see cref="RtpRelayOptions.RelatchThreshold"/> consecutive valid packets, with none from the current source in
/// between, before it takes over, so a stray packet cannot hijack the call. Packets from sources that are not latched
/// are dropped and counted as foreign.</para>
/// <para><b>No media.</b> When a leg receives no RTP for <see cref="RtpRelayOptions.NoMediaTimeout"/> the
/// <see cref="RtpNoMediaHandler"/> runs once for that silence; <see cref="GetTimeSinceLastPacket"/> exposes the same
/// state. The PBX decides whether to hang up (a call on hold may be silent on purpose).</para>
/// </remarks>
public sealed class RtpRelaySession : IAsyncDisposable
{
    private static long s_nextId;

    private readonly RtpSocketPair _pairA;
    private readonly RtpSocketPair _pairB;
    private readonly RelayStream[] _streams;
    private readonly RelayLegQuality[] _quality;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RtpNoMediaHandler? _onNoMedia;
    private readonly TimeSpan _noMediaTimeout;
    private readonly Lock _noMediaGate = new();
    private readonly long[] _reportedSilenceStart = new long[2];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<RtpRelaySession>? _onDisposed;
    private ITimer? _noMediaTimer;
    private long _silenceOrigin;
    private int _disposed;

    internal RtpRelaySession(
        RtpSocketPair pairA,
        RtpSocketPair pairB,
        RtpRelayOptions options,
        TimeProvider time,
        ILogger logger,
        RtpNoMediaHandler? onNoMedia,
        Action<RtpRelaySession>? onDisposed)
    {
        _pairA = pairA;
        _pairB = pairB;
        _time = time;
        _logger = logger;
        _onNoMedia = onNoMedia;
        _onDisposed = onDisposed;
        _noMediaTimeout = options.NoMediaTimeout;
        Id = Interlocked.Increment(ref s_nextId);
        _quality = [new RelayLegQuality(time), new RelayLegQuality(time)];
        _streams =
        [
            new RelayStream(this, RtpRelayLeg.A, pairA.Rtp, isRtcp: false, _quality[0], options, time, logger),
            new RelayStream(this, RtpRelayLeg.A, pairA.Rtcp, isRtcp: true, _quality[0], options, time, logger),
            new RelayStream(this, RtpRelayLeg.B, pairB.Rtp, isRtcp: false, _quality[1], options, time, logger),
            new RelayStream(this, RtpRelayLeg.B, pairB.Rtcp, isRtcp: true, _quality[1], options, time, logger),
        ];
    }

    /// <summary>A process-unique number for logs.</summary>
    public long Id { get; }

    /// <summary>The address the sockets are bound to (may be the wildcard; SDP needs the advertised address).</summary>
    public IPAddress LocalAddress => _pairA.Address;

    internal bool IsStopping => _stopping.IsCancellationRequested;

    /// <summary>The local RTP port of a leg: the port to write into the SDP sent to that leg's peer.</summary>
    /// <param name="leg">The leg.</param>
    /// <returns>The even RTP port.</returns>
    public int GetLocalRtpPort(RtpRelayLeg leg) => Pair(leg).RtpPort;

    /// <summary>The local RTCP port of a leg (always the RTP port + 1).</summary>
    /// <param name="leg">The leg.</param>
    /// <returns>The RTCP port.</returns>
    public int GetLocalRtcpPort(RtpRelayLeg leg) => Pair(leg).RtcpPort;

    /// <summary>
    /// Sets where a leg's peer said it receives media (from its SDP, see <c>SdpMediaEndpoint</c>). Call again for
    /// every new SDP from that peer: an unchanged address keeps a learnt NAT mapping, a new one is used and re-learnt,
    /// and an unspecified address (<c>c=0.0.0.0</c> hold) stops sending to that peer until it sends again.
    /// </summary>
    /// <param name="leg">The leg whose peer this is.</param>
    /// <param name="rtp">The peer's RTP address and port.</param>
    /// <param name="rtcp">The peer's RTCP address and port; null for the RTP port + 1 (RFC 3550 §11).</param>
    public void SetRemote(RtpRelayLeg leg, IPEndPoint rtp, IPEndPoint? rtcp)
    {
        ArgumentNullException.ThrowIfNull(rtp);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        rtcp ??= rtp.Port is > 0 and < IPEndPoint.MaxPort ? new IPEndPoint(rtp.Address, rtp.Port + 1) : null;
        Stream(leg, rtcp: false).SetDeclared(rtp);
        Stream(leg, rtcp: true).SetDeclared(rtcp);
    }

    /// <summary>A snapshot of a leg's counters, current remote addresses and measured quality.</summary>
    /// <param name="leg">The leg.</param>
    /// <returns>The counters and quality of the packets received from that leg's peer.</returns>
    public RtpRelayLegStatistics GetStatistics(RtpRelayLeg leg) =>
        new(leg, Stream(leg, rtcp: false).GetStatistics(), Stream(leg, rtcp: true).GetStatistics(), _quality[(int)leg].GetSnapshot());

    /// <summary>
    /// How long the leg's peer has sent no RTP: since its last accepted packet, or since the session (or the last
    /// <see cref="RestartNoMediaDetection"/>) began if later.
    /// </summary>
    /// <param name="leg">The leg.</param>
    /// <returns>The silence so far.</returns>
    public TimeSpan GetTimeSinceLastPacket(RtpRelayLeg leg) => _time.GetElapsedTime(SilenceStart(leg));

    /// <summary>
    /// Starts no-media detection over: every leg counts as having just received media, and a leg already reported
    /// silent is reported again after a full timeout. Call after resuming from hold.
    /// </summary>
    public void RestartNoMediaDetection()
    {
        lock (_noMediaGate)
        {
            _silenceOrigin = _time.GetTimestamp();
            Array.Clear(_reportedSilenceStart);
            _noMediaTimer?.Change(_noMediaTimeout, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the loops, closes the four sockets and returns both port pairs. Idempotent.</summary>
    /// <returns>Completes when every loop has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        lock (_noMediaGate)
        {
            _noMediaTimer?.Dispose();
            _noMediaTimer = null;
        }

        // Closing a socket ends its pending receive; the loops then see IsStopping and return.
        _pairA.Dispose();
        _pairB.Dispose();
        foreach (var stream in _streams)
        {
            await stream.Loop;
        }

        var a = _streams[0].GetStatistics();
        var b = _streams[2].GetStatistics();
        RelayLog.SessionClosed(
            _logger, Id,
            a.Packets, a.Bytes, a.Invalid + _streams[1].GetStatistics().Invalid, a.Foreign, a.Undeliverable,
            b.Packets, b.Bytes, b.Invalid + _streams[3].GetStatistics().Invalid, b.Foreign, b.Undeliverable);
        LogQuality(RtpRelayLeg.A);
        LogQuality(RtpRelayLeg.B);
        _stopping.Dispose();
        _onDisposed?.Invoke(this);
    }

    internal void Start()
    {
        _silenceOrigin = _time.GetTimestamp();
        _streams[0].Start(_streams[2]);
        _streams[1].Start(_streams[3]);
        _streams[2].Start(_streams[0]);
        _streams[3].Start(_streams[1]);
        if (_noMediaTimeout != Timeout.InfiniteTimeSpan)
        {
            lock (_noMediaGate)
            {
                _noMediaTimer = _time.CreateTimer(static state => ((RtpRelaySession)state!).CheckNoMedia(), this, _noMediaTimeout, Timeout.InfiniteTimeSpan);
            }
        }

        RelayLog.SessionOpened(_logger, Id, new IPEndPoint(LocalAddress, _pairA.RtpPort), new IPEndPoint(LocalAddress, _pairB.RtpPort));
    }

    internal async Task PauseAfterFaultAsync()
    {
        // A persistent socket fault must not spin a core; the pause ends at once on dispose.
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void CheckNoMedia()
    {
        Span<TimeSpan> silentFor = stackalloc TimeSpan[2];
        Span<bool> report = stackalloc bool[2];
        lock (_noMediaGate)
        {
            if (_noMediaTimer is null)
            {
                return;
            }

            var nextCheck = _noMediaTimeout;
            for (int i = 0; i < 2; i++)
            {
                // A silence is identified by when it began: media that came back in between starts a new one.
                long start = SilenceStart((RtpRelayLeg)i);
                silentFor[i] = _time.GetElapsedTime(start);
                if (silentFor[i] >= _noMediaTimeout)
                {
                    report[i] = _reportedSilenceStart[i] != start;
                    _reportedSilenceStart[i] = start;
                }
                else
                {
                    var remaining = _noMediaTimeout - silentFor[i];
                    if (remaining < nextCheck)
                    {
                        nextCheck = remaining;
                    }
                }
            }

            _noMediaTimer.Change(nextCheck, Timeout.InfiniteTimeSpan);
        }

        for (int i = 0; i < 2; i++)
        {
            if (report[i])
            {
                RelayLog.NoMedia(_logger, Id, (RtpRelayLeg)i, silentFor[i]);
                try
                {
                    _onNoMedia?.Invoke(this, (RtpRelayLeg)i, silentFor[i]);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    RelayLog.NoMediaHandlerFailed(_logger, e, Id);
                }
            }
        }
    }

    private void LogQuality(RtpRelayLeg leg)
    {
        if (_quality[(int)leg].GetSnapshot() is { Quality: { } quality, Reception: var reception })
        {
            RelayLog.LegQuality(_logger, Id, leg, reception.Packets, reception.Lost, quality.LossPercent, quality.JitterMilliseconds, quality.RoundTripMilliseconds, quality.Mos);
        }
    }

    private long SilenceStart(RtpRelayLeg leg)
    {
        long last = Stream(leg, rtcp: false).LastPacketTimestamp;
        long origin = Volatile.Read(ref _silenceOrigin);
        return Math.Max(last, origin);
    }

    private RtpSocketPair Pair(RtpRelayLeg leg) => leg == RtpRelayLeg.A ? _pairA : _pairB;

    private RelayStream Stream(RtpRelayLeg leg, bool rtcp) => _streams[(leg == RtpRelayLeg.A ? 0 : 2) + (rtcp ? 1 : 0)];
}
