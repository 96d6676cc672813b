using ContactCenter.Media.Endpoints;
using Xunit;

namespace ContactCenter.Media.Tests.Endpoints;

public class JitterBufferTests
{
    private const int Step = 160;
    private const uint Ssrc = 0x1234;
    private const uint BaseTimestamp = 4_000_000_000; // wraps past 2^32 during the longer scripts

    [Fact]
    public void InOrder_PlaysEveryFrame_AfterTheInitialDelay()
    {
        var buffer = new JitterBuffer(Step, Step);
        var played = Run(buffer, 50, tick => [tick]);

        Assert.Equal([Idle, Idle], played[..2]);
        Assert.Equal(Enumerable.Range(0, 48), played[2..]);
        Assert.Equal(0, buffer.Statistics.Lost);
        Assert.Equal(48, buffer.Statistics.Played);
    }

    [Fact]
    public void Reordered_PairsArePlayedInTimestampOrder()
    {
        var buffer = new JitterBuffer(Step, Step);
        // 1 0 3 2 5 4 …: every odd frame overtakes its predecessor.
        var played = Run(buffer, 40, tick => [tick % 2 == 0 ? tick + 1 : tick - 1]);

        // Playout starts from the first arrival (frame 1) less the delay, so frame 0 still comes first.
        Assert.Equal(Idle, played[0]);
        Assert.Equal(Enumerable.Range(0, 39), played[1..]);
        Assert.Equal(0, buffer.Statistics.Lost);
        Assert.Equal(0, buffer.Statistics.Late);
    }

    [Fact]
    public void Lost_FramesComeOutMissing_InTheirPlace_AndAreCounted()
    {
        var buffer = new JitterBuffer(Step, Step);
        var played = Run(buffer, 20, tick => tick is 5 or 9 ? [] : [tick]);

        var expected = Enumerable.Range(0, 18).Select(n => n is 5 or 9 ? Missing : n);
        Assert.Equal(expected, played[2..]);
        Assert.Equal(2, buffer.Statistics.Lost);
        Assert.Equal(0, buffer.Statistics.Underruns);
    }

    [Fact]
    public void Duplicates_AreDroppedAndCounted()
    {
        var buffer = new JitterBuffer(Step, Step);
        var played = Run(buffer, 12, tick => tick == 4 ? [4, 3, 4] : [tick]);

        Assert.Equal(Enumerable.Range(0, 10), played[2..]);
        Assert.Equal(2, buffer.Statistics.Duplicates);
    }

    [Fact]
    public void StreamThatStops_UnderrunsRatherThanLoses()
    {
        var buffer = new JitterBuffer(Step, Step);
        var played = Run(buffer, 15, tick => tick < 10 ? [tick] : []);

        Assert.Equal(Enumerable.Range(0, 10), played[2..12]);
        Assert.All(played[12..], p => Assert.Equal(Missing, p));
        Assert.Equal(3, buffer.Statistics.Underruns);
        Assert.Equal(0, buffer.Statistics.Lost);
    }

    [Fact]
    public void LatePacket_IsDropped_AndGrowsTheDelay_ByAsManyFramesAsItWasLate()
    {
        var buffer = new JitterBuffer(Step, Step);
        // Frame 10 is held back four ticks; it was due at tick 12, so it arrives two frames after its playout.
        var played = Run(buffer, 20, tick => tick switch { 10 => [], 14 => [14, 10], _ => [tick] });

        Assert.Equal(1, buffer.Statistics.Late);
        Assert.Equal(4, buffer.Statistics.DelayFrames);
        Assert.Equal(2, buffer.Statistics.Stretched);
        // Frame 10 was concealed; then two stretch frames; then playout resumes in order, two frames later.
        Assert.Equal(Enumerable.Range(0, 10), played[2..12]);
        Assert.Equal([Missing, 11, Missing, Missing, 12, 13], played[12..18]);
    }

    [Fact]
    public void BurstyJitter_GrowsTheDelay_ThenCalm_ShrinksItSlowly_NeverOutsideBounds()
    {
        var buffer = new JitterBuffer(Step, Step);
        var random = new Random(7);
        var arrivals = new Dictionary<int, List<int>>();
        const int Bursty = 400;
        const int Calm = 1500;
        for (int frame = 0; frame < Bursty + Calm; frame++)
        {
            // Bursty: every 25th frame starts a network stall that delays the next frames by up to 5 frames.
            int delay = frame < Bursty && frame % 25 < 5 ? 5 - (frame % 25) + random.Next(0, 2) : 0;
            (arrivals.TryGetValue(frame + delay, out var list) ? list : arrivals[frame + delay] = []).Add(frame);
        }

        var targets = new List<int>();
        Run(buffer, Bursty + Calm, tick => arrivals.GetValueOrDefault(tick) ?? [], targets);

        Assert.All(targets, t => Assert.InRange(t, JitterBuffer.MinDelayFrames, JitterBuffer.MaxDelayFrames));
        int peak = targets[..Bursty].Max();
        Assert.True(peak >= 5, $"the delay grew only to {peak} frames under 100 ms bursts");
        Assert.Equal(JitterBuffer.MinDelayFrames, targets[^1]);
        // Slowly: at most one frame less per adaptation window.
        for (int i = JitterBuffer.AdaptationWindowFrames; i < targets.Count; i++)
        {
            Assert.True(targets[i] >= targets[i - JitterBuffer.AdaptationWindowFrames] - 1, $"shrank too fast at tick {i}");
        }

        Assert.True(buffer.Statistics.Dropped >= peak - 1);
    }

