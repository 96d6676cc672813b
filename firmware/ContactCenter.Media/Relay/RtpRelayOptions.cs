using System.Net;

namespace ContactCenter.Media.Relay;

/// <summary>Settings of the RTP relay (DESIGN.md: RTP 10000–20000 by default, <c>--rtp-ports A-B</c>).</summary>
public sealed class RtpRelayOptions
{
    /// <summary>The lowest port of the media range (inclusive). An odd value starts at the next even port.</summary>
    public int PortRangeStart { get; set; } = 10000;

    /// <summary>The highest port of the media range (inclusive); the last pair's RTCP port is at most this.</summary>
    public int PortRangeEnd { get; set; } = 20000;

    /// <summary>The local address the media sockets bind to; also the address written into rewritten SDP.</summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Any;

    /// <summary>
    /// How many consecutive valid packets a new source must send, with none from the current source in between,
    /// before the relay re-latches onto it (see <see cref="RtpRelaySession"/>). At least 1.
    /// </summary>
    public int RelatchThreshold { get; set; } = 8;

    /// <summary>
    /// How long a leg may stay without any RTP before <see cref="RtpRelaySession"/> reports no media.
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables the detection.
    /// </summary>
    public TimeSpan NoMediaTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest datagram relayed; larger ones are dropped and counted. Ethernet MTU-sized by default.</summary>
    public int MaxPacketSize { get; set; } = 1500;

    /// <summary>How many pairs one allocation tries before it reports the range as exhausted.</summary>
    public int MaxBindAttempts { get; set; } = 64;

    /// <summary>Throws <see cref="ArgumentException"/> when the settings cannot work.</summary>
    public void Validate()
    {
        if (PortRangeStart is < 1 or > 65534 || PortRangeEnd is < 2 or > 65535 || FirstPort + 1 > PortRangeEnd)
        {
            throw new ArgumentException($"RTP port range {PortRangeStart}-{PortRangeEnd} holds no even/odd pair.");
        }

        ArgumentNullException.ThrowIfNull(BindAddress);
        ArgumentOutOfRangeException.ThrowIfLessThan(RelatchThreshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPacketSize, Rtp.RtpHeader.FixedHeaderSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBindAttempts, 1);
        if (NoMediaTimeout != Timeout.InfiniteTimeSpan && NoMediaTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(NoMediaTimeout), NoMediaTimeout, "must be positive or infinite");
        }
    }

    /// <summary>The first even port of the range.</summary>
    internal int FirstPort => PortRangeStart + (PortRangeStart & 1);

    /// <summary>How many RTP/RTCP pairs the range holds.</summary>
    internal int PairCount => Math.Max(0, (PortRangeEnd - FirstPort + 1) / 2);
}
