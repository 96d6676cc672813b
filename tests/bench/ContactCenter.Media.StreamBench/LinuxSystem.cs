using System.Runtime.InteropServices;

namespace ContactCenter.Media.StreamBench;

/// <summary>
/// The few Linux calls the bench needs and .NET does not offer: a thread's own CPU clock (to charge the media clock
/// thread alone) and <c>recvmsg</c> with its control messages (to read the kernel's receive timestamp of a datagram).
/// Layouts are those of LP64 Linux (x64, arm64).
/// </summary>
internal static unsafe partial class LinuxSystem
{
    public const int SolSocket = 1;

    /// <summary>SO_TIMESTAMPNS, also the control message type (SCM_TIMESTAMPNS) carrying a struct timespec.</summary>
    public const int SoTimestampNs = 35;

    public const int ErrorTryAgain = 11;
    public const int ErrorInterrupted = 4;

    private const int ClockThreadCpuTime = 3;

    /// <summary>CPU time consumed by the calling thread, user and system, in nanoseconds.</summary>
    public static long ThreadCpuNanoseconds()
    {
        TimeSpec now;
        if (ClockGetTime(ClockThreadCpuTime, &now) != 0)
        {
            throw new InvalidOperationException($"clock_gettime failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return (now.Seconds * 1_000_000_000) + now.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int ClockGetTime(int clock, TimeSpec* time);

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    public static partial nint ReceiveMessage(int socket, MessageHeader* message, int flags);

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVector
    {
        public byte* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MessageHeader
    {
        public byte* Name;
        public uint NameLength;
        public IoVector* Vectors;
        public nuint VectorCount;
        public byte* Control;
        public nuint ControlLength;
        public int Flags;
    }

    /// <summary>struct cmsghdr: length, level, type; the data follows at <see cref="DataOffset"/>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ControlMessageHeader
    {
        public nuint Length;
        public int Level;
        public int Type;

        public static int DataOffset => sizeof(ControlMessageHeader);

        /// <summary>CMSG_ALIGN: control messages start on pointer-size boundaries.</summary>
        public static int Align(int length) => (length + sizeof(nuint) - 1) & ~(sizeof(nuint) - 1);
    }
}
