using System.Net;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;

using Xunit;

namespace ContactCenter.Sip.Tests.Fakes;

/// <summary>A stack on a fake network and a fake clock: time moves only when a test advances it.</summary>
public sealed class StackHarness : IAsyncDisposable
{
    public StackHarness(Action<SipStackOptions>? configure = null)
    {
        var options = new SipStackOptions { AdvertisedHost = "127.0.0.1" };
        configure?.Invoke(options);
        Stack = new SipStack(options, NullLoggerFactory.Instance, Time);
        Stack.Start(Network);
    }

    public FakeTimeProvider Time { get; } = new();

    public FakeSipNetwork Network { get; } = new();

    public SipStack Stack { get; }

    public void Deliver(string text, SipTransportProtocol protocol = SipTransportProtocol.Udp) => FakeSipNetwork.Deliver(Stack, text, protocol);

    /// <summary>Advances the clock, then waits for the loop to handle the timers that fired, and returns what was sent.</summary>
    public async Task<List<FakeSipNetwork.Sent>> AdvanceAsync(TimeSpan delta)
    {
        Time.Advance(delta);
        return await Network.DrainAsync(Stack);
    }

    public Task<List<FakeSipNetwork.Sent>> DrainAsync() => Network.DrainAsync(Stack);

    public static SipMessageBuilder NewRequest(SipMethod method, string target = "sip:bob@127.0.0.1:5070") =>
        SipMessageBuilder.Request(method, target)
            .Add(SipHeaderId.From, $"<sip:pbx@127.0.0.1>;tag={SipIdentifiers.NewTag()}")
            .Add(SipHeaderId.To, $"<{target}>")
            .Add(SipHeaderId.CallId, SipIdentifiers.NewCallId())
            .Add(SipHeaderId.CSeq, $"1 {method.ToToken()}")
            .Add(SipHeaderId.Contact, "<sip:pbx@127.0.0.1:5060>");

    public static SipDestination Udp => new(SipTransportProtocol.Udp, FakeSipNetwork.PeerEndPoint);

    public static SipDestination Tcp => new(SipTransportProtocol.Tcp, FakeSipNetwork.PeerEndPoint);

    public ValueTask DisposeAsync() => Stack.DisposeAsync();
}
