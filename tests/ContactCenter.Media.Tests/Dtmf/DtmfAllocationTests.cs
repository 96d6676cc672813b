using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Endpoints;
using Xunit;

namespace ContactCenter.Media.Tests.Dtmf;

/// <summary>What runs once per tick on the media clock thread allocates nothing.</summary>
public sealed class DtmfAllocationTests
{
    [Fact]
    public void DetectorAndToneSources_AllocateNothingPerFrame()
    {
        var detector = new DtmfToneDetector();
        var keys = new DtmfToneSource();
        var tone = new ToneSource(CallProgressTones.Get(ToneProfile.UnitedStates, CallProgressTone.Ringback));
        var frame = new short[160];
        var wide = new short[320];
        foreach (char key in "0123456789")
        {
            keys.Enqueue(key, 60, 60);
        }

        keys.Read(frame, 8000);
        detector.TryDetect(frame, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int found = 0;
        for (int i = 0; i < 60; i++)
        {
            keys.Read(frame, 8000);
            found += detector.TryDetect(frame, out _) ? 1 : 0;
            tone.Read(frame, 8000);
            tone.Read(wide, 16000);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(10, found);
    }

    [Fact]
    public void TelephoneEvents_AllocateNothingPerPacket()
    {
        var sender = new TelephoneEventSender();
        var receiver = new TelephoneEventReceiver();
        foreach (char key in "123")
        {
            sender.Start(key, 100, 8000);
        }

        Span<byte> payload = stackalloc byte[4];
        long before = GC.GetAllocatedBytesForCurrentThread();
        int found = 0;
        uint timestamp = 0;
        uint eventTimestamp = 0;
        while (sender.HasPending)
        {
            if (sender.TryWriteNext(payload, out int length, out bool marker))
            {
                eventTimestamp = marker ? timestamp : eventTimestamp;
                found += receiver.TryReceive(payload[..length], eventTimestamp, marker, out _) ? 1 : 0;
            }

            timestamp += 160;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(3, found);
    }
}
