using System.Diagnostics.CodeAnalysis;
using System.Net;
using ContactCenter.Media.Clock;
using ContactCenter.Media.Relay;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Creates <see cref="MediaEndpoint"/>s on port pairs from the appliance's one RTP range: give it the relay's
/// <see cref="RtpRelay.Ports"/> so that anchored calls and own endpoints share the range without collisions.
/// </summary>
/// <param name="ports">The shared port allocator.</param>
/// <param name="advertisedAddress">The address written into SDP (the LAN address phones reach, not a wildcard).</param>
/// <param name="clock">The media clock that drives every endpoint.</param>
/// <param name="time">The time source for RTCP and statistics.</param>
/// <param name="loggerFactory">The logger factory.</param>
/// <param name="options">What the endpoints offer and accept (defaults when null); validated here.</param>
public sealed class MediaEndpointFactory(
    RtpPortAllocator ports, IPAddress advertisedAddress, IMediaClock clock, TimeProvider time, ILoggerFactory loggerFactory,
    MediaEndpointOptions? options = null) : IMediaEndpointFactory
{
    private readonly ILogger _logger = (loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory))).CreateLogger<MediaEndpoint>();
    private readonly int? _telephoneEvent = Validated(options ?? new MediaEndpointOptions()).OfferedTelephoneEvent;

    /// <inheritdoc/>
    public bool TryCreate([NotNullWhen(true)] out IMediaEndpoint? endpoint)
    {
        if (!ports.TryAllocate(out var pair))
        {
            endpoint = null;
            return false;
        }

        endpoint = new MediaEndpoint(pair, advertisedAddress, _telephoneEvent, clock, time, _logger);
        return true;
    }

    private static MediaEndpointOptions Validated(MediaEndpointOptions options)
    {
        options.Validate();
        return options;
    }
}
