using ContactCenter.Media.Clock;
using Xunit;

namespace ContactCenter.Media.Tests.Clock;

public class ManualMediaClockTests
{
    [Fact]
    public void Advance_TicksConsecutiveFrames_FromZero()
    {
        var clock = new ManualMediaClock();
        var subscriber = new RecordingTickable("a");
        clock.Register(subscriber, MediaClockPhase.Send);
        Assert.Equal(-1, clock.CurrentFrame);

        clock.Advance(3);
        clock.Advance();

        Assert.Equal([0, 1, 2, 3], subscriber.Frames);
        Assert.Equal(3, clock.CurrentFrame);
    }

    [Fact]
    public void EachTick_RunsReceive_ThenMix_ThenSend_InRegistrationOrderWithinAPhase()
    {
        var clock = new ManualMediaClock();
        var log = new List<string>();
        clock.Register(new RecordingTickable("send1", log), MediaClockPhase.Send);
        clock.Register(new RecordingTickable("mix", log), MediaClockPhase.Mix);
        clock.Register(new RecordingTickable("receive1", log), MediaClockPhase.Receive);
        clock.Register(new RecordingTickable("send2", log), MediaClockPhase.Send);
        clock.Register(new RecordingTickable("receive2", log), MediaClockPhase.Receive);

        clock.Advance(2);

        Assert.Equal(
            ["receive1:0", "receive2:0", "mix:0", "send1:0", "send2:0", "receive1:1", "receive2:1", "mix:1", "send1:1", "send2:1"],
            log);
    }

    [Fact]
    public void Registration_TakesEffectFromTheNextTick_AndDisposeStopsIt()
    {
        var clock = new ManualMediaClock();
        clock.Advance(2);
        var subscriber = new RecordingTickable("a");
        var registration = clock.Register(subscriber, MediaClockPhase.Receive);
        clock.Advance(2);
        registration.Dispose();
        registration.Dispose();
        clock.Advance(2);

        Assert.Equal([2, 3], subscriber.Frames);
    }

    [Fact]
    public void Subscriber_DisposedDuringATick_ByAnEarlierSubscriber_IsNotCalledInThatTick()
    {
        var clock = new ManualMediaClock();
        var victim = new RecordingTickable("victim");
        IDisposable? victimRegistration = null;
        var killer = new RecordingTickable("killer") { OnTickAction = frame => { if (frame == 1) { victimRegistration!.Dispose(); } } };
        clock.Register(killer, MediaClockPhase.Receive);
        victimRegistration = clock.Register(victim, MediaClockPhase.Send);

        clock.Advance(3);

        Assert.Equal([0], victim.Frames);
        Assert.Equal([0, 1, 2], killer.Frames);
    }

    [Fact]
    public void Subscriber_RegisteredDuringATick_StartsOnTheNextTick()
    {
        var clock = new ManualMediaClock();
        var late = new RecordingTickable("late");
        var registrar = new RecordingTickable("registrar")
        {
            OnTickAction = frame =>
            {
                if (frame == 0)
                {
                    clock.Register(late, MediaClockPhase.Send);
                }
            },
        };
        clock.Register(registrar, MediaClockPhase.Receive);

        clock.Advance(2);

        Assert.Equal([1], late.Frames);
    }

    [Fact]
    public void ThrowingSubscriber_IsCountedAndTickedAgain_AndOthersStillRun()
    {
        var clock = new ManualMediaClock();
        var thrower = new RecordingTickable("thrower") { OnTickAction = _ => throw new InvalidOperationException("bug") };
        var after = new RecordingTickable("after");
        clock.Register(thrower, MediaClockPhase.Mix);
        clock.Register(after, MediaClockPhase.Mix);

        clock.Advance(3);

        Assert.Equal([0, 1, 2], thrower.Frames);
        Assert.Equal([0, 1, 2], after.Frames);
        Assert.Equal(3, clock.SubscriberFaults);
    }
}
