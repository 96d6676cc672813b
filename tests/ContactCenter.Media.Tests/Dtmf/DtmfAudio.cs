using System.Globalization;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Tests.Codecs;
using ContactCenter.Media.Tests.Tools;
using Xunit;

namespace ContactCenter.Media.Tests.Dtmf;

/// <summary>Test audio for the DTMF detector: signals made by sox and espeak-ng, G.711 round trips, detection runs.</summary>
internal static class DtmfAudio
{
    public const int Rate = 8000;

    private static readonly Dictionary<char, (double Low, double High)> Pairs = new()
    {
        ['1'] = (697, 1209), ['2'] = (697, 1336), ['3'] = (697, 1477), ['A'] = (697, 1633),
        ['4'] = (770, 1209), ['5'] = (770, 1336), ['6'] = (770, 1477), ['B'] = (770, 1633),
        ['7'] = (852, 1209), ['8'] = (852, 1336), ['9'] = (852, 1477), ['C'] = (852, 1633),
        ['*'] = (941, 1209), ['0'] = (941, 1336), ['#'] = (941, 1477), ['D'] = (941, 1633),
    };

    public static (double Low, double High) Frequencies(char key) => Pairs[key];

    /// <summary>Runs sox with a null input, writing 8 kHz 16-bit raw PCM, and reads the result.</summary>
    public static short[] Sox(TempDirectory scratch, params string[] synthesis)
    {
        // -R: sox's noise (and dither) from its fixed seed, so a noise test hears the same noise on every run.
        string file = scratch.File(Guid.NewGuid().ToString("N") + ".raw");
        ExternalTool.Run("sox", ["-R", "-n", "-r", "8000", "-b", "16", "-e", "signed-integer", "-t", "raw", file, .. synthesis]);
        return ExternalTool.ReadRawPcm(file);
    }

    /// <summary>A key's two tones at equal level, the sum peaking at <paramref name="peakDbfs"/>.</summary>
    public static short[] Key(TempDirectory scratch, char key, int milliseconds, double peakDbfs = -10, double frequencyScale = 1)
    {
        var (low, high) = Pairs[key];
        return Pair(scratch, low * frequencyScale, high * frequencyScale, milliseconds, peakDbfs);
    }

    /// <summary>Two tones, the high one <paramref name="twistDb"/> louder than the low one (negative: reverse twist).</summary>
    public static short[] Pair(TempDirectory scratch, double low, double high, int milliseconds, double peakDbfs, double twistDb = 0) =>
        Sox(
            scratch,
            "synth", Seconds(milliseconds), "sine", Number(low), "sine", Number(high),
            "remix", $"1v{Number(Math.Pow(10, Math.Min(0, -twistDb) / 20))},2v{Number(Math.Pow(10, Math.Min(0, twistDb) / 20))}",
            "gain", "-n", Number(peakDbfs));

    public static short[] Noise(TempDirectory scratch, string kind, int milliseconds) =>
        Sox(scratch, "synth", Seconds(milliseconds), kind, "gain", "-n", "-6");

    /// <summary>Renders <paramref name="text"/> with espeak-ng and resamples it to 8 kHz mono with sox.</summary>
    public static short[] Speech(TempDirectory scratch, string voice, string text, int pitch = 50, int wordsPerMinute = 160)
    {
        string wav = scratch.File(Guid.NewGuid().ToString("N") + ".wav");
        string raw = Path.ChangeExtension(wav, ".raw");
        ExternalTool.Run("espeak-ng", "-v", voice, "-p", pitch.ToString(CultureInfo.InvariantCulture), "-s", wordsPerMinute.ToString(CultureInfo.InvariantCulture), "-w", wav, text);
        ExternalTool.Run("sox", "-R", wav, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw", raw, "gain", "-n", "-3");
        return ExternalTool.ReadRawPcm(raw);
    }

    public static short[] Silence(int milliseconds) => new short[milliseconds * Rate / 1000];

    public static short[] Concat(params short[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary><paramref name="signal"/> plus <paramref name="noise"/> scaled to <paramref name="snrDb"/> below the signal's RMS.</summary>
    public static short[] AddNoise(short[] signal, short[] noise, double snrDb)
    {
        double scale = SignalMath.Rms(signal) / SignalMath.Rms(noise) / Math.Pow(10, snrDb / 20);
        var mixed = new short[signal.Length];
        for (int i = 0; i < mixed.Length; i++)
        {
            mixed[i] = (short)Math.Clamp(Math.Round(signal[i] + (scale * noise[i % noise.Length])), short.MinValue, short.MaxValue);
        }

        return mixed;
    }

    /// <summary>Encodes then decodes frame by frame: what the detector sees on a G.711 call.</summary>
    public static short[] ThroughG711(short[] pcm, AudioCodec codec) => CodecStream.Decode(codec, CodecStream.Encode(codec, pcm));

    /// <summary>Feeds <paramref name="pcm"/> in 20 ms frames; returns the keys reported, in order.</summary>
    public static string Detect(short[] pcm, DtmfToneDetector? detector = null)
    {
        detector ??= new DtmfToneDetector();
        var keys = new List<char>();
        for (int start = 0; start < pcm.Length; start += 160)
        {
            if (detector.TryDetect(pcm.AsSpan(start, Math.Min(160, pcm.Length - start)), out var digit))
            {
                Assert.Equal(DtmfSource.InBand, digit.Source);
                keys.Add(digit.Digit);
            }
        }

        return new string([.. keys]);
    }

    private static string Seconds(int milliseconds) => Number(milliseconds / 1000.0);

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
