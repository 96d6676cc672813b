using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Relay;

/// <summary>
/// The relay service the PBX holds once: it owns the port range and creates one <see cref="RtpRelaySession"/> per
/// anchored call.
/// </summary>
public sealed class RtpRelay
{
    private readonly RtpRelayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<RtpRelaySession> _onSessionDisposed;
    private int _activeSessions;

    /// <summary>Creates the relay over <paramref name="options"/>' range.</summary>
    /// <param name="options">Range, bind address, latching and no-media settings; validated here.</param>
    /// <param name="time">The clock for packet times and no-media detection.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    public RtpRelay(RtpRelayOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();
        _options = options;
        _time = time;
        _logger = loggerFactory.CreateLogger<RtpRelaySession>();
        Ports = new RtpPortAllocator(options, loggerFactory.CreateLogger<RtpPortAllocator>());
        _onSessionDisposed = _ => Interlocked.Decrement(ref _activeSessions);
    }

    /// <summary>The address the media sockets bind to (the wildcard unless configured).</summary>
    public System.Net.IPAddress BindAddress => _options.BindAddress;

    /// <summary>The configured port range, for the ready line and status pages.</summary>
    public (int Start, int End) PortRange => (_options.PortRangeStart, _options.PortRangeEnd);

    /// <summary>The port pool (capacity and use, for status pages).</summary>
    public RtpPortAllocator Ports { get; }

    /// <summary>Sessions created and not yet disposed.</summary>
    public int ActiveSessions => Volatile.Read(ref _activeSessions);

    /// <summary>
    /// Allocates two port pairs and starts relaying between them. Returns <see langword="false"/> when the port range is
    /// exhausted (answer the call with 503), never throws for that.
    /// </summary>
    /// <param name="onNoMedia">Called when a leg stays silent for the configured time; null for no callback.</param>
    /// <param name="session">The running session; dispose it when the call ends.</param>
    /// <returns>Whether a session was created.</returns>
    public bool TryCreateSession(RtpNoMediaHandler? onNoMedia, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RtpRelaySession? session)
    {
        session = null;
        if (!Ports.TryAllocate(out var a))
        {
            return false;
        }

        if (!Ports.TryAllocate(out var b))
        {
            a.Dispose();
            return false;
        }

        Interlocked.Increment(ref _activeSessions);
        session = new RtpRelaySession(a, b, _options, _time, _logger, onNoMedia, _onSessionDisposed);
        session.Start();
        return true;
    }
}