    [Fact]
    public void ExtremeJitter_NeverTakesTheDelayOutsideTwentyToOneHundredTwentyMilliseconds()
    {
        var buffer = new JitterBuffer(Step, Step);
        var random = new Random(11);
        var arrivals = new Dictionary<int, List<int>>();
        for (int frame = 0; frame < 2000; frame++)
        {
            int at = frame + random.Next(0, 20);
            (arrivals.TryGetValue(at, out var list) ? list : arrivals[at] = []).Add(frame);
        }

        var targets = new List<int>();
        Run(buffer, 2000, tick => arrivals.GetValueOrDefault(tick) ?? [], targets);

        Assert.All(targets, t => Assert.InRange(t, JitterBuffer.MinDelayFrames, JitterBuffer.MaxDelayFrames));
        Assert.InRange(buffer.DelayMilliseconds, 20, 120);
        Assert.Equal(JitterBuffer.MaxDelayFrames, targets.Max());
    }

    [Fact]
    public void NewSsrc_RestartsTheBuffer_OnTheNewTimeline()
    {
        var buffer = new JitterBuffer(Step, Step);
        Run(buffer, 10, tick => [tick]);
        var payload = new byte[Step];
        var played = new List<int>();
        for (int n = 0; n < 6; n++)
        {
            Assert.Equal(JitterBufferInsert.Accepted, buffer.Insert(0xBEEF, 777 + (uint)(n * Step), Frame(100 + n)));
            played.Add(Decode(buffer.Pop(payload), payload));
        }

        Assert.Equal(1, buffer.Statistics.Resets);
        Assert.Equal([Idle, Idle, 100, 101, 102, 103], played);
    }

    [Fact]
    public void TimestampJump_OnTheSameSsrc_RestartsTheBuffer()
    {
        var buffer = new JitterBuffer(Step, Step);
        Run(buffer, 10, tick => [tick]);

        Assert.Equal(JitterBufferInsert.Accepted, buffer.Insert(Ssrc, BaseTimestamp + (500 * Step), Frame(50)));

        Assert.Equal(1, buffer.Statistics.Resets);
        Assert.Equal(0, buffer.Statistics.Late);
    }

    [Fact]
    public void PacketTooFarAhead_Overflows()
    {
        var buffer = new JitterBuffer(Step, Step);
        Run(buffer, 3, tick => [tick]);

        Assert.Equal(JitterBufferInsert.Overflow, buffer.Insert(Ssrc, Timestamp(3 + 40), Frame(43)));
        Assert.Equal(1, buffer.Statistics.Overflows);
    }

    [Fact]
    public void ThirtyMillisecondPackets_FillTwentyMillisecondFrames()
    {
        var buffer = new JitterBuffer(Step, Step, initialDelayFrames: 3);
        var pcm = new List<byte>();
        var payload = new byte[Step];
        int packet = 0;
        for (int tick = 0; tick < 60; tick++)
        {
            // One 30 ms packet (240 bytes, byte value = sample index mod 251) whenever its end time has passed.
            while ((packet + 1) * 30 <= (tick + 1) * 20)
            {
                var bytes = Enumerable.Range(packet * 240, 240).Select(i => (byte)(i % 251)).ToArray();
                Assert.Equal(JitterBufferInsert.Accepted, buffer.Insert(Ssrc, BaseTimestamp + (uint)(packet * 240), bytes));
                packet++;
            }

            if (buffer.Pop(payload) == JitterBufferFrame.Payload)
            {
                pcm.AddRange(payload);
            }
        }

        Assert.Equal(Enumerable.Range(0, pcm.Count).Select(i => (byte)(i % 251)), pcm);
        Assert.True(pcm.Count >= 50 * Step);
        Assert.Equal(0, buffer.Statistics.Lost);
    }

    [Fact]
    public void InsertAndPop_DoNotAllocate()
    {
        var buffer = new JitterBuffer(Step, Step);
        var packet = new byte[Step];
        var payload = new byte[Step];
        buffer.Insert(Ssrc, BaseTimestamp, packet);
        buffer.Pop(payload);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int n = 1; n < 1000; n++)
        {
            buffer.Insert(Ssrc, Timestamp(n), packet);
            buffer.Pop(payload);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private const int Idle = -1;
    private const int Missing = -2;

    private static uint Timestamp(int frame) => unchecked(BaseTimestamp + (uint)(frame * Step));

    private static byte[] Frame(int frame) => Enumerable.Repeat((byte)frame, Step).ToArray();

    private static int Decode(JitterBufferFrame result, byte[] payload) => result switch
    {
        JitterBufferFrame.Idle => Idle,
        JitterBufferFrame.Missing => Missing,
        _ => payload[0],
    };

    /// <summary>Each tick: the frames <paramref name="arrivals"/> names arrive (in that order), then one frame is popped.</summary>
    private static List<int> Run(JitterBuffer buffer, int ticks, Func<int, IEnumerable<int>> arrivals, List<int>? targets = null)
    {
        var played = new List<int>();
        var payload = new byte[Step];
        for (int tick = 0; tick < ticks; tick++)
        {
            foreach (int frame in arrivals(tick))
            {
                buffer.Insert(Ssrc, Timestamp(frame), Frame(frame));
            }

            played.Add(Decode(buffer.Pop(payload), payload));
            targets?.Add(buffer.Statistics.DelayFrames);
        }

        return played;
    }
}
