using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ContactCenter.Media.Clock;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Relay;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Media.StreamBench;

/// <summary>
/// One run: the real <see cref="MediaClock"/>, N endpoints from a <see cref="MediaEndpointFactory"/> on loopback, each
/// answering an offer that points at the receiver process; even-numbered endpoints play a looping
/// <see cref="PromptPlayer"/> queue, odd-numbered ones listen to one shared <see cref="MusicOnHold"/> (the library's
/// default music). After the warm-up, a measured window; then the table.
/// </summary>
internal static class StreamBenchRun
{
    public static async Task<IReadOnlyList<string>> RunAsync(StreamBenchOptions options)
    {
        string loadBefore = LoadAverage();
        using var receiver = ReceiverProcess.Start(options.Streams);
        var clock = new MediaClock(TimeProvider.System, NullLogger<MediaClock>.Instance);
        await using (clock.ConfigureAwait(false))
        {
            var probe = new ClockThreadProbe((options.Seconds + 10) * MediaFrame.PerSecond);
            using var tickStart = clock.Register(probe.TickStart, MediaClockPhase.Receive);
            var ports = new RtpPortAllocator(
                new RtpRelayOptions
                {
                    BindAddress = IPAddress.Loopback,
                    PortRangeStart = options.PortBase,
                    // Room for pairs another process happens to hold: the allocator skips them.
                    PortRangeEnd = options.PortBase + (2 * (options.Streams + 64)) - 1,
                    NoMediaTimeout = Timeout.InfiniteTimeSpan,
                },
                NullLogger<RtpPortAllocator>.Instance);
            var factory = new MediaEndpointFactory(ports, IPAddress.Loopback, clock, TimeProvider.System, NullLoggerFactory.Instance);
            var library = new MusicOnHoldLibrary(clock, new AudioClipCache(TimeSpan.FromMinutes(10)));
            var clip = BenchClip.Create(BenchClip.RateOf(options.Codec));
            int copies = BenchClip.CopiesFor(TimeSpan.FromSeconds(options.Warmup + options.Seconds + 5));
            var endpoints = new List<MediaEndpoint>(options.Streams);
            var listeners = new List<MusicOnHoldListener>();
            byte[] offer = Offer(receiver.Port, options.Codec);
            try
            {
                for (int i = 0; i < options.Streams; i++)
                {
                    if (!factory.TryCreate(out var created))
                    {
                        throw new InvalidOperationException($"Port range exhausted after {i} endpoints.");
                    }

                    var endpoint = (MediaEndpoint)created;
                    endpoints.Add(endpoint);
                    if (!endpoint.TryAnswer(offer, out _))
                    {
                        throw new InvalidOperationException("The endpoint refused the generated offer.");
                    }

                    endpoint.Source = i % 2 == 0 ? Player(clip, copies) : await Listen(library, listeners).ConfigureAwait(false);
                }

                using var tickEnd = clock.Register(probe.TickEnd, MediaClockPhase.Send);
                clock.Start();
                await Task.Delay(TimeSpan.FromSeconds(options.Warmup)).ConfigureAwait(false);
                receiver.StartRecording();
                var machineBefore = MachineCpu.Read();
                var first = SenderSample.Take(probe, opening: true, clock, endpoints);
                await Task.Delay(TimeSpan.FromSeconds(options.Seconds)).ConfigureAwait(false);
                var last = SenderSample.Take(probe, opening: false, clock, endpoints);
                double machineBusy = MachineCpu.Read().CoresBusySince(machineBefore);
                var received = receiver.Stop();
                string loadAfter = LoadAverage();
                var report = Report(options, clip, endpoints[0].Negotiated!.Codec.ToString(), first, last, probe.TickWork, probe.TickLateness(), received, loadBefore, loadAfter);
                report.Add(Format($"machine: {machineBusy * 100:F0} % of one core busy on average over the window, all processes ({Environment.ProcessorCount} cores; others = this minus sender and receiver)"));
                return report;
            }
            finally
            {
                await clock.StopAsync().ConfigureAwait(false);
                foreach (var listener in listeners)
                {
                    listener.Dispose();
                }

                foreach (var endpoint in endpoints)
                {
                    await endpoint.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private static PromptPlayer Player(AudioClip clip, int copies)
    {
        var player = new PromptPlayer();
        for (int i = 0; i < copies; i++)
        {
            _ = player.Enqueue(clip);
        }

        return player;
    }

    private static async Task<MusicOnHoldListener> Listen(MusicOnHoldLibrary library, List<MusicOnHoldListener> listeners)
    {
        var listener = await library.JoinAsync(null).ConfigureAwait(false);
        listeners.Add(listener);
        return listener;
    }

    /// <summary>A phone's offer: one codec plus telephone-event, RTP and RTCP both to the receiver's one port.</summary>
    private static byte[] Offer(int port, string codec)
    {
        string format = codec == "g722" ? "9" : "0";
        string rtpmap = codec == "g722" ? "G722/8000" : "PCMU/8000";
        return Encoding.ASCII.GetBytes(
            "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=bench\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
            $"m=audio {port} RTP/AVP {format} 101\r\na=rtpmap:{format} {rtpmap}\r\na=rtpmap:101 telephone-event/8000\r\n" +
            $"a=fmtp:101 0-16\r\na=ptime:20\r\na=rtcp:{port}\r\na=sendrecv\r\n");
    }

    private static List<string> Report(
        StreamBenchOptions options, AudioClip clip, string codec, SenderSample first, SenderSample last, IntervalHistogram tickWork, IntervalHistogram tickLateness,
        IReadOnlyList<string> received, string loadBefore, string loadAfter)
    {
        double wall = (last.WallTimestamp - first.WallTimestamp) / (double)Stopwatch.Frequency;
        long packets = last.PacketsSent - first.PacketsSent;
        double processCpu = (last.ProcessCpu - first.ProcessCpu).TotalSeconds / wall;
        double threadCpu = (last.ClockThread.CpuNanoseconds - first.ClockThread.CpuNanoseconds) / 1e9 / wall;
        double threadCpuPerPacket = (last.ClockThread.CpuNanoseconds - first.ClockThread.CpuNanoseconds) / 1e3 / packets;
        long processBytes = last.ProcessAllocatedBytes - first.ProcessAllocatedBytes;
        long threadBytes = last.ClockThread.AllocatedBytes - first.ClockThread.AllocatedBytes;
        var clockStats = last.Clock;
        int n = options.Streams;
        var lines = new List<string>
        {
            Format($"== media streams: {codec}, {n} streams ({(n + 1) / 2} PromptPlayer loops of a {BenchClip.Seconds:F0} s {clip.SampleRate / 1000} kHz clip, {n / 2} listeners of one MusicOnHold: default music, 8 kHz), {wall:F1} s after {options.Warmup} s warm-up"),
            $"load average before: {loadBefore}",
            Format($"sender: {packets} RTP packets ({packets / wall:F0}/s, {packets / wall / n:F2}/s per stream), {last.RtcpSent - first.RtcpSent} RTCP"),
            Format($"clock: {clockStats.Ticks - first.Clock.Ticks} ticks in the window ({last.ClockThread.Frame - first.ClockThread.Frame} frames), late ticks {clockStats.LateTicks - first.Clock.LateTicks}, resyncs {clockStats.Resyncs - first.Clock.Resyncs} ({clockStats.SkippedFrames - first.Clock.SkippedFrames} frames skipped), subscriber faults {clockStats.SubscriberFaults}; since start: late {clockStats.LateTicks}, resyncs {clockStats.Resyncs}"),
            Format($"tick start lateness (against the 20 ms grid, from the earliest tick of the window): p50 {tickLateness.PercentileMilliseconds(0.5):F2} ms, p99 {tickLateness.PercentileMilliseconds(0.99):F2} ms, max {tickLateness.MaxNanoseconds / 1e6:F2} ms"),
            Format($"tick work (all streams' Receive+Mix+Send, clock thread): p50 {tickWork.PercentileMilliseconds(0.5):F2} ms, p99 {tickWork.PercentileMilliseconds(0.99):F2} ms, max {tickWork.MaxNanoseconds / 1e6:F2} ms"),
            Format($"CPU: sender process {processCpu * 100:F1} % of a core = {processCpu * 100 / n:F3} % per stream; clock thread {threadCpu * 100:F1} % = {threadCpu * 100 / n:F3} % per stream, {threadCpuPerPacket:F1} µs per packet"),
            Format($"allocations: sender process {processBytes} B = {(double)processBytes / packets:F3} B/packet (gen0 GCs {last.Gen0Collections - first.Gen0Collections}, gen2 {last.Gen2Collections - first.Gen2Collections}); clock thread {threadBytes} B = {(double)threadBytes / packets:F3} B/packet"),
        };
        lines.AddRange(received);
        lines.Add($"load average after: {loadAfter}");
        return lines;
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
