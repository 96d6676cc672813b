using System.Threading.Channels;
using ContactCenter.Board.Gpio;

namespace ContactCenter.Board.Simulated;

/// <summary>
/// A board without hardware: outputs are remembered, inputs change when a test (or the web UI's virtual panel)
/// presses and releases them, each change posting an edge stamped from the injected <see cref="TimeProvider"/>.
/// Levels are logical, as on <see cref="IGpioLines"/>: a pressed key is high.
/// </summary>
public sealed class SimulatedGpioLines : IGpioLines
{
    private readonly TimeProvider _time;
    private readonly Dictionary<int, bool> _outputs = [];
    private readonly Dictionary<int, bool> _inputs = [];
    private readonly Channel<GpioEdge> _edges = Channel.CreateUnbounded<GpioEdge>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();

    /// <summary>Creates the board with its output and input lines, all low.</summary>
    /// <param name="outputs">Lines the panel drives (LEDs).</param>
    /// <param name="inputs">Lines the panel reads (keys).</param>
    /// <param name="time">The clock edges are stamped from.</param>
    public SimulatedGpioLines(IEnumerable<int> outputs, IEnumerable<int> inputs, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(inputs);
        _time = time;
        foreach (int line in outputs)
        {
            _outputs.Add(line, false);
        }

        foreach (int line in inputs)
        {
            if (_outputs.ContainsKey(line))
            {
                throw new ArgumentException($"Line {line} cannot be both an output and an input.", nameof(inputs));
            }

            _inputs.Add(line, false);
        }
    }

    /// <inheritdoc/>
    public ChannelReader<GpioEdge> Edges => _edges.Reader;

    /// <inheritdoc/>
    public void SetOutput(int line, bool high)
    {
        lock (_lock)
        {
            if (!_outputs.ContainsKey(line))
            {
                throw new ArgumentOutOfRangeException(nameof(line), line, $"Line {line} is not an output of the simulated board.");
            }

            _outputs[line] = high;
        }
    }

    /// <summary>What output <paramref name="line"/> shows now (<c>true</c>: the LED is lit).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not an output.</exception>
    public bool GetOutput(int line)
    {
        lock (_lock)
        {
            return _outputs.TryGetValue(line, out bool high)
                ? high
                : throw new ArgumentOutOfRangeException(nameof(line), line, $"Line {line} is not an output of the simulated board.");
        }
    }

    /// <summary>Presses the key on input <paramref name="line"/>: a rising edge unless it is already pressed.</summary>
    public void Press(int line) => SetInput(line, true);

    /// <summary>Releases the key on input <paramref name="line"/>: a falling edge unless it is already released.</summary>
    public void Release(int line) => SetInput(line, false);

    /// <summary>
    /// A whole key press already over: pressed <paramref name="hold"/> plus <paramref name="settled"/> ago and released
    /// <paramref name="settled"/> ago, so that a key engine on the real clock whose debounce is at most
    /// <paramref name="settled"/> reports it at once (a script of the panel, without waiting out the debounce).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not an input, or a negative span.</exception>
    public void Tap(int line, TimeSpan hold, TimeSpan settled)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hold, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(settled, TimeSpan.Zero);
        var now = _time.GetTimestamp();
        var frequency = _time.TimestampFrequency;
        long Ago(TimeSpan span) => now - (span.Ticks * frequency / TimeSpan.TicksPerSecond);
        SetInput(line, true, Ago(hold + settled));
        SetInput(line, false, Ago(settled));
    }

    /// <summary>
    /// Sets input <paramref name="line"/>'s logical level, posting an edge stamped now when it changes (repeat
    /// calls model no bounce; a test scripting bounce alternates levels and advances its fake clock).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not an input.</exception>
    public void SetInput(int line, bool high) => SetInput(line, high, _time.GetTimestamp());

    private void SetInput(int line, bool high, long timestamp)
    {
        lock (_lock)
        {
            if (!_inputs.TryGetValue(line, out bool was))
            {
                throw new ArgumentOutOfRangeException(nameof(line), line, $"Line {line} is not an input of the simulated board.");
            }

            if (was == high)
            {
                return;
            }

            _inputs[line] = high;
            _edges.Writer.TryWrite(new GpioEdge(line, high ? GpioEdgeKind.Rising : GpioEdgeKind.Falling, timestamp));
        }
    }

    /// <summary>Ends <see cref="Edges"/>.</summary>
    public void Dispose() => _edges.Writer.TryComplete();
}
