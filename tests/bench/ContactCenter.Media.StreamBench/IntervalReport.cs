using System.Globalization;

namespace ContactCenter.Media.StreamBench;

/// <summary>The receiver's half of the printed table: packets, and inter-arrival intervals over all streams and the worst ones.</summary>
internal static class IntervalReport
{
    private const double Nominal = 20;
    private const double Tolerance = 2;

    public static IEnumerable<string> Lines(StreamReceiver receiver, double cpuShare)
    {
        var streams = receiver.Streams;
        var kernel = new IntervalHistogram();
        var user = new IntervalHistogram();
        long packets = 0, lost = 0, misordered = 0;
        ReceivedStream? worstP99 = null, worstMax = null;
        foreach (var stream in streams)
        {
            kernel.AddAll(stream.Kernel);
            user.AddAll(stream.User);
            packets += stream.Packets;
            lost += stream.Lost;
            misordered += stream.Misordered;
            if (worstP99 is null || stream.Kernel.PercentileMilliseconds(0.99) > worstP99.Kernel.PercentileMilliseconds(0.99))
            {
                worstP99 = stream;
            }

            if (worstMax is null || stream.Kernel.MaxNanoseconds > worstMax.Kernel.MaxNanoseconds)
            {
                worstMax = stream;
            }
        }

        var lines = new List<string>
        {
            Format($"receiver (own process, {cpuShare * 100:F1} % of a core): {streams.Length} streams, {packets} RTP packets, {lost} lost, {misordered} out of order, {receiver.RtcpPackets} RTCP, {receiver.Unattributed} unattributed"),
            Format($"{"inter-arrival interval (ms)",-34} {"intervals",10} {"p50",7} {"p99",7} {"p99.9",7} {"max",7} {"min",7} {"outside 18-22",14}"),
            Row("kernel timestamp, all streams", kernel),
        };
        if (worstP99 is not null && worstMax is not null)
        {
            lines.Add(Row("kernel timestamp, worst p99 stream", worstP99.Kernel));
            lines.Add(Row("kernel timestamp, worst max stream", worstMax.Kernel));
        }

        lines.Add(Row("receiving thread, all streams", user));
        return lines;
    }

    private static string Row(string name, IntervalHistogram histogram) => Format(
        $"{name,-34} {histogram.Count,10} {histogram.PercentileMilliseconds(0.5),7:F2} {histogram.PercentileMilliseconds(0.99),7:F2} {histogram.PercentileMilliseconds(0.999),7:F2} {histogram.MaxNanoseconds / 1e6,7:F2} {histogram.MinNanoseconds / 1e6,7:F2} {histogram.FractionOutside(Nominal - Tolerance, Nominal + Tolerance) * 100,13:F3}%");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
