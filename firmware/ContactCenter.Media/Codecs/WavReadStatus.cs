namespace ContactCenter.Media.Codecs;

/// <summary>
/// The outcome of reading or validating a WAVE file with <see cref="WavReader"/>. Everything but <see cref="Ok"/> names
/// one reason the file cannot be played; <see cref="WavInfo"/> holds what was read before the problem (for a message
/// such as "stereo" or "44100 Hz").
/// </summary>
public enum WavReadStatus
{
    /// <summary>A playable file: mono, 8 or 16 kHz, 16/8-bit PCM, µ-law or A-law.</summary>
    Ok,

    /// <summary>The file does not start with a RIFF header of form type <c>WAVE</c>.</summary>
    NotWave,

    /// <summary>No <c>fmt </c> chunk before the end of the file.</summary>
    NoFormatChunk,

    /// <summary>No <c>data</c> chunk.</summary>
    NoDataChunk,

    /// <summary>A chunk declares more bytes than the file holds (a cut upload, a huge declared size).</summary>
    Truncated,

    /// <summary>The <c>fmt </c> chunk is too short or contradicts itself (block alignment, extensible size).</summary>
    CorruptFormat,

    /// <summary>A format other than PCM, µ-law or A-law (IEEE float, ADPCM, GSM, MP3 …): see <see cref="WavInfo.FormatTag"/>.</summary>
    UnsupportedEncoding,

    /// <summary>More than one channel: see <see cref="WavInfo.Channels"/>.</summary>
    UnsupportedChannels,

    /// <summary>A rate other than 8000 or 16000 Hz: see <see cref="WavInfo.SampleRate"/>.</summary>
    UnsupportedSampleRate,

    /// <summary>PCM that is not 8 or 16 bits, or G.711 that is not 8 bits: see <see cref="WavInfo.BitsPerSample"/>.</summary>
    UnsupportedBitsPerSample,

    /// <summary>The data chunk holds no sample.</summary>
    NoAudio,

    /// <summary>Longer than the caller's limit (or, for a file, bigger than that limit allows).</summary>
    TooLong,

    /// <summary>The path names no file.</summary>
    FileNotFound,
}
