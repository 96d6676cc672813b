using ContactCenter.Media.Clock;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Tests.Prompts;
using ContactCenter.Pbx.Tests.Calls;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Pbx.Tests.Features;

/// <summary>
/// The caller's side of a <see cref="FakeMediaEndpoint"/>, ticked by the appliance's real <see cref="MediaClock"/> as a
/// <see cref="MediaEndpoint"/> would be: each 20 ms it writes a frame of <see cref="Caller"/> marks into the endpoint's
/// sink (what the caller says) and reads one frame from its source (what the caller hears), noting which prompt (or
/// the caller's own voice, or silence) every frame was. Tests wait for what they expect to be heard.
/// </summary>
internal sealed class CallerEar : IAsyncDisposable
{
    /// <summary>What a frame of the caller's own voice, sent back, is heard as.</summary>
    public const string Caller = "caller";

    private const short CallerMark = 777;

    private readonly FakeMediaEndpoint _endpoint;
    private readonly MarkedPrompts _prompts;
    private readonly MediaClock _clock = new(TimeProvider.System, NullLogger<MediaClock>.Instance);
    private readonly short[] _said = new short[MediaFrame.Samples(MediaFrame.NarrowbandRate)];
    private readonly short[] _heard = new short[MediaFrame.Samples(MediaFrame.NarrowbandRate)];
    private readonly Lock _gate = new();
    private readonly List<string?> _frames = [];
    private readonly List<IDisposable> _ticks = [];
    private TaskCompletionSource _more = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CallerEar(FakeMediaEndpoint endpoint, MarkedPrompts prompts)
    {
        _endpoint = endpoint;
        _prompts = prompts;
        Array.Fill(_said, CallerMark);
        _ticks.Add(_clock.Register(new Tick(Say), MediaClockPhase.Receive));
        _ticks.Add(_clock.Register(new Tick(Hear), MediaClockPhase.Send));
        _clock.Start();
    }

    /// <summary>Every frame heard so far: a prompt key, <see cref="Caller"/>, or null for silence.</summary>
    public IReadOnlyList<string?> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    /// <summary>The frames of <paramref name="keys"/> said back to back, each <paramref name="frames"/> frames long.</summary>
    public static string?[] Run(int frames, params string[] keys) => [.. keys.SelectMany(k => Enumerable.Repeat(k, frames))];

    /// <summary>Waits until <paramref name="run"/> has been heard without a break; fails after <see cref="Arrivals{T}.Timeout"/>.</summary>
    public Task HearsAsync(params string?[] run) => WaitAsync(frames => IndexOf(frames, run) >= 0, () => $"never heard {string.Join(' ', run)}");

    /// <summary>Where <paramref name="run"/> was first heard, or -1.</summary>
    public static int IndexOf(IReadOnlyList<string?> frames, IReadOnlyList<string?> run)
    {
        for (int start = 0; start + run.Count <= frames.Count; start++)
        {
            int i = 0;
            while (i < run.Count && frames[start + i] == run[i])
            {
                i++;
            }
            if (i == run.Count)
            {
                return start;
            }
        }
        return -1;
    }

    /// <summary>Waits until what was heard satisfies <paramref name="done"/>.</summary>
    public async Task WaitAsync(Func<IReadOnlyList<string?>, bool> done, Func<string> failure)
    {
        using var timeout = new CancellationTokenSource(Arrivals<string>.Timeout);
        while (true)
        {
            Task more;
            lock (_gate)
            {
                if (done(_frames))
                {
                    return;
                }
                more = _more.Task;
            }
            try
            {
                await more.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"{failure()}; heard: {Describe(Frames)}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _clock.StopAsync();
        _ticks.ForEach(t => t.Dispose());
        await _clock.DisposeAsync();
    }

    // Runs of equal frames as "key×count", for failure messages.
    private static string Describe(IReadOnlyList<string?> frames)
    {
        var runs = new List<string>();
        for (int i = 0; i < frames.Count;)
        {
            int j = i;
            while (j < frames.Count && frames[j] == frames[i])
            {
                j++;
            }
            runs.Add($"{frames[i] ?? "silence"}×{j - i}");
            i = j;
        }
        return string.Join(", ", runs);
    }

    private void Say(long frame) => _endpoint.Sink?.Write(_said, MediaFrame.NarrowbandRate);

    private void Hear(long frame)
    {
        _heard.AsSpan().Clear();
        _endpoint.Source?.Read(_heard, MediaFrame.NarrowbandRate);
        string? key;
        try
        {
            key = _heard[0] == CallerMark && !_heard.AsSpan().ContainsAnyExcept(CallerMark) ? Caller : _prompts.KeyOf(_heard);
        }
        catch (Xunit.Sdk.XunitException unrecognised)
        {
            key = $"?{unrecognised.Message}";
        }
        TaskCompletionSource more;
        lock (_gate)
        {
            _frames.Add(key);
            more = _more;
            _more = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        more.TrySetResult();
    }

    private sealed class Tick(Action<long> onTick) : IMediaTickable
    {
        public void OnTick(long frame) => onTick(frame);
    }
}
