using ContactCenter.Media.Tests.Tools;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>
/// Speech-like 16 kHz test signals for the wideband codec: real synthetic speech from espeak-ng in French and English
/// (resampled by sox), sox-made sweeps and syllable-rate modulated noise, and a multi-tone made here.
/// </summary>
internal static class TestSignals
{
    public const string French = "Bonjour, vous êtes bien au standard de la société. Pour le service commercial, tapez un; pour l'assistance, tapez deux.";
    public const string English = "Hello, you have reached the front desk. For sales, press one; for support, press two, or stay on the line.";

    /// <summary>espeak-ng's voice saying <paramref name="text"/>, as 16 kHz 16-bit PCM.</summary>
    public static short[] Speech(TempDirectory scratch, string voice, string text)
    {
        string wav = scratch.File(voice + "-speech.wav");
        string raw = scratch.File(voice + "-speech.raw");
        ExternalTool.Run("espeak-ng", "-v", voice, "-w", wav, text);
        ExternalTool.Run("sox", "-R", "-D", wav, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed", "-t", "raw", raw);
        return ExternalTool.ReadRawPcm(raw);
    }

    /// <summary>A 3 s signal from sox's <c>synth</c> effect (and any effects after it), as 16 kHz 16-bit PCM.</summary>
    public static short[] Sox(TempDirectory scratch, string name, params string[] effects)
    {
        string raw = scratch.File(name + ".raw");
        ExternalTool.Run("sox", ["-R", "-n", "-r", "16000", "-c", "1", "-b", "16", "-e", "signed", "-t", "raw", raw, .. effects]);
        return ExternalTool.ReadRawPcm(raw);
    }

    /// <summary>Five tones across the wideband spectrum, both sub-bands included, 3 s long.</summary>
    public static short[] MultiTone()
    {
        double[] frequencies = [310, 1090, 2470, 4630, 6210];
        var samples = new short[48000];
        for (int i = 0; i < samples.Length; i++)
        {
            double sum = 0;
            foreach (double f in frequencies)
            {
                sum += Math.Sin((2 * Math.PI * f * i / 16000) + f);
            }

            samples[i] = (short)Math.Round(4000 * sum);
        }

        return samples;
    }

    /// <summary>The named signals the cross-checks run on.</summary>
    public static short[] Named(TempDirectory scratch, string name) => name switch
    {
        "speech-fr" => Speech(scratch, "fr", French),
        "speech-en" => Speech(scratch, "en", English),
        "chirp" => Sox(scratch, name, "synth", "3", "sine", "100:7500", "gain", "-6"),
        "modulated-noise" => Sox(scratch, name, "synth", "3", "pinknoise", "synth", "3", "sine", "amod", "3", "gain", "-6"),
        "multi-tone" => MultiTone(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown test signal"),
    };
}
