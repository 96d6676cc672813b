using System.Runtime.InteropServices;
using System.Threading.Channels;
using ContactCenter.Board.Gpio.Native;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Board.Gpio;

/// <summary>
/// The front panel's lines on one GPIO chip through the Linux character device: one request holds every line, a
/// dedicated thread blocks in <c>poll(2)</c> on it and posts the edges to <see cref="Edges"/>. Edge timestamps are
/// the kernel's, on the clock of <see cref="TimeProvider.System"/>.
/// </summary>
public sealed class ChardevGpioLines : IGpioLines
{
    private readonly GpioChip _chip;
    private readonly GpioLineRequest _request;
    private readonly HashSet<int> _outputs = [];
    private readonly Channel<GpioEdge> _edges = Channel.CreateUnbounded<GpioEdge>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly ILogger _logger;
    private readonly int _wakeFd = -1;
    private readonly Thread? _reader;
    private bool _disposed;

    private ChardevGpioLines(GpioChip chip, GpioLineRequest request, IReadOnlyList<GpioLineSettings> lines, ILogger logger)
    {
        _chip = chip;
        _request = request;
        _logger = logger;
        bool anyEdges = false;
        foreach (GpioLineSettings line in lines)
        {
            if (line.Direction == GpioDirection.Output)
            {
                _outputs.Add(line.Line);
            }
            else
            {
                anyEdges |= line.Edges != GpioEdgeDetection.None;
            }
        }

        if (!anyEdges)
        {
            _edges.Writer.Complete();
            return;
        }

        _wakeFd = LibC.EventFd(0, LibC.EventFdCloseOnExec);
        if (_wakeFd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw GpioErrors.SystemCall($"cannot create the wake-up eventfd for {chip.Name}", errno);
        }

        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"gpio-edges {chip.Name}" };
        _reader.Start();
    }

    /// <inheritdoc/>
    public ChannelReader<GpioEdge> Edges => _edges.Reader;

    /// <summary>Opens the chip and requests the lines.</summary>
    /// <param name="chipPath">The chip's device, e.g. <c>/dev/gpiochip0</c>.</param>
    /// <param name="lines">Every line of the panel with its settings.</param>
    /// <param name="consumer">Who holds the lines, as line info shows.</param>
    /// <param name="logger">Where the backend logs.</param>
    /// <exception cref="GpioException">The chip cannot be opened or a line cannot be had (the message says which).</exception>
    public static ChardevGpioLines Open(string chipPath, IReadOnlyList<GpioLineSettings> lines, string consumer, ILogger<ChardevGpioLines> logger)
    {
        ArgumentNullException.ThrowIfNull(lines);
        GpioChip chip = GpioChip.Open(chipPath);
        GpioLineRequest? request = null;
        try
        {
            request = chip.RequestLines(consumer, lines.ToArray());
            GpioLog.LinesRequested(logger, string.Join(", ", lines.Select(l => l.Line)), chip.Name, chip.Label, consumer);
            return new ChardevGpioLines(chip, request, lines, logger);
        }
        catch
        {
            request?.Dispose();
            chip.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void SetOutput(int line, bool high)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_outputs.Contains(line))
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, $"Line {line} of {_chip.Name} is not an output of this panel.");
        }

        _request.SetValue(line, high);
    }

    /// <summary>Reads an output back from the kernel (what the line is driven to).</summary>
    public bool GetOutput(int line)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _request.GetValue(line);
    }

    /// <summary>Stops the edge thread, releases the lines and closes the chip.</summary>
    public unsafe void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_reader is not null)
        {
            ulong one = 1;
            LibC.Write(_wakeFd, &one, sizeof(ulong));
            _reader.Join();
            LibC.Close(_wakeFd);
        }

        _request.Dispose();
        _chip.Dispose();
    }

    private unsafe void ReadLoop()
    {
        Span<GpioEdge> edges = stackalloc GpioEdge[16];
        LibC.PollFd* fds = stackalloc LibC.PollFd[2];
        fds[0] = new LibC.PollFd { Fd = _request.Fd, Events = LibC.PollIn };
        fds[1] = new LibC.PollFd { Fd = _wakeFd, Events = LibC.PollIn };
        try
        {
            while (true)
            {
                fds[0].ReturnedEvents = 0;
                fds[1].ReturnedEvents = 0;
                if (LibC.Poll(fds, 2, -1) < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == LibC.Interrupted)
                    {
                        continue;
                    }

                    throw GpioErrors.SystemCall($"cannot wait for edge events of {_chip.Name}", errno);
                }

                if (fds[1].ReturnedEvents != 0)
                {
                    break;
                }

                if (fds[0].ReturnedEvents != 0)
                {
                    int count = _request.ReadEdges(edges);
                    for (int i = 0; i < count; i++)
                    {
                        _edges.Writer.TryWrite(edges[i]);
                    }
                }
            }

            _edges.Writer.TryComplete();
        }
        catch (GpioException e)
        {
            // A descriptor that fails once fails again: end the stream with the error so the key engine sees the fault
            // (a health-check failure) instead of spinning here.
            GpioLog.EdgeReadFailed(_logger, _chip.Name, e);
            _edges.Writer.TryComplete(e);
        }
    }
}
