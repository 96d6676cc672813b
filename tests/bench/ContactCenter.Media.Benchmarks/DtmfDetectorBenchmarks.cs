using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Clock;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Endpoints;

namespace ContactCenter.Media.Benchmarks;

/// <summary>
/// The in-band DTMF detector on one 20 ms G.711 frame, as each endpoint without telephone-event runs it per tick: on
/// speech (the usual case) and on a key's tones. Aim: no allocation.
/// </summary>
[MemoryDiagnoser]
public class DtmfDetectorBenchmarks
{
    private readonly DtmfToneDetector _detector = new();
    private readonly short[] _speech = Speech.Vowel(MediaFrame.NarrowbandRate, MediaFrame.Samples(MediaFrame.NarrowbandRate));
    private readonly short[] _key = new short[MediaFrame.Samples(MediaFrame.NarrowbandRate)];

    [GlobalSetup]
    public void Setup()
    {
        var keys = new DtmfToneSource();
        keys.Enqueue('5', 1000);
        keys.Read(_key, MediaFrame.NarrowbandRate);
    }

    [Benchmark]
    public bool DetectOnSpeech() => _detector.TryDetect(_speech, out _);

    [Benchmark]
    public bool DetectOnKey() => _detector.TryDetect(_key, out _);
}
