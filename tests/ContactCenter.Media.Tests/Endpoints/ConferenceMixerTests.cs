using ContactCenter.Media.Clock;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Tests.Codecs;
using Xunit;

namespace ContactCenter.Media.Tests.Endpoints;

public sealed class ConferenceMixerTests
{
    private const double Level = 6000;
    private const int Ticks = 50;
    private readonly ConferenceMixer _mixer = new();

    [Fact]
    public void ThreeWay_EachHearsTheOthersAndNotItself()
    {
        var parties = Join((400, 8000), (700, 8000), (1100, 8000));

        var heard = Run(parties);

        AssertHears(parties, heard);
    }

    [Fact]
    public void EightWay_AtMixedRates_EachHearsTheOthersAndNotItself()
    {
        var parties = Join((300, 8000), (500, 16000), (750, 8000), (1000, 16000), (1250, 8000), (1500, 16000), (2000, 8000), (2500, 16000));

        var heard = Run(parties);

        AssertHears(parties, heard);
    }

    [Fact]
    public void MutedParticipant_IsHeardByNobody_ButHearsTheOthers()
    {
        var parties = Join((400, 8000), (700, 16000), (1100, 8000));
        parties[1].Participant.Muted = true;

        var heard = Run(parties);

        Assert.True(SignalMath.ToneAmplitude(heard[0], 700, 8000) < 30, "A does not hear muted B");
        Assert.True(SignalMath.ToneAmplitude(heard[2], 700, 8000) < 30, "C does not hear muted B");
        Assert.InRange(SignalMath.ToneAmplitude(heard[0], 1100, 8000), 0.9 * Level, 1.1 * Level);
        Assert.InRange(SignalMath.ToneAmplitude(heard[1], 400, 16000), 0.9 * Level, 1.1 * Level);
        Assert.InRange(SignalMath.ToneAmplitude(heard[1], 1100, 16000), 0.9 * Level, 1.1 * Level);

        parties[1].Participant.Muted = false;
        heard = Run(parties);
        Assert.InRange(SignalMath.ToneAmplitude(heard[0], 700, 8000), 0.9 * Level, 1.1 * Level);
    }

    [Fact]
    public void LoudSum_IsClippedNotWrapped()
    {
        Assert.True(_mixer.TryJoin(out var a));
        Assert.True(_mixer.TryJoin(out var b));
        Assert.True(_mixer.TryJoin(out var c));
        short[] loud = [.. Enumerable.Repeat((short)30000, 320)];
        var frame = new short[320];

        a.Write(loud, 16000);
        b.Write(loud, 16000);
        _mixer.OnTick(0);
        c.Read(frame, 16000);
        Assert.All(frame, s => Assert.Equal(short.MaxValue, s));

        a.Read(frame, 16000);
        Assert.All(frame, s => Assert.Equal(30000, s));
    }

    [Fact]
    public void ParticipantWithoutAFrameThisTick_IsSilence_NotItsLastFrame()
    {
        Assert.True(_mixer.TryJoin(out var talker));
        Assert.True(_mixer.TryJoin(out var listener));
        var frame = new short[160];

        talker.Write([.. Enumerable.Repeat((short)1000, 320)], 16000);
        _mixer.OnTick(0);
        listener.Read(frame.AsSpan(), 8000);
        Assert.NotEqual(0, frame[^1]);

        // The listener reads every tick, as its endpoint does, so the converter's filter empties too.
        for (int t = 1; t < 5; t++)
        {
            _mixer.OnTick(t);
            listener.Read(frame, 8000);
        }

        Assert.InRange(SignalMath.Rms(frame), 0, 2);
    }

    [Fact]
    public void Leaving_StopsBeingHeard_AndTheConferenceHasALimit()
    {
        var mixer = new ConferenceMixer(maxParticipants: 3);
        Assert.True(mixer.TryJoin(out var a));
        Assert.True(mixer.TryJoin(out var b));
        Assert.True(mixer.TryJoin(out _));
        Assert.False(mixer.TryJoin(out _));

        b.Dispose();
        Assert.Equal(2, mixer.Count);
        b.Write([.. Enumerable.Repeat((short)1000, 320)], 16000);
        mixer.OnTick(0);
        var frame = new short[320];
        a.Read(frame, 16000);
        Assert.All(frame, s => Assert.Equal(0, s));
        Assert.False(b.Read(frame, 16000));
        Assert.True(mixer.TryJoin(out _));
    }

