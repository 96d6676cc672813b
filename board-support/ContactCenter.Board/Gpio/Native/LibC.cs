using System.Runtime.InteropServices;

namespace ContactCenter.Board.Gpio.Native;

/// <summary>
/// The few libc calls the GPIO character device needs. Each sets errno, read back with
/// <see cref="Marshal.GetLastPInvokeError"/>. <c>ioctl</c> is variadic in C; its third argument is a pointer, passed
/// in a register like a fixed argument on x86_64 and on arm64 Linux (AAPCS64, unlike Apple's variant).
/// </summary>
internal static unsafe partial class LibC
{
    private const string Library = "libc";

    /// <summary><c>O_RDWR</c>.</summary>
    public const int OpenReadWrite = 2;

    /// <summary><c>O_CLOEXEC</c> (asm-generic/fcntl.h; the same on x86_64 and arm64).</summary>
    public const int OpenCloseOnExec = 0x80000;

    /// <summary><c>EFD_CLOEXEC</c> (= O_CLOEXEC).</summary>
    public const int EventFdCloseOnExec = 0x80000;

    /// <summary><c>POLLIN</c>.</summary>
    public const short PollIn = 0x1;

    /// <summary><c>EINTR</c>.</summary>
    public const int Interrupted = 4;

    /// <summary><c>open(2)</c>.</summary>
    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    /// <summary><c>close(2)</c>.</summary>
    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary><c>ioctl(2)</c> with a pointer argument.</summary>
    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, void* argument);

    /// <summary><c>read(2)</c>.</summary>
    [LibraryImport(Library, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, void* buffer, nuint count);

    /// <summary><c>write(2)</c>.</summary>
    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, void* buffer, nuint count);

    /// <summary><c>poll(2)</c>.</summary>
    [LibraryImport(Library, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    /// <summary><c>eventfd(2)</c>: the wake-up that ends a blocked <see cref="Poll"/> when its owner stops.</summary>
    [LibraryImport(Library, EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initialValue, int flags);

    /// <summary><c>struct pollfd</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        /// <summary>The descriptor.</summary>
        public int Fd;

        /// <summary>Events asked for.</summary>
        public short Events;

        /// <summary>Events that happened.</summary>
        public short ReturnedEvents;
    }
}
