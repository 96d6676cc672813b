using System.Buffers.Binary;
using ContactCenter.Media.Rtp;
using Xunit;

namespace ContactCenter.Media.Tests.Rtp;

public class RtpReceiveStatisticsTests
{
    // Arrival timestamps in ticks of 100 ns, as TimeSpan and the fake clock count them.
    private const long Frequency = TimeSpan.TicksPerSecond;
    private const long TicksPerFrame = 20 * TimeSpan.TicksPerMillisecond;
    private const uint Ssrc = 0x5EED;

    private readonly byte[] _buffer = new byte[RtpHeader.FixedHeaderSize + 160];
    private readonly RtpReceiveStatistics _stats = new(Frequency);

    [Fact]
    public void AStreamInOrder_LosesNothing_AndItsFirstPacketOnlyOpensProbation()
    {
        Assert.Equal(RtpReceiveOutcome.Probation, Receive(100));
        Assert.False(_stats.HasSource);
        for (ushort seq = 101; seq < 200; seq++)
        {
            Assert.Equal(RtpReceiveOutcome.Accepted, Receive(seq));
        }

        var snapshot = _stats.GetSnapshot();
        // RFC 3550 A.1: the source is validated by its second packet in sequence, from which counting starts.
        Assert.Equal((Ssrc, 1, 99L, 99L * 160, 99L, 0L, 199u), (snapshot.Ssrc, snapshot.Sources, snapshot.Packets, snapshot.PayloadBytes, snapshot.Expected, snapshot.Lost, snapshot.ExtendedHighestSequence));
        Assert.Equal(0, snapshot.LossPercent);
        Assert.Equal(0, _stats.TakeFractionLost());
    }

    [Fact]
    public void LossBursts_AreCounted_AndTheFractionLostCoversOnlyTheIntervalSinceTheLastReport()
    {
        for (ushort seq = 1; seq <= 100; seq++)
        {
            if (seq is (>= 10 and <= 14) or 50)
            {
                continue;
            }

            Receive(seq);
        }

        var snapshot = _stats.GetSnapshot();
        Assert.Equal((99L, 93L, 6L), (snapshot.Expected, snapshot.Packets, snapshot.Lost));
        Assert.Equal(100.0 * 6 / 99, snapshot.LossPercent, 9);
        Assert.Equal(6, _stats.SourceCumulativeLost);
        Assert.Equal((6 * 256) / 99, _stats.TakeFractionLost());

        for (ushort seq = 101; seq <= 140; seq++)
        {
            if (seq % 4 != 1)
            {
                Receive(seq);
            }
        }

        Assert.Equal(256 / 4, _stats.TakeFractionLost());
        Assert.Equal(0, _stats.TakeFractionLost());
        Assert.Equal(16, _stats.SourceCumulativeLost);
    }

    [Fact]
    public void ReorderedPackets_AreNotLoss_AndDoNotLowerTheHighestSequence()
    {
        foreach (ushort seq in new ushort[] { 1, 2, 3, 5, 4, 6, 9, 7, 8, 10 })
        {
            Assert.Equal(seq == 1 ? RtpReceiveOutcome.Probation : RtpReceiveOutcome.Accepted, Receive(seq));
        }

        var snapshot = _stats.GetSnapshot();
        Assert.Equal((9L, 9L, 0L, 10u), (snapshot.Expected, snapshot.Packets, snapshot.Lost, snapshot.ExtendedHighestSequence));
    }

    [Fact]
    public void Duplicates_AreCounted_SoLossGoesNegative_ButThePercentAndFractionStayAtZero()
    {
        for (ushort seq = 1; seq <= 10; seq++)
        {
            Receive(seq);
            if (seq == 5)
            {
                Assert.Equal(RtpReceiveOutcome.Accepted, Receive(seq));
            }
        }

        var snapshot = _stats.GetSnapshot();
        Assert.Equal((9L, 10L, -1L), (snapshot.Expected, snapshot.Packets, snapshot.Lost));
        Assert.Equal(0, snapshot.LossPercent);
        Assert.Equal(0, _stats.TakeFractionLost());
    }

