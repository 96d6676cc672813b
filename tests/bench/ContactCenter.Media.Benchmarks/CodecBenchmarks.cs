using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Benchmarks;

/// <summary>
/// One 20 ms frame through each codec and through the 8/16 kHz resampler: the work the media clock does per stream
/// per tick. Aim: no allocation, and a frame in a small fraction of the 20 ms tick even on the appliance's ARM core.
/// </summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private readonly short[] _narrowband = Speechlike(8000, 160);
    private readonly short[] _wideband = Speechlike(16000, 320);
    private readonly short[] _narrowbandOut = new short[160];
    private readonly short[] _widebandOut = new short[320];
    private readonly byte[] _pcmuPayload = new byte[160];
    private readonly byte[] _pcmaPayload = new byte[160];
    private readonly byte[] _g722Payload = new byte[160];
    private readonly IAudioEncoder _pcmuEncoder = AudioCodec.Pcmu.CreateEncoder();
    private readonly IAudioDecoder _pcmuDecoder = AudioCodec.Pcmu.CreateDecoder();
    private readonly IAudioEncoder _pcmaEncoder = AudioCodec.Pcma.CreateEncoder();
    private readonly IAudioDecoder _pcmaDecoder = AudioCodec.Pcma.CreateDecoder();
    private readonly IAudioEncoder _g722Encoder = AudioCodec.G722.CreateEncoder();
    private readonly IAudioDecoder _g722Decoder = AudioCodec.G722.CreateDecoder();
    private readonly Resampler _up = new(8000, 16000);
    private readonly Resampler _down = new(16000, 8000);

    [GlobalSetup]
    public void Setup()
    {
        // Decoders read real payloads, not zeros, so their adaptive state moves as it would in a call.
        _pcmuEncoder.Encode(_narrowband, _pcmuPayload);
        _pcmaEncoder.Encode(_narrowband, _pcmaPayload);
        _g722Encoder.Encode(_wideband, _g722Payload);
    }

    [Benchmark]
    public int PcmuEncode() => _pcmuEncoder.Encode(_narrowband, _pcmuPayload);

    [Benchmark]
    public int PcmuDecode() => _pcmuDecoder.Decode(_pcmuPayload, _narrowbandOut);

    [Benchmark]
    public int PcmaEncode() => _pcmaEncoder.Encode(_narrowband, _pcmaPayload);

    [Benchmark]
    public int PcmaDecode() => _pcmaDecoder.Decode(_pcmaPayload, _narrowbandOut);

    [Benchmark]
    public int G722Encode() => _g722Encoder.Encode(_wideband, _g722Payload);

    [Benchmark]
    public int G722Decode() => _g722Decoder.Decode(_g722Payload, _widebandOut);

    [Benchmark]
    public void Resample8kTo16k() => _up.Process(_narrowband, _widebandOut);

    [Benchmark]
    public void Resample16kTo8k() => _down.Process(_wideband, _narrowbandOut);

    // A vowel-like frame: a 140 Hz fundamental with falling harmonics up to the band edge.
    private static short[] Speechlike(int rate, int count)
    {
        var samples = new short[count];
        for (int i = 0; i < count; i++)
        {
            double sum = 0;
            for (int harmonic = 1; 140 * harmonic < rate / 2; harmonic++)
            {
                sum += Math.Sin(2 * Math.PI * 140 * harmonic * i / rate) / harmonic;
            }

            samples[i] = (short)(6000 * sum);
        }

        return samples;
    }
}
