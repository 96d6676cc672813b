using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Transport;
using Xunit;

namespace ContactCenter.Sip.Tests.Transport;

[Trait("Category", "Integration")]
public class SipTransportUdpTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Udp_RoundTrip_OnLoopback(string loopback)
    {
        var address = IPAddress.Parse(loopback);
        Assert.True(address.AddressFamily != AddressFamily.InterNetworkV6 || Socket.OSSupportsIPv6);
        await using var server = await TransportHarness.StartAsync(addresses: address);
        using var client = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(address, 0));

        string request = TransportHarness.Request("OPTIONS", 1);
        await client.SendToAsync(Encoding.ASCII.GetBytes(request), server.EndPoint(address));

        var (message, peer) = await server.NextAsync();
        Assert.Equal(request, message);
        Assert.Equal(SipTransportProtocol.Udp, peer.Protocol);
        Assert.Equal(client.LocalEndPoint, peer.Remote);
        Assert.Equal(0, peer.ConnectionId);
        Assert.Equal(server.Layer.Port, peer.Local.Port);

        Assert.True(await server.Layer.SendAsync(SipTransportProtocol.Udp, peer.Remote, Encoding.ASCII.GetBytes("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n")));
        var buffer = new byte[2048];
        var result = await client.ReceiveFromAsync(buffer, new IPEndPoint(address, 0)).WaitAsync(TransportHarness.Timeout);
        Assert.StartsWith("SIP/2.0 200 OK", Encoding.ASCII.GetString(buffer, 0, result.ReceivedBytes));
        Assert.Equal(server.EndPoint(address), result.RemoteEndPoint);
    }

    // What the kernel grants this process for the transport's default request (the test's own privileges, as the
    // transport's): SO_RCVBUF reads back the doubled figure the kernel accounts against.
    private static int GrantedReceiveBuffer()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        UdpReceiveBuffer.Enlarge(probe, new SipTransportOptions().UdpReceiveBufferBytes);
        return probe.ReceiveBufferSize;
    }

    [Fact]
    public void ReceiveBuffer_IsEnlarged_ToTheRequest_OrTheKernelsCapWithoutCapNetAdmin()
    {
        var requested = new SipTransportOptions().UdpReceiveBufferBytes;
        var rmemMax = int.Parse(File.ReadAllText("/proc/sys/net/core/rmem_max").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var granted = GrantedReceiveBuffer();
        // socket(7): the kernel doubles the value set; without CAP_NET_ADMIN it caps it at rmem_max first.
        Assert.True(granted >= 2 * Math.Min(requested, rmemMax), $"granted {granted} bytes for a request of {requested} (rmem_max {rmemMax})");
        if (Environment.UserName == "root")
        {
            Assert.True(granted >= 2 * requested, $"granted {granted} bytes for a request of {requested} as root");
        }
    }

    [Fact]
    public async Task Udp_ABurstArrivingWhileTheLoopIsBusy_IsKeptByTheKernel_UpToTheGrantedBuffer()
    {
        // ~300-byte datagrams cost about 1.3 KB each in the kernel's accounting on loopback: 2 KB each keeps a margin.
        // As root that is 3000 datagrams, ten times what Linux's default buffer keeps.
        var burst = Math.Min(3000, GrantedReceiveBuffer() / 2048);
        using var busy = new ManualResetEventSlim();
        using var entered = new SemaphoreSlim(0);
        var received = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await TransportHarness.StartAsync(onMessage: _ =>
        {
            entered.Release();
            busy.Wait();
            if (Interlocked.Increment(ref received) == burst)
            {
                all.TrySetResult();
            }
        });
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var target = server.EndPoint(IPAddress.Loopback);

        await client.SendToAsync(Encoding.ASCII.GetBytes(TransportHarness.Request("OPTIONS", 0)), target);
        Assert.True(await entered.WaitAsync(TransportHarness.Timeout));
        for (var i = 1; i < burst; i++)
        {
            await client.SendToAsync(Encoding.ASCII.GetBytes(TransportHarness.Request("OPTIONS", i)), target);
        }
        busy.Set();

        await all.Task.WaitAsync(TransportHarness.Timeout);
        Assert.Equal(burst, received);
    }

    [Fact]
    public async Task Udp_OversizeDatagram_IsDropped_AndTheLoopKeepsReceiving()
    {
        await using var server = await TransportHarness.StartAsync(o => o.MaxMessageSize = 1024);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var target = server.EndPoint(IPAddress.Loopback);

        await client.SendToAsync(Encoding.ASCII.GetBytes(TransportHarness.Request("MESSAGE", 1, new string('x', 2000))), target);
        string small = TransportHarness.Request("OPTIONS", 2);
        await client.SendToAsync(Encoding.ASCII.GetBytes(small), target);

        Assert.Equal(small, (await server.NextAsync()).Message);
    }

    [Fact]
    public async Task Udp_HandlerThrowing_DoesNotStopTheLoop()
    {
        int calls = 0;
        await using var server = await TransportHarness.StartAsync(onMessage: _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("handler bug");
            }
        });
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var target = server.EndPoint(IPAddress.Loopback);

        await client.SendToAsync(Encoding.ASCII.GetBytes(TransportHarness.Request("OPTIONS", 1)), target);
        await client.SendToAsync(Encoding.ASCII.GetBytes(TransportHarness.Request("OPTIONS", 2)), target);

        Assert.Contains("CSeq: 1 ", (await server.NextAsync()).Message);
        Assert.Contains("CSeq: 2 ", (await server.NextAsync()).Message);
    }

    [Fact]
    public async Task Udp_SendToAClosedPort_DoesNotStopTheLoop()
    {
        await using var server = await TransportHarness.StartAsync();
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var deadEnd = (IPEndPoint)closed.LocalEndPoint!;
        closed.Close();

        // ICMP port unreachable comes back; the receive loop must ignore it.
        Assert.True(await server.Layer.SendAsync(SipTransportProtocol.Udp, deadEnd, Encoding.ASCII.GetBytes("OPTIONS")));
        Assert.True(await server.Layer.SendAsync(SipTransportProtocol.Udp, deadEnd, Encoding.ASCII.GetBytes("OPTIONS")));

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        string request = TransportHarness.Request("OPTIONS", 3);
        await client.SendToAsync(Encoding.ASCII.GetBytes(request), server.EndPoint(IPAddress.Loopback));
        Assert.Equal(request, (await server.NextAsync()).Message);
    }

    [Fact]
    public async Task PortZero_PicksOnePort_ForUdpAndTcp_AndListsTheListeners()
    {
        await using var server = await TransportHarness.StartAsync();
        Assert.NotEqual(0, server.Layer.Port);
        Assert.Equal(
            new[] { new SipTransportListener(SipTransportProtocol.Tcp, server.EndPoint(IPAddress.Loopback)), new SipTransportListener(SipTransportProtocol.Udp, server.EndPoint(IPAddress.Loopback)) },
            server.Layer.Listeners);
    }

    [Fact]
    public async Task NoBindAddress_ListensOnIPv4AndIPv6_AndMapsIPv4MappedDestinations()
    {
        await using var server = await TransportHarness.StartAsync(o => o.BindAddresses.Clear(), addresses: []);
        Assert.Equal(4, server.Layer.Listeners.Count);
        Assert.Contains(server.Layer.Listeners, l => l.Protocol == SipTransportProtocol.Udp && l.LocalEndPoint.Address.Equals(IPAddress.IPv6Any));
        Assert.Contains(server.Layer.Listeners, l => l.Protocol == SipTransportProtocol.Udp && l.LocalEndPoint.Address.Equals(IPAddress.Any));

        foreach (var address in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback })
        {
            using var client = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            client.Bind(new IPEndPoint(address, 0));
            string request = TransportHarness.Request("OPTIONS", address.AddressFamily == AddressFamily.InterNetwork ? 4 : 6);
            await client.SendToAsync(Encoding.ASCII.GetBytes(request), server.EndPoint(address));
            var (message, peer) = await server.NextAsync();
            Assert.Equal(request, message);
            Assert.Equal(client.LocalEndPoint, peer.Remote);

            if (address.AddressFamily == AddressFamily.InterNetwork)
            {
                var mapped = new IPEndPoint(peer.Remote.Address.MapToIPv6(), peer.Remote.Port);
                Assert.True(await server.Layer.SendAsync(SipTransportProtocol.Udp, mapped, Encoding.ASCII.GetBytes("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n")));
                var buffer = new byte[1024];
                var result = await client.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0)).WaitAsync(TransportHarness.Timeout);
                Assert.StartsWith("SIP/2.0 200 OK", Encoding.ASCII.GetString(buffer, 0, result.ReceivedBytes));
            }
        }
    }

    [Theory]
    [InlineData(SocketType.Dgram, ProtocolType.Udp, "udp")]
    [InlineData(SocketType.Stream, ProtocolType.Tcp, "tcp")]
    public async Task PortInUse_ThrowsBindException_NamingProtocolAddressAndPort(SocketType type, ProtocolType protocol, string name)
    {
        using var squatter = new Socket(AddressFamily.InterNetwork, type, protocol);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        if (type == SocketType.Stream)
        {
            squatter.Listen();
        }

        int port = ((IPEndPoint)squatter.LocalEndPoint!).Port;
        var options = new SipTransportOptions { Port = port };
        options.BindAddresses.Add(IPAddress.Loopback);
        await using var layer = new SipTransportLayer(options, (ReadOnlySpan<byte> _, in SipPeer _) => { }, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, TimeProvider.System);

        var error = await Assert.ThrowsAsync<SipTransportBindException>(() => layer.StartAsync(CancellationToken.None));
        Assert.Equal($"SIP port {port}/{name} on 127.0.0.1 is already in use", error.Message);
    }

    [Fact]
    public async Task ExplicitAddressNotOnThisHost_ThrowsBindException()
    {
        var options = new SipTransportOptions { Port = 0 };
        options.BindAddresses.Add(IPAddress.Parse("192.0.2.123"));
        await using var layer = new SipTransportLayer(options, (ReadOnlySpan<byte> _, in SipPeer _) => { }, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, TimeProvider.System);

        var error = await Assert.ThrowsAsync<SipTransportBindException>(() => layer.StartAsync(CancellationToken.None));
        Assert.Contains("192.0.2.123", error.Message);
    }
}
