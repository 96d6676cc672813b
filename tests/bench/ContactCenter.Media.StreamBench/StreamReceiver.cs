using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ContactCenter.Media.StreamBench;

/// <summary>
/// The far end of every stream: one loopback UDP socket that all endpoints send RTP and RTCP to, read by one thread
/// with <c>recvmsg</c>. Each datagram is timestamped twice: by the kernel when it was queued to the socket
/// (SO_TIMESTAMPNS; on loopback that happens inside the sender's <c>sendto</c>, so it is the send time) and by
/// <see cref="Stopwatch"/> when this thread got it (which adds the receiver's own scheduling delay). Streams are told
/// apart by their source port. Nothing is allocated per datagram.
/// </summary>
internal sealed unsafe class StreamReceiver : IDisposable
{
    private const int ReceiveBufferBytes = 4 * 1024 * 1024;
    private const int DatagramBytes = 2048;
    private const int ControlBytes = 256;
    private const int AddressBytes = 32;

    private readonly Socket _socket;
    private readonly int _descriptor;
    private readonly int[] _streamByPort = new int[65536];
    private readonly ReceivedStream[] _streams;
    private readonly double _nanosecondsPerTick = 1e9 / Stopwatch.Frequency;
    private int _streamCount;
    private volatile bool _recording;
    private volatile bool _stopping;

    public StreamReceiver(int maxStreams)
    {
        _streams = new ReceivedStream[maxStreams];
        for (int i = 0; i < maxStreams; i++)
        {
            _streams[i] = new ReceivedStream();
        }

        Array.Fill(_streamByPort, -1);
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
        {
            // A tick sends every stream's packet back to back: the burst must fit while this thread catches up.
            ReceiveBufferSize = ReceiveBufferBytes,
            ReceiveTimeout = 200,
        };
        _socket.SetRawSocketOption(LinuxSystem.SolSocket, LinuxSystem.SoTimestampNs, BitConverter.GetBytes(1));
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _descriptor = (int)_socket.Handle;
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public ReadOnlySpan<ReceivedStream> Streams => _streams.AsSpan(0, _streamCount);

    /// <summary>RTCP compound packets received while recording.</summary>
    public long RtcpPackets { get; private set; }

    /// <summary>RTP packets without a kernel timestamp, or from more senders than expected, while recording.</summary>
    public long Unattributed { get; private set; }

    public void StartRecording() => _recording = true;

    public void Stop() => _stopping = true;

    /// <summary>Receives until <see cref="Stop"/>; run it on a dedicated thread.</summary>
    public void Run()
    {
        byte* data = stackalloc byte[DatagramBytes];
        byte* address = stackalloc byte[AddressBytes];
        byte* control = stackalloc byte[ControlBytes];
        var vector = new LinuxSystem.IoVector { Base = data, Length = DatagramBytes };
        while (!_stopping)
        {
            var message = new LinuxSystem.MessageHeader
            {
                Name = address,
                NameLength = AddressBytes,
                Vectors = &vector,
                VectorCount = 1,
                Control = control,
                ControlLength = ControlBytes,
            };
            nint length = LinuxSystem.ReceiveMessage(_descriptor, &message, 0);
            long user = (long)(Stopwatch.GetTimestamp() * _nanosecondsPerTick);
            if (length < 0)
            {
                int error = Marshal.GetLastPInvokeError();
                if (error == LinuxSystem.ErrorTryAgain)
                {
                    // The receive timeout, or a socket .NET made non-blocking: wait for data, then check for a stop.
                    _socket.Poll(200_000, SelectMode.SelectRead);
                }
                else if (error != LinuxSystem.ErrorInterrupted)
                {
                    throw new InvalidOperationException($"recvmsg failed: errno {error}");
                }

                continue;
            }

            // sockaddr_in: family (2 bytes), then the port in network order.
            int port = (address[2] << 8) | address[3];
            Take(new ReadOnlySpan<byte>(data, (int)length), port, KernelTimestamp(&message), user);
        }
    }

    public void Dispose() => _socket.Dispose();

    private static long KernelTimestamp(LinuxSystem.MessageHeader* message)
    {
        int offset = 0;
        int end = (int)message->ControlLength;
        while (offset + LinuxSystem.ControlMessageHeader.DataOffset <= end)
        {
            var header = (LinuxSystem.ControlMessageHeader*)(message->Control + offset);
            if (header->Level == LinuxSystem.SolSocket && header->Type == LinuxSystem.SoTimestampNs)
            {
                var time = (LinuxSystem.TimeSpec*)(message->Control + offset + LinuxSystem.ControlMessageHeader.DataOffset);
                return (time->Seconds * 1_000_000_000) + time->Nanoseconds;
            }

            if (header->Length == 0)
            {
                break;
            }

            offset += LinuxSystem.ControlMessageHeader.Align((int)header->Length);
        }

        return -1;
    }

    private void Take(ReadOnlySpan<byte> datagram, int port, long kernel, long user)
    {
        bool recording = _recording;
        if (datagram.Length < 12 || datagram[0] >> 6 != 2)
        {
            return;
        }

        // RFC 5761 §4: RTCP packet types 200-204 fall where RTP has its marker bit and payload type.
        if (datagram[1] is >= 200 and <= 204)
        {
            RtcpPackets += recording ? 1 : 0;
            return;
        }

        int index = _streamByPort[port];
        if (index < 0)
        {
            if (_streamCount == _streams.Length)
            {
                Unattributed += recording ? 1 : 0;
                return;
            }

            index = _streamByPort[port] = _streamCount++;
        }

        if (kernel < 0)
        {
            Unattributed += recording ? 1 : 0;
        }

        _streams[index].Add((ushort)((datagram[2] << 8) | datagram[3]), kernel, user, recording);
    }
}
