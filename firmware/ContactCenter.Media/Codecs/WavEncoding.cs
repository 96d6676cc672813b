namespace ContactCenter.Media.Codecs;

/// <summary>The sample encodings <see cref="WavReader"/> accepts in a WAVE file's <c>fmt </c> chunk.</summary>
public enum WavEncoding
{
    /// <summary>Anything else (the format tag is in <see cref="WavInfo.FormatTag"/>).</summary>
    Unsupported,

    /// <summary>Linear PCM, 16-bit signed little-endian (WAVE_FORMAT_PCM, 16 bits).</summary>
    Pcm16,

    /// <summary>Linear PCM, 8-bit unsigned with 128 as zero (WAVE_FORMAT_PCM, 8 bits).</summary>
    Pcm8,

    /// <summary>G.711 µ-law (WAVE_FORMAT_MULAW, tag 7).</summary>
    MuLaw,

    /// <summary>G.711 A-law (WAVE_FORMAT_ALAW, tag 6).</summary>
    ALaw,
}
