using ContactCenter.Media.Codecs;
using ContactCenter.Media.Tests.Tools;
using Xunit;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>
/// G.722 against ffmpeg's independent implementation (Debian's ffmpeg 5.1, encoder without trellis search), in both
/// directions, on espeak-ng speech in French and English, a sox sweep, sox pink noise modulated at syllable rate, and
/// a five-tone signal spanning both sub-bands.
/// </summary>
/// <remarks>
/// Measured SNR (after the 22-sample QMF delay, first 100 ms left out), the same on every path because both
/// implementations agree bit for bit: French speech 28.2 dB, English speech 25.5 dB, sweep 100-7500 Hz 27.9 dB,
/// modulated noise 19.3 dB, multi-tone 18.0 dB (its 4.6 and 6.2 kHz tones sit in the 2-bit higher band). The floors
/// below are those less about 3 dB.
/// </remarks>
public sealed class G722FfmpegTests : IDisposable
{
    private readonly TempDirectory _scratch = new();

    public static TheoryData<string, double> SignalFloors => new()
    {
        { "speech-fr", 25 },
        { "speech-en", 22 },
        { "chirp", 25 },
        { "modulated-noise", 16 },
        { "multi-tone", 15 },
    };

    public static TheoryData<string> Signals => ["speech-fr", "speech-en", "chirp", "modulated-noise", "multi-tone"];

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [MemberData(nameof(SignalFloors))]
    public void OurEncoding_DecodedByFfmpeg_KeepsTheSignal(string signal, double floorDecibels)
    {
        short[] input = TestSignals.Named(_scratch, signal);
        short[] decoded = FfmpegCodec.DecodeG722(_scratch, CodecStream.Encode(AudioCodec.G722, input));
        AssertFaithful(input, decoded, floorDecibels);
    }

    [Theory]
    [MemberData(nameof(SignalFloors))]
    public void FfmpegEncoding_DecodedByUs_KeepsTheSignal(string signal, double floorDecibels)
    {
        short[] input = TestSignals.Named(_scratch, signal);
        short[] decoded = CodecStream.Decode(AudioCodec.G722, FfmpegCodec.EncodeG722(_scratch, input));
        AssertFaithful(input, decoded, floorDecibels);
    }

    [Theory]
    [MemberData(nameof(SignalFloors))]
    public void OurRoundTrip_KeepsTheSignal(string signal, double floorDecibels)
    {
        short[] input = TestSignals.Named(_scratch, signal);
        AssertFaithful(input, CodecStream.Decode(AudioCodec.G722, CodecStream.Encode(AudioCodec.G722, input)), floorDecibels);
    }

    // Both follow the recommendation's fixed-point arithmetic, so the same codes must give the same samples.
    [Theory]
    [MemberData(nameof(Signals))]
    public void FfmpegEncoding_DecodesBitExactlyAsFfmpegsDecoder(string signal)
    {
        byte[] payload = FfmpegCodec.EncodeG722(_scratch, TestSignals.Named(_scratch, signal));
        Assert.Equal(FfmpegCodec.DecodeG722(_scratch, payload), CodecStream.Decode(AudioCodec.G722, payload));
    }

    // ffmpeg's encoder without trellis search is the recommendation's encoder too: the codes must match octet for octet.
    [Theory]
    [MemberData(nameof(Signals))]
    public void OurEncoder_ProducesFfmpegsCodes(string signal)
    {
        short[] input = TestSignals.Named(_scratch, signal);
        Assert.Equal(FfmpegCodec.EncodeG722(_scratch, input), CodecStream.Encode(AudioCodec.G722, input));
    }

    // Random octets reach what encoders never send (6-bit codes 0-3), big jumps and the saturating paths.
    [Fact]
    public void RandomOctets_DecodeBitExactlyAsFfmpegsDecoder()
    {
        var payload = new byte[16000];
        new Random(722).NextBytes(payload);
        Assert.Equal(FfmpegCodec.DecodeG722(_scratch, payload), CodecStream.Decode(AudioCodec.G722, payload));
    }

    // Full-scale square waves and sample-to-sample swings from one rail to the other drive the sub-band signals past
    // 15 bits and the predictors into their limits.
    [Fact]
    public void FullScaleInput_EncodesAndDecodesAsFfmpegDoes()
    {
        var input = new short[32000];
        var random = new Random(9);
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (i / 4000) switch
            {
                0 => (i / 20 % 2 == 0) ? short.MaxValue : short.MinValue,
                1 => (i % 2 == 0) ? short.MaxValue : short.MinValue,
                2 => (short)random.Next(short.MinValue, short.MaxValue + 1),
                _ => (short)Math.Clamp(60000 * Math.Sin(2 * Math.PI * 700 * i / 16000.0), short.MinValue, short.MaxValue),
            };
        }

        byte[] payload = CodecStream.Encode(AudioCodec.G722, input);
        Assert.Equal(FfmpegCodec.EncodeG722(_scratch, input), payload);
        Assert.Equal(FfmpegCodec.DecodeG722(_scratch, payload), CodecStream.Decode(AudioCodec.G722, payload));
    }

    private static void AssertFaithful(short[] input, short[] decoded, double floorDecibels)
    {
        Assert.Equal(input.Length, decoded.Length);
        double snr = G722Measurement.AlignedSnr(input, decoded, out int lag);
        Assert.Equal(G722Measurement.QmfDelay, lag);
        Assert.True(snr >= floorDecibels, $"SNR {snr:F1} dB below the {floorDecibels} dB floor");
    }
}
