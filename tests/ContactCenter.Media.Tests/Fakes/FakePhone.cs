using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Tests.Fakes;

/// <summary>
/// A phone's media end on loopback: an RTP and an RTCP socket on ephemeral ports. Receives block with a bounded
/// timeout (a missing packet fails the test after seconds, never hangs it).
/// </summary>
internal sealed class FakePhone : IDisposable
{
    public static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(10);

    public FakePhone()
    {
        Rtp = Open();
        Rtcp = Open();
    }

    public Socket Rtp { get; }

    public Socket Rtcp { get; }

    public IPEndPoint RtpEndPoint => (IPEndPoint)Rtp.LocalEndPoint!;

    public IPEndPoint RtcpEndPoint => (IPEndPoint)Rtcp.LocalEndPoint!;

    public static byte[] RtpPacket(ushort sequence, uint ssrc, byte payloadType = 0, int payloadSize = 160, bool marker = false)
    {
        var packet = new byte[RtpHeaderSize + payloadSize];
        packet[0] = 0x80;
        packet[1] = (byte)((marker ? 0x80 : 0) | payloadType);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), sequence * 160u);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        for (int i = RtpHeaderSize; i < packet.Length; i++)
        {
            packet[i] = (byte)(i ^ sequence);
        }

        return packet;
    }

    /// <summary>An empty RTCP receiver report (RFC 3550 §6.4.2) from <paramref name="ssrc"/>.</summary>
    public static byte[] RtcpReceiverReport(uint ssrc)
    {
        var packet = new byte[8];
        packet[0] = 0x80;
        packet[1] = 201;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), ssrc);
        return packet;
    }

    public static ushort Sequence(byte[] packet) => BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(2));

    public static uint Ssrc(byte[] packet) => BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(8));

    public void SendRtp(IPEndPoint to, byte[] packet) => Rtp.SendTo(packet, to);

    public void SendRtcp(IPEndPoint to, byte[] packet) => Rtcp.SendTo(packet, to);

    public (byte[] Packet, IPEndPoint From) ReceiveRtp() => Receive(Rtp);

    public (byte[] Packet, IPEndPoint From) ReceiveRtcp() => Receive(Rtcp);

    public void Dispose()
    {
        Rtp.Dispose();
        Rtcp.Dispose();
    }

    internal static Socket Open()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.ReceiveTimeout = (int)ReceiveTimeout.TotalMilliseconds;
        return socket;
    }

    private static (byte[] Packet, IPEndPoint From) Receive(Socket socket)
    {
        var buffer = new byte[2048];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        int received = socket.ReceiveFrom(buffer, ref from);
        return (buffer[..received], (IPEndPoint)from);
    }

    private const int RtpHeaderSize = 12;
}
