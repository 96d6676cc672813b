using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Tests.Fakes;
using Xunit;

namespace ContactCenter.Sip.Tests.Transport;

[Trait("Category", "Integration")]
public class SipTransportLoggingTests
{
    private const int DatagramTooLarge = 1206;
    private const int HandlerFailed = 1203;

    [Fact]
    public async Task OversizeDatagrams_AreLoggedOncePerSourcePerMinute()
    {
        var time = new FakeTimeProvider();
        var loggers = new FakeLoggerFactory();
        await using var server = await TransportHarness.StartAsync(o => o.MaxMessageSize = 512, time, loggers: loggers);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var target = server.EndPoint(IPAddress.Loopback);
        byte[] oversize = Encoding.ASCII.GetBytes(new string('x', 1000));

        async Task FloodAsync(int cseq)
        {
            for (int i = 0; i < 5; i++)
            {
                await client.SendToAsync(oversize, target);
            }

            // Datagrams from one socket over loopback arrive in order: once this one is in, the flood was processed.
            await client.SendToAsync(Encoding.ASCII.GetBytes(TransportHarness.Request("OPTIONS", cseq)), target);
            await server.NextAsync();
        }

        await FloodAsync(1);
        Assert.Equal(1, loggers.Count(DatagramTooLarge));

        time.Advance(TimeSpan.FromSeconds(30));
        await FloodAsync(2);
        Assert.Equal(1, loggers.Count(DatagramTooLarge));

        time.Advance(TimeSpan.FromSeconds(30));
        await FloodAsync(3);
        Assert.Equal(2, loggers.Count(DatagramTooLarge));
        Assert.Contains("9 more drops", loggers.Entries.Last(e => e.EventId.Id == DatagramTooLarge).Message);
    }

    [Fact]
    public async Task HandlerException_IsCaughtAndLogged_WithTheException()
    {
        var loggers = new FakeLoggerFactory();
        int calls = 0;
        await using var server = await TransportHarness.StartAsync(onMessage: _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("handler bug");
            }
        }, loggers: loggers);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        await client.SendToAsync(Encoding.ASCII.GetBytes(TransportHarness.Request("OPTIONS", 1)), server.EndPoint(IPAddress.Loopback));
        await client.SendToAsync(Encoding.ASCII.GetBytes(TransportHarness.Request("OPTIONS", 2)), server.EndPoint(IPAddress.Loopback));
        await server.NextAsync();
        await server.NextAsync();

        var entry = Assert.Single(loggers.Entries, e => e.EventId.Id == HandlerFailed);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }
}
