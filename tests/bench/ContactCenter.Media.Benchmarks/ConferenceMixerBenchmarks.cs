using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Clock;
using ContactCenter.Media.Endpoints;

namespace ContactCenter.Media.Benchmarks;

/// <summary>
/// One conference tick as the clock runs it: every participant's received frame written (Receive phase), the mixer's
/// <see cref="ConferenceMixer.OnTick"/> (Mix), every participant's mix-minus read (Send). All participants at 8 kHz
/// (G.711 phones: converted to and from the 16 kHz mix) or all at 16 kHz (G.722). Aim: no allocation.
/// </summary>
[MemoryDiagnoser]
public class ConferenceMixerBenchmarks
{
    private readonly ConferenceMixer _mixer = new();
    private ConferenceParticipant[] _participants = [];
    private short[][] _frames = [];
    private short[] _heard = [];

    [Params(3, 10)]
    public int Participants { get; set; }

    [Params(MediaFrame.NarrowbandRate, MediaFrame.WidebandRate)]
    public int SampleRate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _participants = new ConferenceParticipant[Participants];
        _frames = new short[Participants][];
        for (int i = 0; i < Participants; i++)
        {
            if (!_mixer.TryJoin(out var participant))
            {
                throw new InvalidOperationException("The conference is full.");
            }

            _participants[i] = participant;
            // Everyone talking at once, each at their own pitch: the worst case for the sums.
            _frames[i] = Speech.Vowel(SampleRate, MediaFrame.Samples(SampleRate), 110 + (15 * i));
        }

        _heard = new short[MediaFrame.Samples(SampleRate)];
    }

    [Benchmark]
    public void Tick()
    {
        for (int i = 0; i < _participants.Length; i++)
        {
            _participants[i].Write(_frames[i], SampleRate);
        }

        _mixer.OnTick(0);
        for (int i = 0; i < _participants.Length; i++)
        {
            _participants[i].Read(_heard, SampleRate);
        }
    }
}
