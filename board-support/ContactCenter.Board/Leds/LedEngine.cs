namespace ContactCenter.Board.Leds;

/// <summary>
/// Drives every LED of the panel from one timer. Each LED's colour is a function of its pattern and of the time since
/// the engine's epoch, so two LEDs with the same cadence are always in phase, whenever their patterns were set. The
/// timer ticks at the greatest common divisor of the cadences' spans and runs only while some LED blinks.
/// </summary>
public sealed class LedEngine : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ILedDriver[] _leds;
    private readonly LedPattern[] _patterns;
    private readonly ITimer _timer;
    private readonly long _epoch;
    private int _blinking;
    private bool _ticking;

    /// <summary>Takes over the LEDs and shows them all dark; the engine's epoch is now.</summary>
    /// <param name="time">The clock and timer source.</param>
    /// <param name="leds">The LEDs, addressed by their index in this list.</param>
    public LedEngine(TimeProvider time, IReadOnlyList<ILedDriver> leds)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(leds);
        _time = time;
        _leds = [.. leds];
        _patterns = new LedPattern[_leds.Length];
        _epoch = time.GetTimestamp();
        _timer = time.CreateTimer(static state => ((LedEngine)state!).OnTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        foreach (var led in _leds)
        {
            led.Show(LedColor.Off);
        }
    }

    /// <summary>The period of the engine's timer while some LED blinks.</summary>
    public static TimeSpan TickPeriod => LedCadences.Tick;

    /// <summary>How many LEDs the engine drives.</summary>
    public int Count => _leds.Length;

    /// <summary>The pattern an LED shows.</summary>
    /// <param name="led">The LED's index.</param>
    /// <returns>Its current pattern.</returns>
    public LedPattern Get(int led)
    {
        lock (_gate)
        {
            return _patterns[led];
        }
    }

    /// <summary>
    /// Raised for every new pattern an LED is given (not for the blink phases that follow), in the order they were set,
    /// under the engine's lock: handlers must be quick and must not call back into the engine.
    /// </summary>
    public event EventHandler<LedChange>? Changed;

    /// <summary>Sets an LED's pattern; the LED shows the pattern's current phase at once.</summary>
    /// <param name="led">The LED's index.</param>
    /// <param name="pattern">The pattern.</param>
    public void Set(int led, LedPattern pattern)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(led);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(led, _leds.Length);
        lock (_gate)
        {
            var old = _patterns[led];
            _patterns[led] = pattern;
            _blinking += (pattern.IsBlinking ? 1 : 0) - (old.IsBlinking ? 1 : 0);
            var sinceEpoch = _time.GetElapsedTime(_epoch);
            _leds[led].Show(pattern.ColorAt(sinceEpoch));
            UpdateTimer(sinceEpoch);
            if (old != pattern)
            {
                Changed?.Invoke(this, new LedChange(led, pattern, _time.GetTimestamp()));
            }
        }
    }

    /// <summary>Stops the timer; the LEDs keep what they show.</summary>
    public void Dispose() => _timer.Dispose();

    private void OnTick()
    {
        lock (_gate)
        {
            // A real timer fires a little early or late: the phase is the nearest tick, so jitter under half a tick
            // never shows the wrong span.
            var tick = LedCadences.Tick.Ticks;
            var sinceEpoch = TimeSpan.FromTicks((_time.GetElapsedTime(_epoch).Ticks + (tick / 2)) / tick * tick);
            for (var i = 0; i < _leds.Length; i++)
            {
                if (_patterns[i].IsBlinking)
                {
                    _leds[i].Show(_patterns[i].ColorAt(sinceEpoch));
                }
            }
        }
    }

    private void UpdateTimer(TimeSpan sinceEpoch)
    {
        if (_blinking > 0 && !_ticking)
        {
            // First tick on the next boundary of the epoch's tick grid, so that ticks land on cadence transitions.
            var tick = LedCadences.Tick;
            _timer.Change(TimeSpan.FromTicks(tick.Ticks - (sinceEpoch.Ticks % tick.Ticks)), tick);
            _ticking = true;
        }
        else if (_blinking == 0 && _ticking)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _ticking = false;
        }
    }
}
