using System.Runtime.InteropServices;
using System.Text;
using ContactCenter.Board.Gpio.Native;

namespace ContactCenter.Board.Gpio;

/// <summary>
/// One GPIO chip through the Linux character device, uAPI v2 (<c>/dev/gpiochipN</c>, linux/gpio.h): its info, its
/// lines' info, and line requests.
/// </summary>
public sealed class GpioChip : IDisposable
{
    private readonly int _fd;
    private bool _disposed;

    private GpioChip(int fd, string path, string name, string label, int lineCount)
    {
        _fd = fd;
        Path = path;
        Name = name;
        Label = label;
        LineCount = lineCount;
    }

    /// <summary>The device path it was opened from.</summary>
    public string Path { get; }

    /// <summary>The kernel's name for it (<c>gpiochip0</c>), used in error messages.</summary>
    public string Name { get; }

    /// <summary>The driver's label (<c>pinctrl-bcm2711</c>, <c>gpio-sim.0-node0</c>).</summary>
    public string Label { get; }

    /// <summary>How many lines it has.</summary>
    public int LineCount { get; }

    /// <summary>Opens the chip and reads its info (<c>GPIO_GET_CHIPINFO_IOCTL</c>).</summary>
    /// <param name="path">The device, e.g. <c>/dev/gpiochip0</c>.</param>
    /// <exception cref="GpioException">The device cannot be opened or is not a GPIO chip.</exception>
    public static unsafe GpioChip Open(string path)
    {
        int fd = LibC.Open(path, LibC.OpenReadWrite | LibC.OpenCloseOnExec);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw GpioErrors.SystemCall($"cannot open {path}", errno);
        }

        GpioChipInfo info = default;
        if (LibC.Ioctl(fd, GpioUapi.GetChipInfoIoctl, &info) < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            LibC.Close(fd);
            throw GpioErrors.SystemCall($"{path} is not a GPIO chip", errno);
        }

        return new GpioChip(fd, path, CString(new ReadOnlySpan<byte>(info.Name, GpioUapi.MaxNameSize)),
            CString(new ReadOnlySpan<byte>(info.Label, GpioUapi.MaxNameSize)), (int)info.Lines);
    }

    /// <summary>Reads one line's info (<c>GPIO_V2_GET_LINEINFO_IOCTL</c>).</summary>
    /// <exception cref="GpioException">The kernel refused (e.g. no such line).</exception>
    public unsafe GpioLineInfo GetLineInfo(int line)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        GpioV2LineInfo info = default;
        info.Offset = checked((uint)line);
        if (LibC.Ioctl(_fd, GpioUapi.GetLineInfoIoctl, &info) < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw GpioErrors.SystemCall($"cannot read line {line} of {Name}", errno);
        }

        TimeSpan debounce = TimeSpan.Zero;
        for (int i = 0; i < (int)info.NumAttributes; i++)
        {
            if (info.Attributes[i].Id == GpioV2LineAttributeId.Debounce)
            {
                debounce = TimeSpan.FromMicroseconds(info.Attributes[i].DebouncePeriodMicroseconds);
            }
        }

        return new GpioLineInfo(
            line,
            CString(new ReadOnlySpan<byte>(info.Name, GpioUapi.MaxNameSize)),
            CString(new ReadOnlySpan<byte>(info.Consumer, GpioUapi.MaxNameSize)),
            (info.Flags & GpioV2LineFlags.Used) != 0,
            (info.Flags & GpioV2LineFlags.Output) != 0 ? GpioDirection.Output : GpioDirection.Input,
            (info.Flags & GpioV2LineFlags.ActiveLow) != 0,
            debounce);
    }

    /// <summary>Finds a line by the name the chip gives it (device tree <c>gpio-line-names</c>, gpio-sim names).</summary>
    /// <returns>Its offset, or -1 when no line has that name.</returns>
    public int FindLine(string name)
    {
        for (int line = 0; line < LineCount; line++)
        {
            if (GetLineInfo(line).Name == name)
            {
                return line;
            }
        }

        return -1;
    }

    /// <summary>Requests lines (<c>GPIO_V2_GET_LINE_IOCTL</c>); they stay held until the request is disposed.</summary>
    /// <param name="consumer">Who holds them, as line info will show.</param>
    /// <param name="lines">The lines and their settings (1 to 64).</param>
    /// <exception cref="GpioException">
    /// The kernel refused; a busy line is named with its holder ("line 17 of gpiochip0 is busy (used by …)").
    /// </exception>
    public unsafe GpioLineRequest RequestLines(string consumer, ReadOnlySpan<GpioLineSettings> lines)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        GpioV2LineRequest request = LineRequestBuilder.Build(consumer, lines);
        if (LibC.Ioctl(_fd, GpioUapi.GetLineIoctl, &request) < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw RequestFailure(errno, lines);
        }

        return new GpioLineRequest(request.Fd, Name, lines);
    }

    /// <summary>Closes the chip; granted requests stay valid.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            LibC.Close(_fd);
        }
    }

    /// <summary>The text of a NUL-terminated char array of the uAPI.</summary>
    internal static string CString(ReadOnlySpan<byte> chars)
    {
        int end = chars.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? chars : chars[..end]);
    }

    private GpioException RequestFailure(int errno, ReadOnlySpan<GpioLineSettings> lines)
    {
        const int Busy = 16; // EBUSY
        if (errno == Busy)
        {
            foreach (GpioLineSettings line in lines)
            {
                GpioLineInfo info = GetLineInfo(line.Line);
                if (info.Used)
                {
                    return new GpioException(GpioErrors.Busy(Name, line.Line, info.Consumer), errno);
                }
            }
        }

        return GpioErrors.SystemCall(GpioErrors.RequestRefused(Name, lines), errno);
    }
}
