using System.Diagnostics;
using ContactCenter.Media.Clock;
using ContactCenter.Media.Endpoints;

namespace ContactCenter.Media.StreamBench;

/// <summary>The sending process at one edge of the measured window.</summary>
internal readonly record struct SenderSample(
    long WallTimestamp,
    TimeSpan ProcessCpu,
    long ProcessAllocatedBytes,
    int Gen0Collections,
    int Gen2Collections,
    MediaClockStatistics Clock,
    ClockThreadSample ClockThread,
    long PacketsSent,
    long RtcpSent)
{
    /// <summary>Samples the clock thread at its next tick, then the process and the endpoints.</summary>
    public static SenderSample Take(ClockThreadProbe probe, bool opening, MediaClock clock, IReadOnlyList<MediaEndpoint> endpoints)
    {
        var thread = probe.Sample(opening);
        long packets = 0, rtcp = 0;
        foreach (var endpoint in endpoints)
        {
            var statistics = endpoint.GetStatistics();
            packets += statistics.PacketsSent;
            rtcp += statistics.RtcpSent;
        }

        using var process = Process.GetCurrentProcess();
        return new SenderSample(
            Stopwatch.GetTimestamp(), process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true),
            GC.CollectionCount(0), GC.CollectionCount(2), clock.Statistics, thread, packets, rtcp);
    }
}
