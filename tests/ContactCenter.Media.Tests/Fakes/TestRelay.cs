using System.Net;
using ContactCenter.Media.Relay;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Media.Tests.Fakes;

/// <summary>Relays on loopback over a random slice of 20000–32000 (below Linux's ephemeral range, so rarely busy).</summary>
internal static class TestRelay
{
    public static RtpRelayOptions Options(int pairs = 16, TimeSpan? noMediaTimeout = null)
    {
        int start = 20000 + (2 * Random.Shared.Next(0, 6000 - pairs));
        return new RtpRelayOptions
        {
            BindAddress = IPAddress.Loopback,
            PortRangeStart = start,
            PortRangeEnd = start + (2 * pairs) - 1,
            RelatchThreshold = 4,
            NoMediaTimeout = noMediaTimeout ?? Timeout.InfiniteTimeSpan,
        };
    }

    public static RtpRelay Create(RtpRelayOptions? options = null, TimeProvider? time = null) =>
        new(options ?? Options(), time ?? TimeProvider.System, NullLoggerFactory.Instance);

    public static RtpRelaySession Session(RtpRelay relay, RtpNoMediaHandler? onNoMedia = null)
    {
        if (!relay.TryCreateSession(onNoMedia, out var session))
        {
            throw new InvalidOperationException("no ports");
        }

        return session;
    }

    public static IPEndPoint LocalRtp(this RtpRelaySession session, RtpRelayLeg leg) => new(IPAddress.Loopback, session.GetLocalRtpPort(leg));

    public static IPEndPoint LocalRtcp(this RtpRelaySession session, RtpRelayLeg leg) => new(IPAddress.Loopback, session.GetLocalRtcpPort(leg));
}
