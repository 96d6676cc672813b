using System.Threading.Channels;

namespace ContactCenter.Board.Keys;

/// <summary>
/// Turns raw key edges into presses: a level counts once the line has kept it for the key's debounce time (edges in
/// between are bounces), a release before the long-press threshold is a short press, and a key still held when the
/// threshold passes is one long press, reported at that moment. Hold times are measured between the first edges of the
/// press and of the release, so bounces and debounce delay never shift them.
/// </summary>
public sealed class KeyEngine : IDisposable
{
    /// <summary>The default long-press threshold (issue #5 §4: at least 800 ms).</summary>
    public static readonly TimeSpan DefaultLongPress = TimeSpan.FromMilliseconds(800);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly KeyState[] _keys;
    private readonly long _longPress;
    private readonly Channel<KeyPress> _presses = Channel.CreateUnbounded<KeyPress>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Creates the engine for a set of keys.</summary>
    /// <param name="time">The clock: edge timestamps are in its <see cref="TimeProvider.GetTimestamp"/> units.</param>
    /// <param name="keys">The keys, addressed by their index in this list.</param>
    /// <param name="longPress">The long-press threshold.</param>
    public KeyEngine(TimeProvider time, IReadOnlyList<KeySettings> keys, TimeSpan longPress)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(longPress, TimeSpan.Zero);
        _time = time;
        _longPress = ToTimestamp(longPress);
        _keys = new KeyState[keys.Count];
        for (var i = 0; i < _keys.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(keys[i].Debounce, TimeSpan.Zero);
            var key = new KeyState(keys[i].Id, ToTimestamp(keys[i].Debounce));
            key.Timer = time.CreateTimer(_ => OnTimer(key), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _keys[i] = key;
        }
    }

    /// <summary>The presses, in the order they happened.</summary>
    public ChannelReader<KeyPress> Presses => _presses.Reader;

    /// <summary>Reports an edge of a key's line.</summary>
    /// <param name="key">The key's index.</param>
    /// <param name="pressed">The line's new logical level (polarity applied): whether the key is down.</param>
    /// <param name="timestamp">
    /// When the edge happened, in <see cref="TimeProvider.GetTimestamp"/> units (on Linux the chardev's CLOCK_MONOTONIC
    /// nanoseconds are the system TimeProvider's timestamps).
    /// </param>
    public void OnEdge(int key, bool pressed, long timestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(key, _keys.Length);
        var state = _keys[key];
        lock (_gate)
        {
            state.Raw = pressed;
            state.LastEdge = timestamp;
            if (!state.Settling && pressed != state.Stable)
            {
                state.Settling = true;
                state.SettleStart = timestamp;
            }

            Evaluate(state);
        }
    }

    /// <summary>Stops the keys' timers and completes <see cref="Presses"/>.</summary>
    public void Dispose()
    {
        foreach (var key in _keys)
        {
            key.Timer!.Dispose();
        }

        _presses.Writer.TryComplete();
    }

    private void OnTimer(KeyState state)
    {
        lock (_gate)
        {
            Evaluate(state);
        }
    }

    private void Evaluate(KeyState state)
    {
        var now = _time.GetTimestamp();
        if (state.Settling && now - state.LastEdge >= state.Debounce)
        {
            state.Settling = false;
            if (state.Raw != state.Stable)
            {
                Settle(state, state.SettleStart);
            }
        }

        // While a release is settling, its first edge decides short or long (Settle), not the threshold's passing.
        if (state.Stable && !state.LongReported && !state.Settling && now - state.PressedAt >= _longPress)
        {
            state.LongReported = true;
            _presses.Writer.TryWrite(new KeyPress(state.Id, KeyPressKind.Long));
        }

        Schedule(state, now);
    }

    private void Settle(KeyState state, long at)
    {
        state.Stable = state.Raw;
        if (state.Stable)
        {
            state.PressedAt = at;
            state.LongReported = false;
        }
        else if (!state.LongReported)
        {
            var kind = at - state.PressedAt >= _longPress ? KeyPressKind.Long : KeyPressKind.Short;
            _presses.Writer.TryWrite(new KeyPress(state.Id, kind));
        }
    }

    private void Schedule(KeyState state, long now)
    {
        long due;
        if (state.Settling)
        {
            due = state.LastEdge + state.Debounce;
        }
        else if (state.Stable && !state.LongReported)
        {
            due = state.PressedAt + _longPress;
        }
        else
        {
            state.Timer!.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        state.Timer!.Change(FromTimestamp(Math.Max(0, due - now)), Timeout.InfiniteTimeSpan);
    }

    private long ToTimestamp(TimeSpan span) => span.Ticks * _time.TimestampFrequency / TimeSpan.TicksPerSecond;

    // Rounded up, so that the timer never fires before the deadline it was set for.
    private TimeSpan FromTimestamp(long delta) =>
        TimeSpan.FromTicks(((delta * TimeSpan.TicksPerSecond) + _time.TimestampFrequency - 1) / _time.TimestampFrequency);

    private sealed class KeyState(string id, long debounce)
    {
        public string Id { get; } = id;

        public long Debounce { get; } = debounce;

        public ITimer? Timer { get; set; }

        public bool Raw { get; set; }

        public bool Stable { get; set; }

        public bool Settling { get; set; }

        public long SettleStart { get; set; }

        public long LastEdge { get; set; }

        public long PressedAt { get; set; }

        public bool LongReported { get; set; }
    }
}
