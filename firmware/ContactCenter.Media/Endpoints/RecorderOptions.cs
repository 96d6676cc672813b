namespace ContactCenter.Media.Endpoints;

/// <summary>When a <see cref="Recorder"/> ends by itself.</summary>
public sealed record RecorderOptions
{
    /// <summary>The longest recording; the file stops there. Three minutes by default (a voicemail message).</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How long the speaker may stay silent before the recording ends; null never ends on silence.</summary>
    public TimeSpan? SilenceTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A 20 ms frame whose RMS level is below this (in dB relative to full scale) counts as silence. −40 dBFS sits
    /// well above line noise on a phone call (around −60 dBFS) and below speech (around −20 to −30 dBFS).
    /// </summary>
    public double SilenceThresholdDbfs { get; init; } = -40;

    /// <summary>
    /// When the recording ends on silence, how much of the trailing silence the file keeps (the hangover), so the last
    /// word's decay is not cut; the rest of the silence is trimmed.
    /// </summary>
    public TimeSpan TrailingSilenceKept { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// How many 20 ms frames may wait for the disk (each a preallocated buffer of 640 bytes); past that, frames are
    /// dropped and counted. 128 by default: 2.56 s of slack for a slow SD card.
    /// </summary>
    public int BufferedFrames { get; init; } = 128;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BufferedFrames, 2, nameof(BufferedFrames));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxDuration, TimeSpan.Zero, nameof(MaxDuration));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDuration, TimeSpan.FromHours(12), nameof(MaxDuration));
        if (SilenceTimeout is { } timeout)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(SilenceTimeout));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(TrailingSilenceKept, TimeSpan.Zero, nameof(TrailingSilenceKept));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SilenceThresholdDbfs, 0, nameof(SilenceThresholdDbfs));
    }
}
