using ContactCenter.Media.Codecs;
using Xunit;

namespace ContactCenter.Media.Tests.Codecs;

public sealed class G711Tests
{
    [Fact]
    public void Silence_EncodesToTheIdleCodes()
    {
        // G.711: the positive zero is 0xFF in µ-law and 0xD5 in A-law (even bits inverted).
        Assert.Equal(0xFF, G711.EncodeMuLaw(0));
        Assert.Equal(0xD5, G711.EncodeALaw(0));
    }

    [Fact]
    public void EveryMuLawCode_SurvivesDecodeThenEncode()
    {
        for (int code = 0; code < 256; code++)
        {
            short linear = G711.DecodeMuLaw((byte)code);
            byte again = G711.EncodeMuLaw(linear);

            // 0x7F is µ-law's negative zero: it decodes to 0, which encodes as the positive zero 0xFF.
            Assert.Equal(code == 0x7F ? 0xFF : code, again);
        }
    }

    [Fact]
    public void EveryALawCode_SurvivesDecodeThenEncode()
    {
        for (int code = 0; code < 256; code++)
        {
            Assert.Equal(code, G711.EncodeALaw(G711.DecodeALaw((byte)code)));
        }
    }

    [Theory]
    [InlineData(G711Law.MuLaw)]
    [InlineData(G711Law.ALaw)]
    public void Companding_IsMonotonicAndWithinTheSegmentStep(G711Law law)
    {
        short previous = short.MinValue;
        for (int s = short.MinValue; s <= short.MaxValue; s += 7)
        {
            short sample = (short)s;
            short decoded = law == G711Law.MuLaw ? G711.DecodeMuLaw(G711.EncodeMuLaw(sample)) : G711.DecodeALaw(G711.EncodeALaw(sample));
            Assert.True(decoded >= previous, $"{law} not monotonic at {s}");

            // The largest quantisation step is 1024 (µ-law) or 1024 (A-law) at full scale: half a step of error at most,
            // plus µ-law's clipping at 32635.
            Assert.InRange(Math.Abs(decoded - Math.Clamp(s, -32635, 32635)), 0, 1024);
            previous = decoded;
        }
    }

    [Theory]
    [InlineData("PCMU")]
    [InlineData("PCMA")]
    public void Codec_EncodesAndDecodesOneFrame(string name)
    {
        var codec = name == "PCMU" ? AudioCodec.Pcmu : AudioCodec.Pcma;
        var pcm = SignalMath.Sine(1000, 8000, 8000, 160);

        var payload = new byte[codec.PayloadBytesPerFrame];
        Assert.Equal(160, codec.CreateEncoder().Encode(pcm, payload));
        var decoded = new short[160];
        Assert.Equal(160, codec.CreateDecoder().Decode(payload, decoded));
        Assert.True(SignalMath.SnrDecibels(pcm, decoded) > 30, "G.711 keeps about 37 dB SNR on a loud tone");
        Assert.Equal(160, codec.TimestampStepPerFrame);
    }
}
