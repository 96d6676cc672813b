using ContactCenter.Media.Codecs;
using ContactCenter.Media.Endpoints;

namespace ContactCenter.Media.Prompts;

/// <summary>
/// What the appliance says on one call: sentences of prompt keys (a prompt, or pieces joined by
/// <see cref="NumberSpeaker"/>) found in the <see cref="PromptCatalogue"/> in one language, loaded through the shared
/// <see cref="AudioClipCache"/> and played back to back by the voice's own <see cref="PromptPlayer"/>. Put
/// <see cref="Source"/> on the call's endpoint; call <see cref="Interrupt"/> when the caller presses a key. The same
/// voice serves the test extensions, IVR menus, voicemail and queue announcements.
/// </summary>
/// <remarks>
/// Files are looked up and decoded off the media clock (the cache's thread pool work) before anything is queued, so a
/// sentence starts whole or not at all. An <see cref="Interrupt"/> also cancels sentences still loading. Thread-safe.
/// </remarks>
public sealed class PromptVoice
{
    private readonly PromptCatalogue _catalogue;
    private readonly AudioClipCache _clips;
    private readonly PromptPlayer _player = new();
    private readonly Lock _gate = new();

    // Moves on every Interrupt, under the gate: a sentence that loaded across one is not queued.
    private long _interruptions;

    /// <summary>Creates a silent voice.</summary>
    /// <param name="catalogue">Where the recordings are.</param>
    /// <param name="clips">The appliance's clip cache, shared by every call.</param>
    /// <param name="language">The language it speaks (the catalogue falls back to the other one per prompt).</param>
    public PromptVoice(PromptCatalogue catalogue, AudioClipCache clips, PromptLanguage language)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(clips);
        _catalogue = catalogue;
        _clips = clips;
        Language = language;
    }

    /// <summary>The language it speaks.</summary>
    public PromptLanguage Language { get; }

    /// <summary>The audio to send: what is being said, silence otherwise.</summary>
    public IAudioSource Source => _player;

    /// <summary>Says <paramref name="keys"/> one after the other, after anything already being said.</summary>
    /// <param name="keys">Prompt keys, for example <see cref="PromptKeys.TestYouPressed"/> followed by digits.</param>
    /// <param name="cancellationToken">Cancelled when the call ends: the voice then stops and clears everything queued.</param>
    /// <returns><see cref="PromptOutcome.Played"/> once said to the end; <see cref="PromptOutcome.Interrupted"/> when cut short.</returns>
    /// <exception cref="FileNotFoundException">A key has no recording in either language (prompts not generated).</exception>
    /// <exception cref="InvalidDataException">A recording cannot be played.</exception>
    public async Task<PromptOutcome> SayAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        long interruptions = Interlocked.Read(ref _interruptions);
        var clips = new AudioClip[keys.Count];
        for (int i = 0; i < clips.Length; i++)
        {
            clips[i] = await LoadAsync(keys[i]).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var said = new Task<PromptOutcome>[clips.Length];
        lock (_gate)
        {
            if (_interruptions != interruptions)
            {
                return PromptOutcome.Interrupted;
            }

            for (int i = 0; i < clips.Length; i++)
            {
                said[i] = _player.Enqueue(clips[i]);
            }
        }

        PromptOutcome[] outcomes;
        try
        {
            outcomes = await Task.WhenAll(said).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _player.Clear();
            throw;
        }

        return Array.TrueForAll(outcomes, o => o == PromptOutcome.Played) ? PromptOutcome.Played : PromptOutcome.Interrupted;
    }

    /// <summary>Stops what is being said and drops what is queued or still loading (a key was pressed).</summary>
    public void Interrupt()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _interruptions);
            _player.Interrupt();
        }
    }

    private async Task<AudioClip> LoadAsync(string key)
    {
        if (!_catalogue.TryGetPath(key, Language, out var path))
        {
            throw new FileNotFoundException($"Voice prompt '{key}' has no recording in either language; build with espeak-ng and sox installed.");
        }

        var loaded = await _clips.LoadAsync(path).ConfigureAwait(false);
        return loaded.Status == WavReadStatus.Ok
            ? loaded.Clip!
            : throw new InvalidDataException($"Voice prompt '{key}' ({path}) cannot be played: {loaded.Status}.");
    }
}
