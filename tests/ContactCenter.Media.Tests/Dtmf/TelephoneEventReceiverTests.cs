using ContactCenter.Media.Dtmf;
using Xunit;

namespace ContactCenter.Media.Tests.Dtmf;

public sealed class TelephoneEventReceiverTests
{
    private readonly TelephoneEventReceiver _receiver = new();
    private readonly List<DtmfDigit> _reported = [];

    [Fact]
    public void OneEvent_WithUpdatesAndThreeEndPackets_IsReportedOnce_AtItsFirstPacket()
    {
        Assert.True(Feed(1000, 5, 160, end: false, marker: true));
        Feed(1000, 5, 320, end: false);
        Feed(1000, 5, 480, end: false);
        Feed(1000, 5, 640, end: true);
        Feed(1000, 5, 640, end: true);
        Feed(1000, 5, 640, end: true);

        var digit = Assert.Single(_reported);
        Assert.Equal(new DtmfDigit('5', 20, DtmfSource.TelephoneEvent), digit);
    }

    [Fact]
    public void LostStartPackets_TheFirstUpdateSeenReportsTheDigit_WithTheDurationSoFar()
    {
        Feed(8000, 11, 480, end: false);
        Feed(8000, 11, 640, end: true);

        Assert.Equal([new DtmfDigit('#', 60, DtmfSource.TelephoneEvent)], _reported);
    }

    [Fact]
    public void OnlyAnEndPacketArrives_TheDigitIsStillReported_WithTheWholeDuration()
    {
        Feed(8000, 0, 800, end: true);

        Assert.Equal([new DtmfDigit('0', 100, DtmfSource.TelephoneEvent)], _reported);
    }

    [Fact]
    public void TwoPressesOfTheSameKey_AreTwoDigits_TellingThemApartByTimestamp()
    {
        PressAt(1000, 7);
        PressAt(3000, 7);

        Assert.Equal("77", Digits());
    }

    [Fact]
    public void SameKeyAgain_WhenTheFirstEndAndSecondStartWereLost_IsStillTwoDigits()
    {
        Feed(1000, 7, 160, end: false, marker: true);
        Feed(1000, 7, 320, end: false);

        // The end packets of the first press are lost; the second press arrives with its marker.
        Feed(3000, 7, 160, end: false, marker: true);

        Assert.Equal("77", Digits());
    }

    [Fact]
    public void EndPacketsRetransmittedAfterTheNextEventStarted_AreIgnored()
    {
        Feed(1000, 1, 160, end: false, marker: true);
        Feed(1000, 1, 320, end: true);
        Feed(2000, 2, 160, end: false, marker: true);
        Feed(1000, 1, 320, end: true);
        Feed(1000, 1, 320, end: true);

        Assert.Equal("12", Digits());
    }

    [Fact]
    public void LongPress_ContinuedInASecondSegment_IsOneDigit()
    {
        // RFC 4733 §2.5.1.3: at 0xFFFF units the sender starts a new segment at timestamp + 0xFFFF, no marker.
        Feed(1000, 9, 160, end: false, marker: true);
        Feed(1000, 9, 65_000, end: false);
        Feed(1000 + 65_535, 9, 160, end: false);
        Feed(1000 + 65_535, 9, 800, end: true);

        Assert.Equal("9", Digits());
    }

    [Fact]
    public void TimestampWrap_IsANewerEvent_NotAnOldOne()
    {
        PressAt(uint.MaxValue - 100, 3);
        PressAt(200, 4);

        Assert.Equal("34", Digits());
    }

    [Fact]
    public void VolumeIsIgnored_AndNonDtmfEventsAreNotReported()
    {
        Span<byte> payload = stackalloc byte[4];
        new TelephoneEvent(16, false, 63, 160).Write(payload);
        Assert.False(_receiver.TryReceive(payload, 500, true, out _));
        new TelephoneEvent(12, false, 0, 160).Write(payload);
        Assert.True(_receiver.TryReceive(payload, 900, true, out var digit));
        Assert.Equal('A', digit.Digit);
    }

    [Fact]
    public void ShortPayload_IsRefused()
    {
        Assert.False(_receiver.TryReceive([5, 0x80, 0], 1, true, out _));
        Assert.False(_receiver.TryReceive([], 1, true, out _));
    }

    [Fact]
    public void Reset_ForgetsTheEvent_SoTheSameTimestampCountsAgain()
    {
        PressAt(1000, 2);
        _receiver.Reset();
        PressAt(1000, 2);

        Assert.Equal("22", Digits());
    }

    private void PressAt(uint timestamp, byte code)
    {
        Feed(timestamp, code, 160, end: false, marker: true);
        Feed(timestamp, code, 320, end: true);
        Feed(timestamp, code, 320, end: true);
        Feed(timestamp, code, 320, end: true);
    }

    private bool Feed(uint timestamp, byte code, ushort duration, bool end, bool marker = false)
    {
        Span<byte> payload = stackalloc byte[4];
        new TelephoneEvent(code, end, 10, duration).Write(payload);
        if (_receiver.TryReceive(payload, timestamp, marker, out var digit))
        {
            _reported.Add(digit);
            return true;
        }

        return false;
    }

    private string Digits() => string.Concat(_reported.Select(d => d.Digit));
}
