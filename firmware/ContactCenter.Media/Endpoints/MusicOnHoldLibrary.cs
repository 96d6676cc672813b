using ContactCenter.Media.Clock;
using ContactCenter.Media.Codecs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Hands out hold music by file, one shared <see cref="MusicOnHold"/> per file: each queue may name its own file, and
/// every caller holding on the same file hears the same playback. An instance joins the clock (Mix phase) with its
/// first listener and leaves it with its last. With no file, or a file that cannot be played (logged), callers hear
/// the built-in default music. Thread-safe.
/// </summary>
public sealed class MusicOnHoldLibrary
{
    private const string DefaultKey = "";

    private readonly IMediaClock _clock;
    private readonly AudioClipCache _clips;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Playing> _playing = new(StringComparer.Ordinal);

    /// <summary>Creates an empty library.</summary>
    /// <param name="clock">The media clock the music runs on.</param>
    /// <param name="clips">Where music files are loaded (and decoded once).</param>
    /// <param name="logger">Where unplayable music files are reported.</param>
    public MusicOnHoldLibrary(IMediaClock clock, AudioClipCache clips, ILogger<MusicOnHoldLibrary>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(clips);
        _clock = clock;
        _clips = clips;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>How many pieces of music are on the clock (each with at least one listener).</summary>
    public int PlayingCount
    {
        get
        {
            lock (_gate)
            {
                return _playing.Count;
            }
        }
    }

    /// <summary>
    /// Puts a caller on hold music: the file's shared instance if it is playing, otherwise a new one started on the
    /// clock. Loading a file the first time happens here, off the clock.
    /// </summary>
    /// <param name="file">A WAVE file (a queue's own music), or null for the default music.</param>
    /// <returns>The caller's listener: set it as the endpoint's source; dispose it when the hold ends.</returns>
    public async Task<MusicOnHoldListener> JoinAsync(string? file)
    {
        string key = file is null ? DefaultKey : Path.GetFullPath(file);
        if (TryJoinPlaying(key) is { } listener)
        {
            return listener;
        }

        if (key == DefaultKey)
        {
            return Join(key, DefaultHoldMusic.Clip);
        }

        var loaded = await _clips.LoadAsync(key);
        if (loaded.Clip is null)
        {
            SourcesAndSinksLog.HoldMusicUnplayable(_logger, key, loaded.Status);
            return await JoinAsync(null);
        }

        return Join(key, loaded.Clip);
    }

    private MusicOnHoldListener? TryJoinPlaying(string key)
    {
        lock (_gate)
        {
            if (_playing.TryGetValue(key, out var playing))
            {
                playing.Listeners++;
                return new MusicOnHoldListener(playing.Music, () => Leave(key, playing));
            }
        }

        return null;
    }

    // Starts the music unless a concurrent join already did.
    private MusicOnHoldListener Join(string key, AudioClip clip)
    {
        lock (_gate)
        {
            if (!_playing.TryGetValue(key, out var playing))
            {
                var music = new MusicOnHold(clip);
                playing = new Playing(music, _clock.Register(music, MediaClockPhase.Mix));
                _playing.Add(key, playing);
            }

            playing.Listeners++;
            return new MusicOnHoldListener(playing.Music, () => Leave(key, playing));
        }
    }

    private void Leave(string key, Playing playing)
    {
        lock (_gate)
        {
            if (--playing.Listeners > 0)
            {
                return;
            }

            _playing.Remove(key);
        }

        // Outside the lock: unregistering may wait for a tick in progress.
        playing.Registration.Dispose();
    }

    private sealed class Playing(MusicOnHold music, IDisposable registration)
    {
        public MusicOnHold Music { get; } = music;

        public IDisposable Registration { get; } = registration;

        public int Listeners { get; set; }
    }
}
