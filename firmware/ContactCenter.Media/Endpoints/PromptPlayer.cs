using ContactCenter.Media.Clock;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Plays a queue of <see cref="AudioClip"/>s back to back as an endpoint's <see cref="IAudioSource"/>, converting each
/// clip to the rate the endpoint reads (an 8 kHz prompt to a 16 kHz G.722 call and the other way round). Once the
/// queue is empty <see cref="Read"/> returns false with silence.
/// </summary>
/// <remarks>
/// Two threads use it: the media clock calls <see cref="Read"/>; the owner (IVR, voicemail, queue code) calls
/// <see cref="Enqueue"/>, <see cref="Interrupt"/> and <see cref="Clear"/> and awaits the tasks. They share a lock held
/// only to move queue entries; <see cref="Read"/> takes it only when a prompt ends or the queue is empty, and
/// allocates nothing. Prompt tasks complete with continuations run asynchronously, so owner code never runs on the
/// clock's thread.
/// </remarks>
public sealed class PromptPlayer : IAudioSource
{
    private readonly Lock _gate = new();
    private readonly Queue<QueuedPrompt> _queue = new();
    private readonly Resampler _up = new(MediaFrame.NarrowbandRate, MediaFrame.WidebandRate);
    private readonly Resampler _down = new(MediaFrame.WidebandRate, MediaFrame.NarrowbandRate);

    // Written only by the clock thread, under the gate so the owner can read it under the gate too.
    private QueuedPrompt? _current;

    // Clock thread only: the next sample of _current to play.
    private int _position;

    /// <summary>Prompts waiting behind the one playing.</summary>
    public int QueuedCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Queues <paramref name="clip"/> after everything already queued.</summary>
    /// <param name="clip">The prompt.</param>
    /// <param name="interruptible">
    /// False for a prompt a digit must not cut (a legal notice, "this call is recorded"): <see cref="Interrupt"/> leaves
    /// it playing or queued; only <see cref="Clear"/> removes it.
    /// </param>
    /// <returns>Completes when the prompt has been played, or was interrupted or cleared before its end.</returns>
    public Task<PromptOutcome> Enqueue(AudioClip clip, bool interruptible = true)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var prompt = new QueuedPrompt(clip, interruptible);
        lock (_gate)
        {
            _queue.Enqueue(prompt);
        }

        return prompt.Completion.Task;
    }

    /// <summary>
    /// Stops the playing prompt and drops the queued ones, except those queued as not interruptible; call it when a
    /// DTMF digit arrives. Their tasks complete with <see cref="PromptOutcome.Interrupted"/>.
    /// </summary>
    public void Interrupt() => Stop(PromptOutcome.Interrupted, keepUninterruptible: true);

    /// <summary>Stops the playing prompt and drops every queued one; their tasks complete with <see cref="PromptOutcome.Cleared"/>.</summary>
    public void Clear() => Stop(PromptOutcome.Cleared, keepUninterruptible: false);

    /// <inheritdoc/>
    public bool Read(Span<short> frame, int sampleRate)
    {
        int written = 0;
        bool playing = false;
        while (written < frame.Length && Current() is { } prompt)
        {
            playing = true;
            int produced = Play(prompt.Clip, frame[written..], sampleRate);
            written += produced;
            if (_position >= prompt.Clip.Length)
            {
                prompt.Finish(PromptOutcome.Played);
                lock (_gate)
                {
                    _current = null;
                }
            }
            else if (produced == 0)
            {
                break;
            }
        }

        frame[written..].Clear();
        return playing;
    }

    private QueuedPrompt? Current()
    {
        var current = _current;
        if (current is not null && !current.Stopped)
        {
            return current;
        }

        lock (_gate)
        {
            _current = _queue.Count > 0 ? _queue.Dequeue() : null;
            _position = 0;
            return _current;
        }
    }

    // Copies or converts as much of the clip as fits in destination; returns the samples written there.
    private int Play(AudioClip clip, Span<short> destination, int sampleRate)
    {
        var remaining = clip.Samples[_position..];
        int taken;
        int produced;
        if (clip.SampleRate == sampleRate)
        {
            taken = produced = Math.Min(remaining.Length, destination.Length);
            remaining[..taken].CopyTo(destination);
        }
        else if (clip.SampleRate < sampleRate)
        {
            taken = Math.Min(remaining.Length, destination.Length / 2);
            produced = 2 * taken;
            _up.Process(remaining[..taken], destination[..produced]);
        }
        else
        {
            // Only a clip's last input sample can be odd; the converter drops it.
            taken = Math.Min(remaining.Length, 2 * destination.Length);
            produced = taken / 2;
            _down.Process(remaining[..taken], destination[..produced]);
        }

        _position += taken;
        return produced;
    }

    private void Stop(PromptOutcome outcome, bool keepUninterruptible)
    {
        var stopped = new List<QueuedPrompt>();
        lock (_gate)
        {
            if (_current is { Stopped: false } current && (current.Interruptible || !keepUninterruptible))
            {
                current.Stopped = true;
                stopped.Add(current);
            }

            for (int i = _queue.Count; i > 0; i--)
            {
                var queued = _queue.Dequeue();
                if (queued.Interruptible || !keepUninterruptible)
                {
                    stopped.Add(queued);
                }
                else
                {
                    _queue.Enqueue(queued);
                }
            }
        }

        foreach (var prompt in stopped)
        {
            prompt.Finish(outcome);
        }
    }

    private sealed class QueuedPrompt(AudioClip clip, bool interruptible)
    {
        private volatile bool _stopped;

        public AudioClip Clip { get; } = clip;

        public bool Interruptible { get; } = interruptible;

        public TaskCompletionSource<PromptOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Set by the owner; the clock thread moves on to the next prompt at its next read.
        public bool Stopped
        {
            get => _stopped;
            set => _stopped = value;
        }

        public void Finish(PromptOutcome outcome) => Completion.TrySetResult(outcome);
    }
}
