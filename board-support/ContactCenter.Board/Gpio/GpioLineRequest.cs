using System.Diagnostics;
using System.Runtime.InteropServices;
using ContactCenter.Board.Gpio.Native;

namespace ContactCenter.Board.Gpio;

/// <summary>
/// Lines granted by <see cref="GpioChip.RequestLines"/>: their values (<c>GPIO_V2_LINE_SET_VALUES_IOCTL</c>,
/// <c>GET_VALUES</c>) and their edge events (<c>struct gpio_v2_line_event</c> read from the request's descriptor).
/// Disposing releases the lines.
/// </summary>
public sealed class GpioLineRequest : IDisposable
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    // Events per read(2): a burst of key bounces fits in one call.
    private const int EventsPerRead = 16;

    private readonly int[] _lines;
    private readonly string _chip;
    private bool _disposed;

    internal GpioLineRequest(int fd, string chip, ReadOnlySpan<GpioLineSettings> lines)
    {
        Fd = fd;
        _chip = chip;
        _lines = new int[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            _lines[i] = lines[i].Line;
        }
    }

    /// <summary>The request's file descriptor, readable when edge events wait (for <c>poll</c>).</summary>
    internal int Fd { get; }

    /// <summary>Sets one line's logical level.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The line is not part of this request.</exception>
    /// <exception cref="GpioException">The kernel refused (e.g. the line is an input).</exception>
    public unsafe void SetValue(int line, bool high)
    {
        ulong bit = BitOf(line);
        var values = new GpioV2LineValues { Bits = high ? bit : 0, Mask = bit };
        Check(LibC.Ioctl(Fd, GpioUapi.LineSetValuesIoctl, &values), "set", line);
    }

    /// <summary>Reads one line's logical level (an output reads back what it drives).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The line is not part of this request.</exception>
    public unsafe bool GetValue(int line)
    {
        ulong bit = BitOf(line);
        var values = new GpioV2LineValues { Mask = bit };
        Check(LibC.Ioctl(Fd, GpioUapi.LineGetValuesIoctl, &values), "read", line);
        return (values.Bits & bit) != 0;
    }

    /// <summary>
    /// Reads the edge events waiting (blocks until at least one when none waits); timestamps are converted from the
    /// kernel's CLOCK_MONOTONIC to <see cref="TimeProvider.System"/> timestamps.
    /// </summary>
    /// <param name="destination">Receives the edges; at most 16 are read per call.</param>
    /// <returns>How many edges were written.</returns>
    public unsafe int ReadEdges(Span<GpioEdge> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int capacity = Math.Min(destination.Length, EventsPerRead);
        GpioV2LineEvent* events = stackalloc GpioV2LineEvent[EventsPerRead];
        nint read;
        do
        {
            read = LibC.Read(Fd, events, (nuint)(capacity * sizeof(GpioV2LineEvent)));
        }
        while (read < 0 && Marshal.GetLastPInvokeError() == LibC.Interrupted);

        if (read < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw GpioErrors.SystemCall($"cannot read edge events of lines {string.Join(", ", _lines)} of {_chip}", errno);
        }

        int count = (int)(read / sizeof(GpioV2LineEvent));
        for (int i = 0; i < count; i++)
        {
            destination[i] = ToEdge(events[i]);
        }

        return count;
    }

    /// <summary>Releases the lines.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            LibC.Close(Fd);
        }
    }

    /// <summary>One kernel event as an edge.</summary>
    internal static GpioEdge ToEdge(in GpioV2LineEvent kernelEvent) =>
        new((int)kernelEvent.Offset,
            kernelEvent.Id == GpioUapi.RisingEdgeEventId ? GpioEdgeKind.Rising : GpioEdgeKind.Falling,
            MonotonicToTimestamp(kernelEvent.TimestampNanoseconds));

    // TimeProvider.System's timestamps are Stopwatch's, which on Linux read CLOCK_MONOTONIC in nanoseconds
    // (Frequency 1e9); the scaling only matters on a runtime that says otherwise.
    private static long MonotonicToTimestamp(ulong nanoseconds) =>
        Stopwatch.Frequency == NanosecondsPerSecond
            ? (long)nanoseconds
            : (long)((UInt128)nanoseconds * (ulong)Stopwatch.Frequency / NanosecondsPerSecond);

    private ulong BitOf(int line)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int index = Array.IndexOf(_lines, line);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, $"Line {line} of {_chip} is not part of this request.");
        }

        return 1UL << index;
    }

    private void Check(int result, string verb, int line)
    {
        if (result < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw GpioErrors.SystemCall($"cannot {verb} line {line} of {_chip}", errno);
        }
    }
}
