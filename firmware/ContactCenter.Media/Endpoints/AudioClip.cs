using ContactCenter.Media.Clock;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Decoded mono audio held in memory, read-only: a prompt or a piece of music, decoded once and shared by any number of
/// <see cref="PromptPlayer"/>s and music-on-hold instances at once. Loaded off the media clock (see
/// <see cref="AudioClipCache"/>), played on it.
/// </summary>
public sealed class AudioClip
{
    private readonly short[] _samples;

    /// <summary>Wraps decoded samples; the clip takes ownership, and nothing may change the array afterwards.</summary>
    /// <param name="name">What the clip is, for logs (a file path, "default hold music").</param>
    /// <param name="samples">Mono 16-bit samples.</param>
    /// <param name="sampleRate">Their rate (8000 or 16000).</param>
    public AudioClip(string name, short[] samples, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(samples);
        if (!MediaFrame.IsSupportedRate(sampleRate))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The engine works at 8000 or 16000 Hz.");
        }

        Name = name;
        _samples = samples;
        SampleRate = sampleRate;
    }

    /// <summary>What the clip is, for logs.</summary>
    public string Name { get; }

    /// <summary>The samples.</summary>
    public ReadOnlySpan<short> Samples => _samples;

    /// <summary>The number of samples.</summary>
    public int Length => _samples.Length;

    /// <summary>The rate of <see cref="Samples"/>.</summary>
    public int SampleRate { get; }

    /// <summary>The length in time.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)_samples.Length / SampleRate);

    /// <summary>Decodes a WAVE file already in memory (an upload, a resource).</summary>
    /// <param name="name">What the clip is, for logs.</param>
    /// <param name="file">The whole WAVE file.</param>
    /// <param name="maxDuration">The longest audio accepted.</param>
    /// <param name="clip">The clip on success.</param>
    /// <returns><see cref="WavReadStatus.Ok"/> or why the file cannot be played.</returns>
    public static WavReadStatus TryDecode(string name, ReadOnlySpan<byte> file, TimeSpan maxDuration, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AudioClip? clip)
    {
        var status = WavReader.TryDecode(file, maxDuration, out short[] samples, out var info);
        clip = status == WavReadStatus.Ok ? new AudioClip(name, samples, info.SampleRate) : null;
        return status;
    }
}
