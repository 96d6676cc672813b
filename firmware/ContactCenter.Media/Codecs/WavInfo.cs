namespace ContactCenter.Media.Codecs;

/// <summary>
/// What <see cref="WavReader"/> found in a WAVE file. After a failure the fields read so far are set and the others are
/// zero, so a caller can say why a file was refused ("stereo", "44100 Hz", "24-bit").
/// </summary>
/// <param name="FormatTag">The <c>fmt </c> chunk's format tag (for WAVE_FORMAT_EXTENSIBLE, the sub-format's tag).</param>
/// <param name="Encoding">The sample encoding, when supported.</param>
/// <param name="Channels">The channel count.</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="BitsPerSample">Bits per sample (8 for G.711).</param>
/// <param name="SampleCount">Samples in the data chunk (per channel).</param>
public readonly record struct WavInfo(
    int FormatTag,
    WavEncoding Encoding,
    int Channels,
    int SampleRate,
    int BitsPerSample,
    long SampleCount)
{
    /// <summary>The length of the audio; zero when the rate is unknown.</summary>
    public TimeSpan Duration => SampleRate > 0 ? TimeSpan.FromSeconds((double)SampleCount / SampleRate) : TimeSpan.Zero;
}
