using ContactCenter.Media.Dtmf;
using Xunit;

namespace ContactCenter.Media.Tests.Dtmf;

public sealed class TelephoneEventSenderTests
{
    [Fact]
    public void OnePress_IsOnePacketPerTick_ThenTheEndThreeTimes()
    {
        var sender = new TelephoneEventSender();
        sender.Start('5', 100, 8000);
        var packets = Drain(sender);

        // 100 ms = 5 ticks: 4 updates (160..640), the end at 800, and two retransmissions of it.
        Assert.Equal(7, packets.Count);
        Assert.True(packets[0].Marker);
        Assert.All(packets.Skip(1), p => Assert.False(p.Marker));
        Assert.Equal([160, 320, 480, 640, 800, 800, 800], packets.Select(p => (int)p.Event.Duration));
        Assert.Equal([false, false, false, false, true, true, true], packets.Select(p => p.Event.End));
        Assert.All(packets, p => Assert.Equal(5, p.Event.Code));
        Assert.All(packets, p => Assert.Equal(TelephoneEventSender.Volume, p.Event.Volume));
        Assert.False(sender.IsActive);
    }

    [Fact]
    public void ShortPress_IsOneTick_WhoseFirstPacketIsAlreadyTheEnd()
    {
        var sender = new TelephoneEventSender();
        sender.Start('#', 10, 8000);
        var packets = Drain(sender);

        Assert.Equal(3, packets.Count);
        Assert.True(packets[0].Marker);
        Assert.All(packets, p => Assert.Equal((11, true, (ushort)160), (p.Event.Code, p.Event.End, p.Event.Duration)));
    }

    [Fact]
    public void WidebandClock_StepsBy320PerTick()
    {
        var sender = new TelephoneEventSender();
        sender.Start('1', 40, 16000);

        Assert.Equal([320, 640, 640, 640], Drain(sender).Select(p => (int)p.Event.Duration));
    }

    [Fact]
    public void QueuedKeys_FollowEachOther_WithTheGapBetween()
    {
        var sender = new TelephoneEventSender(gapMilliseconds: 80);
        sender.Start('1', 40, 8000);
        sender.Start('2', 40, 8000);
        var ticks = Ticks(sender);

        // '1': 2 ticks + 2 retransmissions; gap 80 ms = the 2 retransmission ticks + 2 silent ticks; then '2', and the
        // gap again, so a key queued right after still waits for it.
        Assert.Equal("1111--2222--", string.Concat(ticks.Select(t => t is null ? '-' : DtmfDigit.Keys[t.Value.Event.Code])));
        Assert.True(ticks[6]!.Value.Marker);
        Assert.False(sender.HasPending);
    }

    [Fact]
    public void IsActive_CoversOnePress_AndHasPending_TheQueue()
    {
        var sender = new TelephoneEventSender();
        Assert.False(sender.HasPending);
        sender.Start('3', 20, 8000);
        Assert.True(sender.HasPending);
        Assert.False(sender.IsActive);
        Span<byte> buffer = stackalloc byte[4];
        Assert.True(sender.TryWriteNext(buffer, out _, out _));
        Assert.True(sender.IsActive);
    }

    [Theory]
    [InlineData('x', 100, 8000)]
    [InlineData('5', 0, 8000)]
    [InlineData('5', 9000, 8000)]
    [InlineData('5', 100, 8001)]
    public void InvalidPress_IsRefused(char digit, int duration, int clockRate)
    {
        var sender = new TelephoneEventSender();
        Assert.Throws<ArgumentOutOfRangeException>(() => sender.Start(digit, duration, clockRate));
    }

    [Fact]
    public void SenderToReceiver_EveryKeyArrivesOnce_InOrder()
    {
        var sender = new TelephoneEventSender();
        foreach (char key in DtmfDigit.Keys)
        {
            sender.Start(key, 120, 8000);
        }

        Assert.Equal(DtmfDigit.Keys, Deliver(sender, lose: _ => false));
    }

    [Fact]
    public void SenderToReceiver_TheSameKeyTwice_IsTwoDigits()
    {
        var sender = new TelephoneEventSender();
        sender.Start('8', 60, 8000);
        sender.Start('8', 60, 8000);

        Assert.Equal("88", Deliver(sender, lose: _ => false));
    }

    [Fact]
    public void SenderToReceiver_SurvivesLosingEveryOtherPacket_AndDuplicates()
    {
        var sender = new TelephoneEventSender();
        foreach (char key in "1234")
        {
            sender.Start(key, 100, 8000);
        }

        // Lose the start packets and every other one after; the receiver still gets each key exactly once.
        Assert.Equal("1234", Deliver(sender, lose: index => index % 2 == 0, duplicate: true));
    }

    private static List<(TelephoneEvent Event, bool Marker)> Drain(TelephoneEventSender sender) =>
        [.. Ticks(sender).Where(t => t is not null).Select(t => t!.Value)];

    private static List<(TelephoneEvent Event, bool Marker)?> Ticks(TelephoneEventSender sender)
    {
        var ticks = new List<(TelephoneEvent, bool)?>();
        var buffer = new byte[4];
        while (sender.HasPending)
        {
            if (sender.TryWriteNext(buffer, out int length, out bool marker))
            {
                Assert.Equal(4, length);
                Assert.True(TelephoneEvent.TryRead(buffer, out var value));
                ticks.Add((value, marker));
            }
            else
            {
                ticks.Add(null);
            }
        }

        return ticks;
    }

    /// <summary>Plays the sender as an endpoint would (timestamp latched on the marker), through a lossy network.</summary>
    private static string Deliver(TelephoneEventSender sender, Func<int, bool> lose, bool duplicate = false)
    {
        var receiver = new TelephoneEventReceiver();
        var digits = new List<char>();
        var buffer = new byte[4];
        uint streamTimestamp = 12_345;
        uint eventTimestamp = 0;
        int index = 0;
        while (sender.HasPending)
        {
            if (sender.TryWriteNext(buffer, out int length, out bool marker))
            {
                if (marker)
                {
                    eventTimestamp = streamTimestamp;
                }

                if (!lose(index++))
                {
                    for (int copy = 0; copy < (duplicate ? 2 : 1); copy++)
                    {
                        if (receiver.TryReceive(buffer.AsSpan(0, length), eventTimestamp, marker, out var digit))
                        {
                            digits.Add(digit.Digit);
                        }
                    }
                }
            }

            streamTimestamp += 160;
        }

        return new string([.. digits]);
    }
}
