using System.Globalization;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Prompts;

public sealed partial class PromptCatalogue
{
    private const int CopyBufferBytes = 64 * 1024;

    /// <summary>
    /// Replaces the recording of <paramref name="key"/> in <paramref name="language"/> with an administrator's WAVE file.
    /// The upload is read whole and checked (<see cref="WavReader.Validate(ReadOnlySpan{byte}, TimeSpan, out WavInfo)"/>:
    /// mono, 8 or 16 kHz, PCM, µ-law or A-law, at most <see cref="PromptCatalogueOptions.MaxRecordingDuration"/>) before
    /// anything is written; then it is written to a temporary file beside the final one, flushed to the disk and renamed
    /// over the previous recording, so a crash or a concurrent player never sees half a file.
    /// </summary>
    /// <param name="key">A known prompt key.</param>
    /// <param name="language">The language of the recording.</param>
    /// <param name="wav">The uploaded file; read to its end, not disposed.</param>
    /// <param name="cancellationToken">Stops the upload; nothing changes.</param>
    /// <returns>Done, or why not (unknown key, not a playable WAVE file) with nothing changed.</returns>
    public async Task<PromptChangeResult> ReplaceAsync(string key, PromptLanguage language, Stream wav,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wav);
        if (!DefaultPromptTexts.IsKnown(key))
        {
            return PromptChangeResult.UnknownKey(key);
        }

        byte[]? file = await ReadBoundedAsync(wav, WavReader.MaxFileBytes(_options.MaxRecordingDuration), cancellationToken).ConfigureAwait(false);
        WavInfo info = default;
        var status = file is null ? WavReadStatus.TooLong : WavReader.Validate(file, _options.MaxRecordingDuration, out info);
        if (file is null || status != WavReadStatus.Ok)
        {
            string reason = DescribeRefusal(status, info, _options.MaxRecordingDuration);
            PromptLog.ReplaceRefused(_logger, key, language, reason);
            return new PromptChangeResult(PromptChangeStatus.InvalidRecording, reason);
        }

        string folder = CustomFolder(language);
        Directory.CreateDirectory(folder);
        // A dot-name the catalogue never looks up; unique so that two uploads of one key do not share it.
        string temporary = Path.Combine(folder, $".{key}.{Guid.NewGuid():N}.upload");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(file, cancellationToken).ConfigureAwait(false);
                // fsync before the rename: after a power cut the name points at the whole new file or at the old one.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, CustomPath(key, language), overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        PromptLog.Replaced(_logger, key, language, info.Duration);
        return PromptChangeResult.Done;
    }

    // Null when the upload is longer than the limit: a too-big upload is never held whole in memory.
    private static async Task<byte[]?> ReadBoundedAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[CopyBufferBytes];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string DescribeRefusal(WavReadStatus status, WavInfo info, TimeSpan maxDuration) => status switch
    {
        WavReadStatus.NotWave => "not a WAVE file (.wav)",
        WavReadStatus.UnsupportedEncoding => string.Create(CultureInfo.InvariantCulture,
            $"WAVE format {info.FormatTag} is not supported: save as 16-bit PCM (or G.711 µ-law / A-law)"),
        WavReadStatus.UnsupportedChannels => string.Create(CultureInfo.InvariantCulture,
            $"{info.Channels} channels: save the recording in mono"),
        WavReadStatus.UnsupportedSampleRate => string.Create(CultureInfo.InvariantCulture,
            $"{info.SampleRate} Hz: save the recording at 8000 or 16000 Hz"),
        WavReadStatus.UnsupportedBitsPerSample => string.Create(CultureInfo.InvariantCulture,
            $"{info.BitsPerSample}-bit samples: save as 16-bit PCM"),
        WavReadStatus.NoAudio => "the recording holds no audio",
        WavReadStatus.TooLong => maxDuration < TimeSpan.FromMinutes(1)
            ? string.Create(CultureInfo.InvariantCulture, $"longer than the {maxDuration.TotalSeconds:0.#} seconds allowed")
            : string.Create(CultureInfo.InvariantCulture, $"longer than the {maxDuration.TotalMinutes:0.#} minutes allowed"),
        _ => $"the WAVE file is damaged or cut short ({status})",
    };
}