    [Fact]
    public async Task JoinAndLeaveFromAnotherThread_WhileTicking_KeepTheConferenceConsistent()
    {
        Assert.True(_mixer.TryJoin(out var anchor));
        using var stop = new CancellationTokenSource();
        var churn = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (_mixer.TryJoin(out var guest))
                {
                    guest.Muted = !guest.Muted;
                    guest.Dispose();
                }
            }
        });

        var frame = new short[320];
        short[] input = [.. Enumerable.Repeat((short)100, 320)];
        for (int t = 0; t < 5000; t++)
        {
            anchor.Write(input, 16000);
            _mixer.OnTick(t);
            anchor.Read(frame, 16000);
            Assert.Equal(0, frame[0]);
        }

        stop.Cancel();
        await churn;
        Assert.Equal(1, _mixer.Count);
    }

    [Fact]
    public void Tick_WithThirtyTwoParticipants_DoesNotAllocate()
    {
        var parties = new List<ConferenceParticipant>();
        while (_mixer.TryJoin(out var participant))
        {
            parties.Add(participant);
        }

        Assert.Equal(ConferenceMixer.DefaultMaxParticipants, parties.Count);
        short[] input = SignalMath.Sine(440, 1000, 16000, 320);
        var frame = new short[320];
        Mix(parties, input, frame, 0, 100);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Mix(parties, input, frame, 100, 200);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private void Mix(List<ConferenceParticipant> parties, short[] input, short[] frame, int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            for (int i = 0; i < parties.Count; i++)
            {
                int rate = i % 2 == 0 ? 8000 : 16000;
                parties[i].Write(input.AsSpan(0, MediaFrame.Samples(rate)), rate);
            }

            _mixer.OnTick(t);
            for (int i = 0; i < parties.Count; i++)
            {
                int rate = i % 2 == 0 ? 8000 : 16000;
                parties[i].Read(frame.AsSpan(0, MediaFrame.Samples(rate)), rate);
            }
        }
    }

    private (ConferenceParticipant Participant, double Frequency, int Rate)[] Join(params (double Frequency, int Rate)[] parties) =>
        [.. parties.Select(p => _mixer.TryJoin(out var participant) ? (participant, p.Frequency, p.Rate) : throw new InvalidOperationException("full"))];

    // Runs Ticks ticks (Receive: each writes its tone; Mix; Send: each reads) and returns what each heard after the
    // first 10 ticks (filter start-up).
    private short[][] Run((ConferenceParticipant Participant, double Frequency, int Rate)[] parties)
    {
        var tones = parties.Select(p => SignalMath.Sine(p.Frequency, Level, p.Rate, MediaFrame.Samples(p.Rate) * Ticks)).ToArray();
        var heard = parties.Select(p => new short[MediaFrame.Samples(p.Rate) * Ticks]).ToArray();
        for (int t = 0; t < Ticks; t++)
        {
            for (int i = 0; i < parties.Length; i++)
            {
                int n = MediaFrame.Samples(parties[i].Rate);
                parties[i].Participant.Write(tones[i].AsSpan(t * n, n), parties[i].Rate);
            }

            _mixer.OnTick(t);
            for (int i = 0; i < parties.Length; i++)
            {
                int n = MediaFrame.Samples(parties[i].Rate);
                Assert.True(parties[i].Participant.Read(heard[i].AsSpan(t * n, n), parties[i].Rate));
            }
        }

        return [.. heard.Select((h, i) => h.AsSpan(MediaFrame.Samples(parties[i].Rate) * 10).ToArray())];
    }

    private static void AssertHears((ConferenceParticipant Participant, double Frequency, int Rate)[] parties, short[][] heard)
    {
        for (int i = 0; i < parties.Length; i++)
        {
            for (int j = 0; j < parties.Length; j++)
            {
                double amplitude = SignalMath.ToneAmplitude(heard[i], parties[j].Frequency, parties[i].Rate);
                if (i == j)
                {
                    Assert.True(amplitude < 30, $"party {i} hears its own {parties[j].Frequency} Hz at {amplitude:F0}");
                }
                else
                {
                    Assert.InRange(amplitude, 0.9 * Level, 1.1 * Level);
                }
            }
        }
    }
}