    [Fact]
    public void SequenceWrapAt65535_AddsACycle_AndLosesNothing()
    {
        ushort seq = 65530;
        for (int i = 0; i < 20; i++, seq++)
        {
            Receive(seq);
        }

        var snapshot = _stats.GetSnapshot();
        Assert.Equal(65536u + 13, snapshot.ExtendedHighestSequence);
        Assert.Equal((19L, 19L, 0L), (snapshot.Expected, snapshot.Packets, snapshot.Lost));

        // A late packet from before the wrap is not a new cycle.
        Assert.Equal(RtpReceiveOutcome.Accepted, Receive(65534));
        Assert.Equal(65536u + 13, _stats.ExtendedHighestSequence);
    }

    [Fact]
    public void ANewSsrc_TakesOverAfterProbation_AndTheTotalsKeepThePreviousSourcesLoss()
    {
        for (ushort seq = 1; seq <= 50; seq++)
        {
            if (seq is not (20 or 21 or 30))
            {
                Receive(seq);
            }
        }

        // A re-INVITE: the phone starts a new SSRC at a new random sequence number.
        Assert.Equal(RtpReceiveOutcome.Probation, Receive(40000, ssrc: 0xB0B));
        for (ushort seq = 40001; seq < 40050; seq++)
        {
            Assert.Equal(RtpReceiveOutcome.Accepted, Receive(seq, ssrc: 0xB0B));
        }

        var snapshot = _stats.GetSnapshot();
        Assert.Equal(0xB0Bu, snapshot.Ssrc);
        Assert.Equal(2, snapshot.Sources);
        Assert.Equal((49L + 49, 46L + 49, 3L), (snapshot.Expected, snapshot.Packets, snapshot.Lost));
        Assert.Equal(0, _stats.SourceCumulativeLost);
        Assert.Equal(40049u, _stats.ExtendedHighestSequence);
    }

    [Fact]
    public void AStrayPacketFromAnotherSsrc_OrInterleavedWithTheCurrentSource_DoesNotTakeOver()
    {
        Receive(1);
        Receive(2);
        Assert.Equal(RtpReceiveOutcome.Probation, Receive(500, ssrc: 0xBAD));
        for (ushort seq = 3; seq <= 10; seq++)
        {
            Receive(seq);
            Assert.Equal(RtpReceiveOutcome.Probation, Receive((ushort)(500 + seq), ssrc: 0xBAD));
        }

        var snapshot = _stats.GetSnapshot();
        Assert.Equal((Ssrc, 1, 9L, 0L), (snapshot.Ssrc!.Value, snapshot.Sources, snapshot.Packets, snapshot.Lost));
    }

    [Fact]
    public void AHugeJump_IsDiscarded_UnlessTheNextPacketFollowsIt_WhichRestartsTheCount()
    {
        for (ushort seq = 1; seq <= 10; seq++)
        {
            Receive(seq);
        }

        Assert.Equal(RtpReceiveOutcome.Discarded, Receive(30000));
        Assert.Equal(RtpReceiveOutcome.Accepted, Receive(11));
        Assert.Equal(RtpReceiveOutcome.Discarded, Receive(unchecked((ushort)(11 - 200))));
        var beforeRestart = _stats.GetSnapshot();
        Assert.Equal((10L, 10L, 1), (beforeRestart.Expected, beforeRestart.Packets, beforeRestart.Sources));

        // The sender restarted at 20000: the second packet in sequence confirms it (A.1's bad_seq).
        Assert.Equal(RtpReceiveOutcome.Discarded, Receive(20000));
        Assert.Equal(RtpReceiveOutcome.Accepted, Receive(20001));
        Assert.Equal(RtpReceiveOutcome.Accepted, Receive(20002));
        var afterRestart = _stats.GetSnapshot();
        Assert.Equal((12L, 12L, 0L, 2), (afterRestart.Expected, afterRestart.Packets, afterRestart.Lost, afterRestart.Sources));
        Assert.Equal(20002u, _stats.ExtendedHighestSequence);
    }

