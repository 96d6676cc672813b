using ContactCenter.Media.Clock;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// The hold music played when no file is configured (or the configured one cannot be played): a slow, quiet arpeggio
/// of soft sine notes in C major pentatonic, 6.4 s long, generated once. A stand-in until music files ship with the
/// prompts; it only has to tell the caller that the line is still open.
/// </summary>
internal static class DefaultHoldMusic
{
    private const int NoteMilliseconds = 400;
    private const double Amplitude = 4000;

    // C4 E4 G4 A4 C5 A4 G4 E4, D4 G4 A4 C5 D5 C5 A4 G4 (Hz, equal temperament).
    private static readonly double[] Notes =
    [
        261.63, 329.63, 392.00, 440.00, 523.25, 440.00, 392.00, 329.63,
        293.66, 392.00, 440.00, 523.25, 587.33, 523.25, 440.00, 392.00,
    ];

    private static readonly Lazy<AudioClip> Music = new(Generate);

    /// <summary>The generated clip (8 kHz), shared.</summary>
    public static AudioClip Clip => Music.Value;

    private static AudioClip Generate()
    {
        int rate = MediaFrame.NarrowbandRate;
        int noteSamples = rate * NoteMilliseconds / 1000;
        var samples = new short[Notes.Length * noteSamples];
        for (int n = 0; n < Notes.Length; n++)
        {
            for (int i = 0; i < noteSamples; i++)
            {
                // A raised-cosine envelope over the note: no click at its edges, a gentle swell in between.
                double envelope = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / noteSamples));
                double t = (double)i / rate;
                double tone = Math.Sin(2 * Math.PI * Notes[n] * t) + (0.25 * Math.Sin(4 * Math.PI * Notes[n] * t));
                samples[(n * noteSamples) + i] = (short)Math.Round(Amplitude * envelope * tone / 1.25);
            }
        }

        return new AudioClip("default hold music", samples, rate);
    }
}
