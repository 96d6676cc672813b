using System.Numerics;
using System.Threading.Channels;
using ContactCenter.Board.Gpio;
using ContactCenter.Board.I2c;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Board.Expander;

/// <summary>
/// An MCP23017's pins as panel lines: outputs through the chip's latches, kept in a shadow so that setting one pin
/// never disturbs another (the driver never reads back and rewrites GPIO); input edges on <see cref="Edges"/>.
/// </summary>
/// <remarks>
/// <para>
/// With an interrupt line, each logical rising edge of the host line (INT asserted; see
/// <see cref="Mcp23017.IoConfiguration"/>) reads INTF, INTCAP and GPIO in one transfer: pins whose captured level
/// differs from the last known one give an edge stamped with the interrupt's timestamp, then pins whose present level
/// differs again (they changed while the interrupt waited) give one stamped now. Reading INTCAP clears the interrupt
/// (DS20001952C §3.6.1), so the line goes idle and the next change gives a new edge. While a read fails, the INT line
/// stays asserted and no new edge would come: the read is retried at the poll interval until it succeeds; and a
/// watchdog reads the chip when no interrupt came for a while (<see cref="DefaultInterruptWatchdog"/>), which
/// recovers from an edge the host never saw (its changes are stamped when found).
/// </para>
/// <para>
/// Without an interrupt line, GPIO is polled at the poll interval and edges are stamped with the poll's time. Either
/// way GPIO is read once at start, so the first change is measured against the real initial levels (a key held at
/// start gives no edge until released, as on the GPIO chardev).
/// </para>
/// <para>
/// Timestamps of the interrupt edges and of this class's <see cref="TimeProvider"/> must be on the same clock
/// (<see cref="TimeProvider.System"/> with <see cref="ChardevGpioLines"/>). I2C failures while reading edges are
/// logged once (and their end once), never thrown; <see cref="SetOutput"/> throws them to its caller.
/// </para>
/// </remarks>
public sealed class Mcp23017Lines : IGpioLines
{
    /// <summary>How often inputs are polled without an interrupt line, and failed interrupt reads retried.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// With an interrupt line, how long after the last read the chip is read anyway: an interrupt edge the host missed
    /// (INT already asserted when the line was requested, a lost event) would otherwise leave INT asserted for good.
    /// </summary>
    public static readonly TimeSpan DefaultInterruptWatchdog = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly II2cDevice _device;
    private readonly Mcp23017 _chip;
    private readonly Mcp23017PinMap _pins;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _pollInterval;
    private readonly TimeSpan _watchdog;
    private readonly Channel<GpioEdge> _edges = Channel.CreateUnbounded<GpioEdge>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer? _timer;
    private ushort _latch;
    private ushort _levels;
    private long? _pendingInterrupt;
    private bool _failing;
    private bool _disposed;

