using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Tests.Fakes;
using ContactCenter.Sip.Transport;
using Xunit;

namespace ContactCenter.Sip.Tests.Transport;

[Trait("Category", "Integration")]
public class SipTransportTcpTests
{
    private const string Ok = "SIP/2.0 200 OK\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

    [Fact]
    public async Task Tcp_Request_IsReceived_AndAnsweredOverTheSameConnection()
    {
        await using var server = await TransportHarness.StartAsync();
        using var client = await TransportHarness.ConnectAsync(server.EndPoint(IPAddress.Loopback));

        string request = TransportHarness.Request("MESSAGE", 1, "hello");
        await TransportHarness.SendAsync(client, request);
        var (message, peer) = await server.NextAsync();
        Assert.Equal(request, message);
        Assert.Equal(SipTransportProtocol.Tcp, peer.Protocol);
        Assert.Equal(client.LocalEndPoint, peer.Remote);
        Assert.NotEqual(0, peer.ConnectionId);

        Assert.True(await server.Layer.SendAsync(SipTransportProtocol.Tcp, peer.Remote, Encoding.ASCII.GetBytes(Ok), peer.ConnectionId));
        Assert.Equal(Ok, await TransportHarness.ReadExactlyAsync(client, Ok.Length));
        Assert.Equal(1, server.Layer.ConnectionCount);
    }

    [Fact]
    public async Task Tcp_MessagesCoalescedAndSplitAcrossWrites_AreFramedOneByOne()
    {
        await using var server = await TransportHarness.StartAsync();
        using var client = await TransportHarness.ConnectAsync(server.EndPoint(IPAddress.Loopback));
        string first = TransportHarness.Request("MESSAGE", 1, "one");
        string second = TransportHarness.Request("MESSAGE", 2, "two");
        string third = TransportHarness.Request("MESSAGE", 3, "three");

        await TransportHarness.SendAsync(client, "\r\n" + first + second + third[..20]);
        Assert.Equal(first, (await server.NextAsync()).Message);
        Assert.Equal(second, (await server.NextAsync()).Message);
        await TransportHarness.SendAsync(client, third[20..]);
        Assert.Equal(third, (await server.NextAsync()).Message);
    }

    [Fact]
    public async Task SendAsync_ToAPeerWithoutConnection_OpensOne_WhichAlsoReceives_AndIsReused()
    {
        await using var server = await TransportHarness.StartAsync();
        using var peerListener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        peerListener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peerListener.Listen();
        var peerEndPoint = (IPEndPoint)peerListener.LocalEndPoint!;

        string request = TransportHarness.Request("OPTIONS", 7);
        Assert.True(await server.Layer.SendAsync(SipTransportProtocol.Tcp, peerEndPoint, Encoding.ASCII.GetBytes(request)));
        using var accepted = await peerListener.AcceptAsync().WaitAsync(TransportHarness.Timeout);
        Assert.Equal(request, await TransportHarness.ReadExactlyAsync(accepted, request.Length));

        await TransportHarness.SendAsync(accepted, Ok);
        var (message, peer) = await server.NextAsync();
        Assert.Equal(Ok, message);
        Assert.Equal(peerEndPoint, peer.Remote);
        Assert.NotEqual(0, peer.ConnectionId);

        // A second send to the same destination reuses the open connection (RFC 3261 §18.1.1).
        Assert.True(await server.Layer.SendAsync(SipTransportProtocol.Tcp, peerEndPoint, Encoding.ASCII.GetBytes(request)));
        Assert.Equal(request, await TransportHarness.ReadExactlyAsync(accepted, request.Length));
        Assert.Equal(1, server.Layer.ConnectionCount);
    }

    [Fact]
    public async Task SendAsync_ToAClosedTcpPort_ReturnsFalse()
    {
        await using var server = await TransportHarness.StartAsync();
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var deadEnd = (IPEndPoint)closed.LocalEndPoint!;
        closed.Close();

        Assert.False(await server.Layer.SendAsync(SipTransportProtocol.Tcp, deadEnd, Encoding.ASCII.GetBytes(Ok)));
    }

    [Fact]
    public async Task DoubleCrlfPing_IsAnsweredWithASingleCrlfPong()
    {
        await using var server = await TransportHarness.StartAsync();
        using var client = await TransportHarness.ConnectAsync(server.EndPoint(IPAddress.Loopback));

        await TransportHarness.SendAsync(client, "\r\n\r\n");
        Assert.Equal("\r\n", await TransportHarness.ReadExactlyAsync(client, 2));

        // The connection still carries messages afterwards.
        string request = TransportHarness.Request("OPTIONS", 2);
        await TransportHarness.SendAsync(client, request);
        Assert.Equal(request, (await server.NextAsync()).Message);
    }

