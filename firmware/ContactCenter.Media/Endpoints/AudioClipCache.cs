using System.Collections.Concurrent;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Loads WAVE files into <see cref="AudioClip"/>s so that each file is read and decoded once however many calls play
/// it. Reading and decoding run on the thread pool, never on the media clock: await the load, then queue the clip.
/// Thread-safe; loads of the same file at the same time share one read.
/// </summary>
/// <remarks>
/// Entries are keyed by full path and remembered with the file's size and modification time, so a file replaced by an
/// admin upload is decoded again on its next use. Entries stay until <see cref="Evict"/>: the cache is meant for a
/// bounded set of prompt and music files, not for recordings.
/// </remarks>
public sealed class AudioClipCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _maxDuration;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="maxDuration">The longest file it accepts (longer ones load as <see cref="WavReadStatus.TooLong"/>).</param>
    public AudioClipCache(TimeSpan maxDuration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxDuration, TimeSpan.Zero);
        _maxDuration = maxDuration;
    }

    /// <summary>The number of files remembered (decoded or refused).</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Returns the clip of <paramref name="path"/>, decoding the file unless an unchanged copy is cached. A file that
    /// cannot be played gives its <see cref="WavReadStatus"/>; I/O failures other than a missing file fault the task
    /// and are not remembered.
    /// </summary>
    /// <param name="path">A WAVE file.</param>
    /// <returns>The clip, or why there is none.</returns>
    public Task<AudioClipLoadResult> LoadAsync(string path)
    {
        string key = Path.GetFullPath(path);
        var stamp = FileStamp.Of(key);
        while (true)
        {
            if (_entries.TryGetValue(key, out var cached))
            {
                if (cached.Stamp == stamp && !cached.Load.IsFaulted)
                {
                    return cached.Load;
                }

                var replacement = new Entry(stamp, Decode(key, stamp));
                if (_entries.TryUpdate(key, replacement, cached))
                {
                    return replacement.Load;
                }
            }
            else
            {
                var entry = new Entry(stamp, Decode(key, stamp));
                if (_entries.TryAdd(key, entry))
                {
                    return entry.Load;
                }
            }
        }
    }

    /// <summary>Forgets <paramref name="path"/> (a deleted prompt); players holding its clip keep playing it.</summary>
    /// <param name="path">The file.</param>
    public void Evict(string path) => _entries.TryRemove(Path.GetFullPath(path), out _);

    // Lazily started so a load that loses the race to publish its entry never reads the file.
    private Lazy<Task<AudioClipLoadResult>> Decode(string path, FileStamp stamp) =>
        new(() => stamp.Exists
            ? Task.Run(() => DecodeFile(path, _maxDuration))
            : Task.FromResult(new AudioClipLoadResult(WavReadStatus.FileNotFound, null)));

    private static AudioClipLoadResult DecodeFile(string path, TimeSpan maxDuration)
    {
        var status = WavReader.TryReadFile(path, maxDuration, out byte[] file);
        if (status != WavReadStatus.Ok)
        {
            return new AudioClipLoadResult(status, null);
        }

        status = AudioClip.TryDecode(path, file, maxDuration, out var clip);
        return new AudioClipLoadResult(status, clip);
    }

    private sealed class Entry(FileStamp stamp, Lazy<Task<AudioClipLoadResult>> load)
    {
        public FileStamp Stamp { get; } = stamp;

        public Task<AudioClipLoadResult> Load => load.Value;
    }

    private readonly record struct FileStamp(bool Exists, long Length, DateTime LastWriteUtc)
    {
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(true, info.Length, info.LastWriteTimeUtc) : default;
        }
    }
}
