using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Tests.Fakes;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace ContactCenter.Sip.Tests;

/// <summary>The SIP core on the real transport layer, loopback sockets, system clock.</summary>
[Trait("Category", "Integration")]
public sealed class SipStackOverSocketsTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private SipStack _stack = null!;
    private SipTransportLayer _transport = null!;

    public async Task InitializeAsync()
    {
        _stack = new SipStack(new SipStackOptions(), NullLoggerFactory.Instance, TimeProvider.System);
        var options = new SipTransportOptions { Port = 0 };
        options.BindAddresses.Add(IPAddress.Loopback);
        options.BindAddresses.Add(IPAddress.IPv6Loopback);
        _transport = new SipTransportLayer(options, _stack.Receive, NullLoggerFactory.Instance, TimeProvider.System);
        await _transport.StartAsync(CancellationToken.None);
        _stack.Start(_transport);
    }

    public async Task DisposeAsync()
    {
        await _stack.DisposeAsync();
        await _transport.DisposeAsync();
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Options_OverUdp_Gets200(string address)
    {
        var ip = IPAddress.Parse(address);
        using var peer = new UdpClient(new IPEndPoint(ip, 0));
        var host = ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address;
        var request = SipTestMessages.Request("OPTIONS", via: $"SIP/2.0/UDP {host}:{((IPEndPoint)peer.Client.LocalEndPoint!).Port};rport", uri: $"sip:pbx@{host}").ReplaceLineEndings("\r\n");
        await peer.SendAsync(Encoding.UTF8.GetBytes(request), new IPEndPoint(ip, _transport.Port));
        var datagram = await peer.ReceiveAsync().WaitAsync(Timeout);
        using var response = Parse(datagram.Buffer);
        Assert.Equal(200, response.StatusCode);
        Assert.Contains("OPTIONS", response.GetHeader(SipHeaderId.Allow));
    }

    [Fact]
    public async Task Options_OverTcp_IsAnsweredOnTheSameConnection()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _transport.Port)).WaitAsync(Timeout);
        var request = SipTestMessages.Request("OPTIONS", via: "SIP/2.0/TCP 127.0.0.1:9").ReplaceLineEndings("\r\n");
        await socket.SendAsync(Encoding.UTF8.GetBytes(request)).WaitAsync(Timeout);
        using var response = Parse(await ReadOneMessageAsync(socket));
        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task RequestFromTheStack_ReachesAUdpPeer_AndItsAnswerCompletesTheTransaction()
    {
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var peerEndPoint = (IPEndPoint)peer.Client.LocalEndPoint!;
        var tx = _stack.SendRequest(StackHarness.NewRequest(SipMethod.Options, $"sip:bob@127.0.0.1:{peerEndPoint.Port}"), new SipDestination(SipTransportProtocol.Udp, peerEndPoint));
        var datagram = await peer.ReceiveAsync().WaitAsync(Timeout);
        using var request = Parse(datagram.Buffer);
        Assert.Equal("127.0.0.1", request.TopVia.Host);
        Assert.Equal(_transport.Port, request.TopVia.Port);
        var answer = Encoding.UTF8.GetBytes(SipTestMessages.ResponseTo(request, 200).ReplaceLineEndings("\r\n"));
        await peer.SendAsync(answer, datagram.RemoteEndPoint);
        Assert.Equal(200, (await tx.FinalResponse.WaitAsync(Timeout)).StatusCode);
    }

    private static SipMessage Parse(byte[] bytes)
    {
        var result = SipMessageParser.TryParse(bytes, out var message);
        Assert.True(result.IsOk, result.Reason);
        return message!;
    }

    private static async Task<byte[]> ReadOneMessageAsync(Socket socket)
    {
        var buffer = new byte[8192];
        var length = 0;
        while (true)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(length)).AsTask().WaitAsync(Timeout);
            Assert.NotEqual(0, n);
            length += n;
            var text = Encoding.UTF8.GetString(buffer, 0, length);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0 && text.Contains("Content-Length: 0", StringComparison.Ordinal))
            {
                return buffer[..(end + 4)];
            }
        }
    }
}
