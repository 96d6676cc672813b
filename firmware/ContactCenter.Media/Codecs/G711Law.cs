namespace ContactCenter.Media.Codecs;

/// <summary>The two companding laws of ITU-T G.711.</summary>
public enum G711Law
{
    /// <summary>µ-law (North America, Japan): PCMU.</summary>
    MuLaw,

    /// <summary>A-law (Europe, the rest of the world): PCMA.</summary>
    ALaw,
}