    [Fact]
    public async Task ConnectionsBeyondThePerSourceBound_AreClosedAtOnce()
    {
        await using var server = await TransportHarness.StartAsync(o => o.MaxConnectionsPerSource = 2);
        var target = server.EndPoint(IPAddress.Loopback);
        using var first = await TransportHarness.ConnectAsync(target);
        using var second = await TransportHarness.ConnectAsync(target);
        try
        {
            using var third = await TransportHarness.ConnectAsync(target);
            await TransportHarness.AssertClosedByServerAsync(third);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            // The reset can overtake the completion of the connect itself.
        }

        long firstId = 0;
        foreach (var (client, cseq) in new[] { (first, 1), (second, 2) })
        {
            string request = TransportHarness.Request("OPTIONS", cseq);
            await TransportHarness.SendAsync(client, request);
            var (message, peer) = await server.NextAsync();
            Assert.Equal(request, message);
            Assert.True(peer.ConnectionId > firstId);
            firstId = peer.ConnectionId;
        }

        Assert.Equal(2, server.Layer.ConnectionCount);
    }

    [Fact]
    public async Task SlowClientTricklingAnEndlessHeader_IsClosed_BeforeTheBufferBound()
    {
        await using var server = await TransportHarness.StartAsync(o =>
        {
            o.MaxMessageSize = 1024;
            o.MaxBufferedBytesPerConnection = 1024;
        });
        using var client = await TransportHarness.ConnectAsync(server.EndPoint(IPAddress.Loopback));

        await TransportHarness.SendAsync(client, "INVITE sip:a@b SIP/2.0\r\nX-Padding: ");
        try
        {
            for (int i = 0; i < 40; i++)
            {
                await TransportHarness.SendAsync(client, new string('a', 64));
            }
        }
        catch (SocketException)
        {
            // Already closed by the server: that is the point.
        }

        await TransportHarness.AssertClosedByServerAsync(client);
    }

    [Theory]
    [InlineData("OPTIONS sip:a SIP/2.0\r\nCall-ID: x\r\n\r\n")]
    [InlineData("OPTIONS sip:a SIP/2.0\r\nContent-Length: -3\r\n\r\n")]
    [InlineData("OPTIONS sip:a SIP/2.0\r\nContent-Length: 100000\r\n\r\n")]
    public async Task StreamThatCannotBeFramed_IsClosed_WithoutReachingTheHandler(string input)
    {
        await using var server = await TransportHarness.StartAsync();
        using var client = await TransportHarness.ConnectAsync(server.EndPoint(IPAddress.Loopback));
        await TransportHarness.SendAsync(client, input);
        await TransportHarness.AssertClosedByServerAsync(client);

        // Nothing was delivered: the next message on a fresh connection is the first one the handler sees.
        using var good = await TransportHarness.ConnectAsync(server.EndPoint(IPAddress.Loopback));
        string request = TransportHarness.Request("OPTIONS", 9);
        await TransportHarness.SendAsync(good, request);
        Assert.Equal(request, (await server.NextAsync()).Message);
    }

    [Fact]
    public async Task IdleConnection_IsClosed_AfterTheIdleTimeout_OnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        await using var server = await TransportHarness.StartAsync(o => o.TcpIdleTimeout = TimeSpan.FromSeconds(30), time);
        using var client = await TransportHarness.ConnectAsync(server.EndPoint(IPAddress.Loopback));

        await TransportHarness.SendAsync(client, TransportHarness.Request("OPTIONS", 1));
        await server.NextAsync();
        time.Advance(TimeSpan.FromSeconds(20));

        // Traffic moves the deadline.
        await TransportHarness.SendAsync(client, TransportHarness.Request("OPTIONS", 2));
        await server.NextAsync();
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, server.Layer.ConnectionCount);

        time.Advance(TimeSpan.FromSeconds(11));
        await TransportHarness.AssertClosedByServerAsync(client);
    }

    [Fact]
    public async Task Tcp_HandlerThrowing_DoesNotCloseTheConnection()
    {
        int calls = 0;
        await using var server = await TransportHarness.StartAsync(onMessage: _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("handler bug");
            }
        });
        using var client = await TransportHarness.ConnectAsync(server.EndPoint(IPAddress.Loopback));

        await TransportHarness.SendAsync(client, TransportHarness.Request("OPTIONS", 1) + TransportHarness.Request("OPTIONS", 2));
        Assert.Contains("CSeq: 1 ", (await server.NextAsync()).Message);
        Assert.Contains("CSeq: 2 ", (await server.NextAsync()).Message);
    }

    [Fact]
    public async Task StopAsync_ClosesConnections_AndRefusesFurtherSends()
    {
        var server = await TransportHarness.StartAsync();
        using var client = await TransportHarness.ConnectAsync(server.EndPoint(IPAddress.Loopback));
        await TransportHarness.SendAsync(client, TransportHarness.Request("OPTIONS", 1));
        var (_, peer) = await server.NextAsync();

        await server.Layer.StopAsync().WaitAsync(TransportHarness.Timeout);
        await TransportHarness.AssertClosedByServerAsync(client);
        Assert.Equal(0, server.Layer.ConnectionCount);
        Assert.False(await server.Layer.SendAsync(SipTransportProtocol.Tcp, peer.Remote, Encoding.ASCII.GetBytes(Ok), peer.ConnectionId));
        await server.DisposeAsync();
    }
}
