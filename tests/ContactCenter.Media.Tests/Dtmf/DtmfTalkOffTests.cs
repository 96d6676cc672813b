using ContactCenter.Media.Codecs;
using ContactCenter.Media.Tests.Tools;
using Xunit;
using Xunit.Abstractions;
using static ContactCenter.Media.Tests.Dtmf.DtmfAudio;

namespace ContactCenter.Media.Tests.Dtmf;

/// <summary>
/// Talk-off: speech and music must never be taken for keys. Real synthetic speech from espeak-ng (French and English,
/// several voices, pitches and speeds) and speech-like and music-like signals from sox, all through G.711, several
/// minutes in total; the assertion is zero false keys.
/// </summary>
public sealed class DtmfTalkOffTests(ITestOutputHelper output) : IDisposable
{
    private const string English =
        "Thank you for calling. All of our agents are busy at the moment. Please stay on the line and your call will be " +
        "answered in the order it was received. If you know the extension of the person you wish to reach, you may dial " +
        "it at any time. For sales, press one. For support, press two. To leave a message, press the hash key. Our offices " +
        "are open from nine in the morning until six in the evening, Monday to Friday, except on public holidays. " +
        "Remember that you can also reach us by email or on our website, where most questions already have an answer.";

    private const string French =
        "Bonjour et bienvenue. Tous nos conseillers sont actuellement en ligne. Merci de patienter, votre appel va être " +
        "traité dans les meilleurs délais. Si vous connaissez le numéro de poste de votre correspondant, composez-le " +
        "maintenant. Pour le service commercial, tapez un. Pour l'assistance technique, tapez deux. Pour laisser un " +
        "message, tapez dièse. Nos bureaux sont ouverts du lundi au vendredi, de neuf heures à dix-huit heures, sauf les " +
        "jours fériés. Vous pouvez aussi nous écrire, la plupart des réponses se trouvent déjà sur notre site.";

    private readonly TempDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("en", 50, 160)]
    [InlineData("en-us+f3", 80, 140)]
    [InlineData("en+m3", 20, 190)]
    [InlineData("fr", 50, 160)]
    [InlineData("fr+f2", 85, 150)]
    [InlineData("fr-be+m1", 30, 180)]
    public void SyntheticSpeech_GivesNoKeys(string voice, int pitch, int wordsPerMinute)
    {
        var speech = Speech(_scratch, voice, voice.StartsWith("fr", StringComparison.Ordinal) ? French : English, pitch, wordsPerMinute);
        output.WriteLine($"{voice}: {speech.Length / Rate} s of speech");

        Assert.True(speech.Length > 20 * Rate, "espeak-ng produced too little speech for the test to mean anything");
        Assert.Equal("", Detect(ThroughG711(speech, AudioCodec.Pcmu)));
        Assert.Equal("", Detect(ThroughG711(speech, AudioCodec.Pcma)));
    }

    [Theory]
    [InlineData(700, 1220)]
    [InlineData(300, 2300)]
    [InlineData(300, 870)]
    [InlineData(400, 2000)]
    [InlineData(500, 900)]
    [InlineData(550, 1770)]
    [InlineData(750, 1300)]
    public void HarmonicVowels_GlidingThroughEveryPitch_GiveNoKeys(int formant1, int formant2)
    {
        // A voiced vowel: a sawtooth (every harmonic of F0) shaped by two formant resonances, its pitch gliding over a
        // male-to-child range so that harmonics cross every DTMF frequency.
        var vowel = Concat(
            Vowel(formant1, formant2, "80-160"),
            Vowel(formant1, formant2, "150-320"),
            Vowel(formant1, formant2, "320-140"));

        Assert.Equal("", Detect(ThroughG711(vowel, AudioCodec.Pcmu)));
    }

    [Fact]
    public void MusicLikeSignals_GiveNoKeys()
    {
        var music = Concat(
            Sox(_scratch, "synth", "3", "square", "261.63", "square", "329.63", "square", "392", "remix", "-", "gain", "-n", "-6"),
            Sox(_scratch, "synth", "3", "sawtooth", "220", "sawtooth", "277.18", "sawtooth", "329.63", "remix", "-", "tremolo", "6", "40", "gain", "-n", "-6"),
            Sox(_scratch, "synth", "3", "pluck", "C4", "pluck", "E4", "pluck", "G4", "remix", "-", "gain", "-n", "-6"),
            Sox(_scratch, "synth", "3", "triangle", "440", "triangle", "554.37", "remix", "-", "gain", "-n", "-6"),
            Sox(_scratch, "synth", "20", "square", "100-1000", "gain", "-n", "-6"),
            Sox(_scratch, "synth", "20", "sawtooth", "60-500", "gain", "-n", "-6"),
            Sox(_scratch, "synth", "10", "sine", "200-3400", "gain", "-n", "-6"));

        Assert.Equal("", Detect(ThroughG711(music, AudioCodec.Pcmu)));
        Assert.Equal("", Detect(ThroughG711(music, AudioCodec.Pcma)));
    }

    private short[] Vowel(int formant1, int formant2, string pitch) =>
        Sox(
            _scratch,
            "synth", "8", "sawtooth", pitch,
            "equalizer", formant1.ToString(System.Globalization.CultureInfo.InvariantCulture), "80h", "+18",
            "equalizer", formant2.ToString(System.Globalization.CultureInfo.InvariantCulture), "120h", "+15",
            "lowpass", "3400",
            "gain", "-n", "-6");
}