    /// <summary>Programs the chip for the pins and starts reading edges.</summary>
    /// <param name="device">The chip; disposed with this object (not when the constructor throws).</param>
    /// <param name="pins">One setting per used pin, <see cref="GpioLineSettings.Line"/> being the pin (0-15).</param>
    /// <param name="interrupts">
    /// Edges of the host GPIO line wired to the chip's INTA or INTB (mirrored), requested active-low with rising or
    /// both edges, and of no other line; <c>null</c> when none is wired (inputs are polled). Request the line before
    /// opening the expander, so an interrupt raised in between is not missed (the watchdog would find it late).
    /// </param>
    /// <param name="time">The clock polls run on and edges are stamped from.</param>
    /// <param name="logger">Where the expander logs.</param>
    /// <param name="pollInterval">The poll and retry interval.</param>
    /// <param name="interruptWatchdog">
    /// With an interrupt line, the quiet time after which the chip is read anyway; <see cref="Timeout.InfiniteTimeSpan"/>
    /// for none.
    /// </param>
    /// <exception cref="ArgumentException">
    /// A pin is wrong (<see cref="Mcp23017PinMap.From"/>); nothing was sent to the chip.
    /// </exception>
    /// <exception cref="I2cException">The chip did not take its programming (the message names bus and address).</exception>
    public Mcp23017Lines(
        II2cDevice device,
        IReadOnlyList<GpioLineSettings> pins,
        ChannelReader<GpioEdge>? interrupts,
        TimeProvider time,
        ILogger<Mcp23017Lines> logger,
        TimeSpan pollInterval,
        TimeSpan interruptWatchdog)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        if (interruptWatchdog <= TimeSpan.Zero && interruptWatchdog != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(interruptWatchdog), interruptWatchdog, "The watchdog must be positive or infinite.");
        }

        _pins = Mcp23017PinMap.From(pins);
        _device = device;
        _chip = new Mcp23017(device);
        _time = time;
        _logger = logger;
        _pollInterval = pollInterval;
        _watchdog = interruptWatchdog;

        _chip.Configure(_pins, interrupts is not null);
        _latch = _pins.InitialLatch;
        _levels = (ushort)(_chip.ReadPins() & _pins.Inputs);
        Mcp23017Log.Programmed(logger, device.Name, PinList(_pins.Inputs), PinList(_pins.Outputs), interrupts is null ? "polling" : "interrupt");

        if (_pins.EdgeInputs == 0)
        {
            _edges.Writer.Complete();
        }
        else if (interrupts is null)
        {
            _timer = time.CreateTimer(_ => Poll(), null, pollInterval, pollInterval);
        }
        else
        {
            _timer = time.CreateTimer(_ => ServeInterrupt(), null, interruptWatchdog, Timeout.InfiniteTimeSpan);

            // Owned here: the loop catches everything and ends by completing Edges, so no fault goes unobserved.
            _ = ServeInterruptsAsync(interrupts);
        }
    }

    /// <inheritdoc/>
    public ChannelReader<GpioEdge> Edges => _edges.Reader;

    /// <summary>
    /// Opens the chip on an i2c-dev bus and programs it, with <see cref="DefaultPollInterval"/> and
    /// <see cref="DefaultInterruptWatchdog"/>.
    /// </summary>
    /// <param name="bus">The bus device, e.g. <c>/dev/i2c-1</c>.</param>
    /// <param name="address">The chip's address, 0x20..0x27 (A2..A0 strapping).</param>
    /// <param name="pins">One setting per used pin (0-15).</param>
    /// <param name="interrupts">Edges of the host line wired to INT, or <c>null</c> to poll.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where the expander logs.</param>
    /// <exception cref="ArgumentException">A pin is wrong; nothing was sent to the chip.</exception>
    /// <exception cref="I2cException">The bus, the address or the chip failed (the message names which).</exception>
    public static Mcp23017Lines Open(
        string bus,
        int address,
        IReadOnlyList<GpioLineSettings> pins,
        ChannelReader<GpioEdge>? interrupts,
        TimeProvider time,
        ILogger<Mcp23017Lines> logger)
    {
        I2cDevice device = I2cDevice.Open(bus, address);
        try
        {
            return new Mcp23017Lines(device, pins, interrupts, time, logger, DefaultPollInterval, DefaultInterruptWatchdog);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="I2cException">The chip did not take the write; the shadow keeps the previous level.</exception>
    public void SetOutput(int line, bool high)
    {
        ushort bit = OutputBit(line);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ushort latch = high != ((_pins.InvertedOutputs & bit) != 0) ? (ushort)(_latch | bit) : (ushort)(_latch & ~bit);
            if (latch != _latch)
            {
                _chip.WriteLatch(line, latch);
                _latch = latch;
            }
        }
    }

    /// <summary>What output <paramref name="line"/> is set to (logical), from the shadow.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not an output.</exception>
    public bool GetOutput(int line)
    {
        ushort bit = OutputBit(line);
        lock (_gate)
        {
            return ((_latch ^ _pins.InvertedOutputs) & bit) != 0;
        }
    }

    /// <summary>Input <paramref name="line"/>'s last known logical level (as of the last edge, poll or start).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not an input.</exception>
    public bool GetInput(int line)
    {
        if (line is < 0 or >= Mcp23017PinMap.PinCount || (_pins.Inputs & (1 << line)) == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, $"Pin {line} of expander {_device.Name} is not an input.");
        }

        lock (_gate)
        {
            return (_levels & (1 << line)) != 0;
        }
    }

    /// <summary>Stops reading edges, completes <see cref="Edges"/> and closes the chip; its pins keep their state.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
            _device.Dispose();
        }

        _stop.Cancel();
        _stop.Dispose();
        _edges.Writer.TryComplete();
    }

    private static string PinList(ushort mask)
    {
        var pins = new List<int>();
        for (int pin = 0; pin < Mcp23017PinMap.PinCount; pin++)
        {
            if ((mask & (1 << pin)) != 0)
            {
                pins.Add(pin);
            }
        }

        return pins.Count == 0 ? "none" : string.Join(",", pins);
    }

    private ushort OutputBit(int line)
    {
        if (line is < 0 or >= Mcp23017PinMap.PinCount || (_pins.Outputs & (1 << line)) == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, $"Pin {line} of expander {_device.Name} is not an output.");
        }

        return (ushort)(1 << line);
    }

    private async Task ServeInterruptsAsync(ChannelReader<GpioEdge> interrupts)
    {
        CancellationToken stop = _stop.Token;
        try
        {
            await foreach (GpioEdge edge in interrupts.ReadAllAsync(stop).ConfigureAwait(false))
            {
                if (edge.Kind == GpioEdgeKind.Rising)
                {
                    lock (_gate)
                    {
                        _pendingInterrupt = edge.Timestamp;
                    }

                    ServeInterrupt();
                }
            }

            _edges.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            _edges.Writer.TryComplete();
        }
        catch (Exception e)
        {
            // The host line's edges ended with an error (its chardev failed): without interrupts these keys are dead,
            // which Edges' fault tells the key engine and the health check.
            Mcp23017Log.InterruptLineFailed(_logger, _device.Name, e);
            _edges.Writer.TryComplete(e);
        }
    }

    private void ServeInterrupt()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            // The retry is armed before the read and becomes the watchdog once it succeeds: a failed read is retried
            // even though INT, still asserted, sends no new edge.
            _timer!.Change(_pollInterval, Timeout.InfiniteTimeSpan);
            if (!TryRead(out Mcp23017Interrupt read, static chip => chip.ReadInterrupt()))
            {
                return;
            }

            _timer.Change(_watchdog, Timeout.InfiniteTimeSpan);
            long now = _time.GetTimestamp();

            // INTCAP only holds a fresh capture while INTF shows a pending interrupt; otherwise it is an old one. A
            // capture found by the watchdog has no edge to date it: it is stamped now.
            if ((read.Flags & _pins.Inputs) != 0)
            {
                Emit(read.Captured, _pendingInterrupt ?? now);
            }

            _pendingInterrupt = null;
            Emit(read.Pins, now);
        }
    }

    private void Poll()
    {
        lock (_gate)
        {
            if (!_disposed && TryRead(out ushort pins, static chip => chip.ReadPins()))
            {
                Emit(pins, _time.GetTimestamp());
            }
        }
    }

    private bool TryRead<T>(out T result, Func<Mcp23017, T> read)
    {
        try
        {
            result = read(_chip);
        }
        catch (I2cException e)
        {
            result = default!;
            if (!_failing)
            {
                _failing = true;
                Mcp23017Log.ReadFailed(_logger, _device.Name, e);
            }

            return false;
        }

        if (_failing)
        {
            _failing = false;
            Mcp23017Log.ReadRecovered(_logger, _device.Name);
        }

        return true;
    }

    // One edge per input whose level differs from the last known one, in pin order, for the edges each pin reports.
    private void Emit(ushort levels, long timestamp)
    {
        int changed = (levels ^ _levels) & _pins.Inputs;
        _levels ^= (ushort)changed;
        while (changed != 0)
        {
            int pin = BitOperations.TrailingZeroCount(changed);
            changed &= changed - 1;
            bool high = (levels & (1 << pin)) != 0;
            if (((high ? _pins.RisingEdges : _pins.FallingEdges) & (1 << pin)) != 0)
            {
                _edges.Writer.TryWrite(new GpioEdge(pin, high ? GpioEdgeKind.Rising : GpioEdgeKind.Falling, timestamp));
            }
        }
    }
}
