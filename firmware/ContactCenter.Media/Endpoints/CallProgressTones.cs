namespace ContactCenter.Media.Endpoints;

/// <summary>
/// The call-progress tones of each <see cref="ToneProfile"/>. Frequencies and cadences are the national values as
/// listed in ITU-T E.180 Supplement 2 ("Various tones used in national networks"); the sources per profile are below.
/// Every frequency is played at <see cref="LevelDbm0"/>.
/// </summary>
public static class CallProgressTones
{
    /// <summary>
    /// The level of each frequency: −13 dBm0, the precise tone plan's dial-tone level. Two tones at this level peak near
    /// −4 dBFS once added, clear of G.711 clipping, and well above any detector's floor.
    /// </summary>
    public const double LevelDbm0 = -13;

    // France (E.180 Suppl. 2, France; the French operator's interface specification uses the same values): everything
    // on 440 Hz. Ringing 1.5 s on 3.5 s off; busy 0.5 s on 0.5 s off; congestion twice as fast (0.25/0.25); call waiting
    // one 0.3 s burst every ~10 s.
    private static readonly ToneDefinition[] France =
    [
        new([440], LevelDbm0, []),
        new([440], LevelDbm0, [1500, 3500]),
        new([440], LevelDbm0, [500, 500]),
        new([440], LevelDbm0, [250, 250]),
        new([440], LevelDbm0, [300, 10_000]),
    ];

    // Europe (ETSI ES 201 970 / ETR 187, the CEPT harmonised plan; E.180 Suppl. 2 lists the same for Germany): 425 Hz.
    // Ringing 1 s on 4 s off; busy 0.5/0.5; congestion 0.2/0.2; call waiting two 0.2 s bursts 0.2 s apart, then 5 s off.
    private static readonly ToneDefinition[] Europe =
    [
        new([425], LevelDbm0, []),
        new([425], LevelDbm0, [1000, 4000]),
        new([425], LevelDbm0, [500, 500]),
        new([425], LevelDbm0, [200, 200]),
        new([425], LevelDbm0, [200, 200, 200, 5000]),
    ];

    // United States (Telcordia GR-506-CORE / ANSI T1.401 precise tone plan): dial 350+440 Hz continuous; audible ringing
    // 440+480 Hz 2 s on 4 s off; busy 480+620 Hz 0.5/0.5; reorder 480+620 Hz 0.25/0.25; call waiting 440 Hz 0.3 s, repeated
    // every 10 s.
    private static readonly ToneDefinition[] UnitedStates =
    [
        new([350, 440], LevelDbm0, []),
        new([440, 480], LevelDbm0, [2000, 4000]),
        new([480, 620], LevelDbm0, [500, 500]),
        new([480, 620], LevelDbm0, [250, 250]),
        new([440], LevelDbm0, [300, 9700]),
    ];

    /// <summary>The definition of <paramref name="tone"/> in <paramref name="profile"/>.</summary>
    /// <param name="profile">The national profile.</param>
    /// <param name="tone">The tone.</param>
    /// <returns>A shared, immutable definition.</returns>
    public static ToneDefinition Get(ToneProfile profile, CallProgressTone tone)
    {
        var table = profile switch
        {
            ToneProfile.France => France,
            ToneProfile.Europe => Europe,
            ToneProfile.UnitedStates => UnitedStates,
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown tone profile."),
        };
        if ((uint)tone >= (uint)table.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(tone), tone, "Unknown call-progress tone.");
        }

        return table[(int)tone];
    }
}
