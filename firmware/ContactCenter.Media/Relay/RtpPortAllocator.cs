using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Relay;

/// <summary>
/// Hands out RTP/RTCP port pairs (even RTP port, RTCP on the next) from the configured range and binds both sockets.
/// Free pairs are kept in first-in first-out order so that a just-released pair is reused last: late packets of an
/// ended call then rarely reach the next one. A pair whose bind fails (another process holds a port) goes to the back
/// of the queue and the next is tried, at most <see cref="RtpRelayOptions.MaxBindAttempts"/> times per allocation.
/// Thread-safe; the lock is never held across a bind.
/// </summary>
public sealed class RtpPortAllocator
{
    private readonly Lock _gate = new();
    private readonly Queue<int> _free;
    private readonly IPAddress _address;
    private readonly int _maxAttempts;
    private readonly ILogger _logger;

    /// <summary>Creates an allocator over <see cref="RtpRelayOptions.PortRangeStart"/>–<see cref="RtpRelayOptions.PortRangeEnd"/>.</summary>
    /// <param name="options">The range, bind address and attempt bound; validated here.</param>
    /// <param name="logger">Receives bind failures and exhaustion.</param>
    public RtpPortAllocator(RtpRelayOptions options, ILogger<RtpPortAllocator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _address = options.BindAddress;
        _maxAttempts = options.MaxBindAttempts;
        _logger = logger;
        Capacity = options.PairCount;
        _free = new Queue<int>(Capacity);
        for (int i = 0; i < Capacity; i++)
        {
            _free.Enqueue(options.FirstPort + (2 * i));
        }
    }

    /// <summary>How many pairs the range holds.</summary>
    public int Capacity { get; }

    /// <summary>How many pairs are currently handed out.</summary>
    public int InUse
    {
        get
        {
            lock (_gate)
            {
                return Capacity - _free.Count;
            }
        }
    }

    /// <summary>
    /// Takes the next free pair and binds both sockets. Returns <see langword="false"/> when the range is exhausted or
    /// no pair could be bound within the attempt bound; that is an expected outcome (the PBX answers 503), not an
    /// exception.
    /// </summary>
    /// <param name="pair">The bound pair; dispose it to release the ports.</param>
    /// <returns>Whether a pair was allocated.</returns>
    public bool TryAllocate([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RtpSocketPair? pair)
    {
        for (int attempt = 0; attempt < _maxAttempts; attempt++)
        {
            int port;
            lock (_gate)
            {
                if (!_free.TryDequeue(out port))
                {
                    break;
                }
            }

            if (TryBind(port, out pair))
            {
                return true;
            }

            lock (_gate)
            {
                _free.Enqueue(port);
            }
        }

        RelayLog.PortsExhausted(_logger, Capacity, InUse);
        pair = null;
        return false;
    }

    internal void Return(int rtpPort)
    {
        lock (_gate)
        {
            _free.Enqueue(rtpPort);
        }
    }

    private bool TryBind(int port, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RtpSocketPair? pair)
    {
        Socket? rtp = null;
        Socket? rtcp = null;
        try
        {
            rtp = Bind(port);
            rtcp = Bind(port + 1);
            pair = new RtpSocketPair(this, rtp, rtcp, _address, port);
            return true;
        }
        catch (SocketException e)
        {
            RelayLog.PortBindFailed(_logger, _address, port, e.SocketErrorCode);
            rtp?.Dispose();
            rtcp?.Dispose();
            pair = null;
            return false;
        }
    }

    private Socket Bind(int port)
    {
        var socket = new Socket(_address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (_address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            socket.Bind(new IPEndPoint(_address, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
