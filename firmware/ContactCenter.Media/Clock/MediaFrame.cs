namespace ContactCenter.Media.Clock;

/// <summary>
/// The engine's unit of audio: 20 ms of mono 16-bit linear PCM, at 8 kHz (160 samples) or 16 kHz (320 samples). Every
/// generated stream, decoder, mixer and detector works on whole frames, one per media clock tick.
/// </summary>
public static class MediaFrame
{
    /// <summary>The frame (and tick) length in milliseconds; the default packetisation time of RFC 3551 §4.5.</summary>
    public const int DurationMilliseconds = 20;

    /// <summary>Frames per second.</summary>
    public const int PerSecond = 1000 / DurationMilliseconds;

    /// <summary>Narrowband: G.711 and the prompts.</summary>
    public const int NarrowbandRate = 8000;

    /// <summary>Wideband: G.722.</summary>
    public const int WidebandRate = 16000;

    /// <summary>The largest frame, in samples (a wideband frame).</summary>
    public const int MaxSamples = WidebandRate / PerSecond;

    /// <summary>The number of samples in one frame at <paramref name="sampleRate"/>.</summary>
    /// <param name="sampleRate"><see cref="NarrowbandRate"/> or <see cref="WidebandRate"/>.</param>
    /// <returns>160 or 320.</returns>
    public static int Samples(int sampleRate) => sampleRate / PerSecond;

    /// <summary>Whether <paramref name="sampleRate"/> is one the engine works at.</summary>
    /// <param name="sampleRate">A rate in Hz.</param>
    /// <returns>True for 8000 and 16000.</returns>
    public static bool IsSupportedRate(int sampleRate) => sampleRate is NarrowbandRate or WidebandRate;
}
