using ContactCenter.Media.Codecs;
using Xunit;

namespace ContactCenter.Media.Tests.Codecs;

public sealed class G722Tests
{
    [Fact]
    public void Codec_IsPayloadType9_WithTheRtpClockOfRfc3551()
    {
        var codec = AudioCodec.G722;
        Assert.Equal("G722", codec.EncodingName);
        Assert.Equal(9, codec.PayloadType);

        // RFC 3551 §4.5.2: 16 kHz audio, but the RTP clock (and the rtpmap) says 8000, one tick per octet.
        Assert.Equal(8000, codec.ClockRate);
        Assert.Equal("G722/8000", codec.ToString());
        Assert.Equal(16000, codec.SampleRate);
        Assert.Equal(160, codec.PayloadBytesPerFrame);
        Assert.Equal(160, codec.TimestampStepPerFrame);
    }

    [Fact]
    public void Frame_Of320Samples_MakesAPayloadOf160Octets_AndBack()
    {
        var codec = AudioCodec.G722;
        var payload = new byte[codec.PayloadBytesPerFrame];
        Assert.Equal(160, codec.CreateEncoder().Encode(SignalMath.Sine(1000, 8000, 16000, 320), payload));
        var pcm = new short[320];
        Assert.Equal(320, codec.CreateDecoder().Decode(payload, pcm));
    }

    [Fact]
    public void Decoder_WritesOnlyWhatFits_AndReadsOtherPacketisations()
    {
        var decoder = AudioCodec.G722.CreateDecoder();
        Assert.Equal(100, decoder.Decode(new byte[160], new short[101]));
        Assert.Equal(480, decoder.Decode(new byte[240], new short[480]));
    }

    [Fact]
    public void QmfAlone_ReconstructsTheInput_22SamplesLate()
    {
        var analysis = new G722QmfAnalysis();
        var synthesis = new G722QmfSynthesis();
        short[] input = TestSignals.MultiTone();
        var output = new short[input.Length];
        for (int i = 0; i < input.Length; i += 2)
        {
            (int lower, int higher) = analysis.Split(input[i], input[i + 1]);
            (output[i], output[i + 1]) = synthesis.Merge(lower, higher);
        }

        // Measured 41.6 dB: the QMF pair is near-perfect, not perfect (its ripple and aliasing are the 24-tap design's).
        int lag = SignalMath.BestLag(input.AsSpan(100, 40000), output.AsSpan(100, 40064), 64);
        Assert.Equal(G722Qmf.Delay, lag);
        Assert.True(SignalMath.SnrDecibels(input.AsSpan(100, 40000), output.AsSpan(100 + lag, 40000)) > 38);
    }

    [Fact]
    public void Silence_DecodesToNearSilence()
    {
        byte[] payload = CodecStream.Encode(AudioCodec.G722, new short[3200]);
        short[] decoded = CodecStream.Decode(AudioCodec.G722, payload);
        Assert.InRange(SignalMath.Rms(decoded.AsSpan(320)), 0, 4);
    }

    [Fact]
    public void State_CarriesAcrossFrames_SoFramingDoesNotChangeTheCodes()
    {
        short[] input = TestSignals.MultiTone().AsSpan(0, 6400).ToArray();
        var whole = new byte[3200];
        AudioCodec.G722.CreateEncoder().Encode(input, whole);
        Assert.Equal(whole, CodecStream.Encode(AudioCodec.G722, input));

        var decodedWhole = new short[6400];
        AudioCodec.G722.CreateDecoder().Decode(whole, decodedWhole);
        Assert.Equal(decodedWhole, CodecStream.Decode(AudioCodec.G722, whole));
    }

    [Fact]
    public void Streams_KeepSeparateState()
    {
        short[] a = TestSignals.MultiTone().AsSpan(0, 3200).ToArray();
        short[] b = SignalMath.Sine(440, 12000, 16000, 3200);
        var encoderA = AudioCodec.G722.CreateEncoder();
        var encoderB = AudioCodec.G722.CreateEncoder();
        var payloadA = new byte[1600];
        var payloadB = new byte[1600];
        for (int f = 0; f < 10; f++)
        {
            encoderA.Encode(a.AsSpan(f * 320, 320), payloadA.AsSpan(f * 160, 160));
            encoderB.Encode(b.AsSpan(f * 320, 320), payloadB.AsSpan(f * 160, 160));
        }

        Assert.Equal(CodecStream.Encode(AudioCodec.G722, a), payloadA);
        Assert.Equal(CodecStream.Encode(AudioCodec.G722, b), payloadB);
    }

    [Fact]
    public void EncodeAndDecode_DoNotAllocate()
    {
        var encoder = AudioCodec.G722.CreateEncoder();
        var decoder = AudioCodec.G722.CreateDecoder();
        short[] pcm = SignalMath.Sine(1000, 8000, 16000, 320);
        var payload = new byte[160];
        var decoded = new short[320];

        Assert.Equal(0, QuietestWindow(() => encoder.Encode(pcm, payload)));
        Assert.Equal(0, QuietestWindow(() => decoder.Decode(payload, decoded)));
    }

    // A per-frame allocation shows in every window; a one-off of the runtime (tiering up a hot loop) in one at most.
    private static long QuietestWindow(Action frame)
    {
        for (int i = 0; i < 200; i++)
        {
            frame();
        }

        long quietest = long.MaxValue;
        for (int window = 0; window < 5; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                frame();
            }

            quietest = Math.Min(quietest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return quietest;
    }
}
