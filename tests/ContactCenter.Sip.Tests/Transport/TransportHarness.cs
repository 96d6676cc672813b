using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Sip.Tests.Transport;

/// <summary>A started <see cref="SipTransportLayer"/> whose received messages land in a channel.</summary>
internal sealed class TransportHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Channel<(string Message, SipPeer Peer)> _received = Channel.CreateUnbounded<(string, SipPeer)>();

    private TransportHarness(SipTransportOptions options, TimeProvider time, Action<string>? onMessage, ILoggerFactory? loggers)
    {
        Layer = new SipTransportLayer(
            options,
            (ReadOnlySpan<byte> message, in SipPeer peer) =>
            {
                string text = Encoding.ASCII.GetString(message);
                _received.Writer.TryWrite((text, peer));
                onMessage?.Invoke(text);
            },
            loggers ?? NullLoggerFactory.Instance,
            time);
    }

    public SipTransportLayer Layer { get; }

    public static async Task<TransportHarness> StartAsync(Action<SipTransportOptions>? configure = null, TimeProvider? time = null, Action<string>? onMessage = null, ILoggerFactory? loggers = null, params IPAddress[] addresses)
    {
        var options = new SipTransportOptions { Port = 0 };
        foreach (var address in addresses.Length == 0 ? [IPAddress.Loopback] : addresses)
        {
            options.BindAddresses.Add(address);
        }

        configure?.Invoke(options);
        var harness = new TransportHarness(options, time ?? TimeProvider.System, onMessage, loggers);
        await harness.Layer.StartAsync(CancellationToken.None);
        return harness;
    }

    public IPEndPoint EndPoint(IPAddress address) => new(address, Layer.Port);

    public async Task<(string Message, SipPeer Peer)> NextAsync() =>
        await _received.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    public ValueTask DisposeAsync() => Layer.DisposeAsync();

    public static string Request(string method, int cseq, string body = "") =>
        $"{method} sip:pbx@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK{cseq}\r\nCall-ID: c{cseq}\r\nCSeq: {cseq} {method}\r\nContent-Length: {body.Length}\r\n\r\n{body}";

    public static async Task<Socket> ConnectAsync(IPEndPoint remote)
    {
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(remote).WaitAsync(Timeout);
        return socket;
    }

    public static async Task SendAsync(Socket socket, string text) =>
        await socket.SendAsync(Encoding.ASCII.GetBytes(text).AsMemory()).AsTask().WaitAsync(Timeout);

    public static async Task<string> ReadExactlyAsync(Socket socket, int length)
    {
        var buffer = new byte[length];
        int read = 0;
        while (read < length)
        {
            int n = await socket.ReceiveAsync(buffer.AsMemory(read)).AsTask().WaitAsync(Timeout);
            if (n == 0)
            {
                throw new InvalidOperationException($"closed after {read} of {length} bytes");
            }

            read += n;
        }

        return Encoding.ASCII.GetString(buffer);
    }

    /// <summary>Completes when the server closed or reset the connection; fails after <see cref="Timeout"/>.</summary>
    public static async Task AssertClosedByServerAsync(Socket socket)
    {
        var buffer = new byte[4096];
        try
        {
            while (await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(Timeout) > 0)
            {
            }
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
        }
    }
}