    [Fact]
    public void Jitter_FollowsRfc3550A8_OnAHandComputedExample()
    {
        // 8 kHz, 160 units (20 ms) per packet; arrivals at 0, 20, 50, 60, 80 ms.
        // Packet 1 opens probation; packet 2 is the first transit reference. Then, with D = Δarrival − Δtimestamp:
        //   packet 3: D = 30 − 20 = 10 ms, J = 0 + (10 − 0)/16            = 0.625 ms
        //   packet 4: D = 10 − 20 = −10 → 10 ms, J = 0.625 + (10 − 0.625)/16 = 1.2109375 ms
        //   packet 5: D = 20 − 20 = 0, J = 1.2109375 − 1.2109375/16       = 1.13525390625 ms (9.08 units)
        long[] arrivalsMs = [0, 20, 50, 60, 80];
        for (int i = 0; i < arrivalsMs.Length; i++)
        {
            Receive((ushort)(i + 1), timestamp: (uint)(160 * i), arrival: arrivalsMs[i] * TimeSpan.TicksPerMillisecond);
        }

        var snapshot = _stats.GetSnapshot();
        Assert.Equal(1.13525390625, snapshot.JitterMilliseconds, 9);
        Assert.Equal(9u, _stats.JitterTimestampUnits);
        Assert.Equal(1.2109375, snapshot.MaxJitterMilliseconds, 9);
        Assert.Equal((0.625 + 1.2109375 + 1.13525390625) / 3, snapshot.MeanJitterMilliseconds, 9);
    }

    [Fact]
    public void Jitter_IgnoresPacketsOfUnknownClockRate_SuchAsTelephoneEventsWithAFrozenTimestamp()
    {
        ushort seq = 1;
        for (int frame = 0; frame < 50; frame++)
        {
            long arrival = frame * TicksPerFrame;
            if (frame is >= 20 and < 30)
            {
                // An RFC 4733 event: every packet carries the event's start timestamp.
                Receive(seq++, timestamp: 20 * 160, arrival: arrival, clockRate: 0, payloadType: 101);
            }
            else
            {
                Receive(seq++, timestamp: (uint)(frame * 160), arrival: arrival);
            }
        }

        var snapshot = _stats.GetSnapshot();
        Assert.Equal(0, snapshot.MaxJitterMilliseconds);
        Assert.Equal((49L, 0L), (snapshot.Packets, snapshot.Lost));
    }

    [Fact]
    public void Jitter_OfAStreamWithAlternatingDelay_SettlesNearTheDelayVariation()
    {
        // Every other packet arrives 8 ms late: |D| = 8 ms each time, so J converges to 8 ms.
        for (int i = 0; i < 400; i++)
        {
            long late = i % 2 == 1 ? 8 * TimeSpan.TicksPerMillisecond : 0;
            Receive((ushort)i, timestamp: (uint)(160 * i), arrival: (i * TicksPerFrame) + late);
        }

        var snapshot = _stats.GetSnapshot();
        Assert.Equal(8, snapshot.JitterMilliseconds, 3);
        Assert.Equal(64u, _stats.JitterTimestampUnits);
    }

    [Fact]
    public void Updates_DoNotAllocate()
    {
        Receive(1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (ushort seq = 2; seq < 5000; seq++)
        {
            Receive(seq);
        }

        _stats.TakeFractionLost();
        _stats.GetSnapshot();
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private RtpReceiveOutcome Receive(ushort seq, uint ssrc = Ssrc, uint? timestamp = null, long? arrival = null, int clockRate = 8000, int payloadType = 0)
    {
        _buffer[0] = 0x80;
        _buffer[1] = (byte)payloadType;
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(2), seq);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(4), timestamp ?? (uint)(seq * 160));
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(8), ssrc);
        RtpPacket.TryRead(_buffer, out var packet);
        return _stats.Update(packet, arrival ?? (seq * TicksPerFrame), clockRate);
    }
}
