using System.Net;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip.Transport;
using Xunit;

namespace ContactCenter.Pbx.Tests.Registrar;

public class RegistrationBindingTests
{
    private static readonly IPEndPoint Phone = new(IPAddress.Parse("192.0.2.10"), 41366);

    private static RegistrationBinding Binding(SipTransportProtocol transport, string contact, IPEndPoint received, long connectionId) =>
        new("202", contact, null, transport, received, connectionId, DateTimeOffset.UnixEpoch, "call-id", 1, "baresip v1.0.0");

    [Fact]
    public void Udp_ContactAtTheSourceAddress_IsReachedAtTheContactPort()
    {
        var target = Binding(SipTransportProtocol.Udp, "sip:202@192.0.2.10:5062", Phone, 0).Target;

        Assert.Equal(new SipDestination(SipTransportProtocol.Udp, new IPEndPoint(Phone.Address, 5062)), target);
    }

    [Fact]
    public void Udp_ContactElsewhere_IsReachedAtTheSource_ThroughTheNat()
    {
        var target = Binding(SipTransportProtocol.Udp, "sip:202@10.0.0.7:5060", Phone, 0).Target;

        Assert.Equal(new SipDestination(SipTransportProtocol.Udp, Phone), target);
    }

    [Fact]
    public void Tcp_PrefersThePhonesConnection_AndFallsBackToItsListeningPort_NotTheEphemeralSourcePort()
    {
        // The REGISTER came from an ephemeral port; after a restart the binding has no connection (id 0), and a new one
        // must go where the phone listens (baresip over TCP, found by the interop tests).
        var live = Binding(SipTransportProtocol.Tcp, "sip:202@192.0.2.10:5062;transport=tcp", Phone, 7).Target;
        var restored = Binding(SipTransportProtocol.Tcp, "sip:202@192.0.2.10:5062;transport=tcp", Phone, 0).Target;

        Assert.Equal(new SipDestination(SipTransportProtocol.Tcp, new IPEndPoint(Phone.Address, 5062), 7), live);
        Assert.Equal(new SipDestination(SipTransportProtocol.Tcp, new IPEndPoint(Phone.Address, 5062)), restored);
    }

    [Fact]
    public void Tcp_ContactElsewhere_StaysOnTheConnectionAndItsSource()
    {
        var target = Binding(SipTransportProtocol.Tcp, "sip:202@10.0.0.7:5060;transport=tcp", Phone, 7).Target;

        Assert.Equal(new SipDestination(SipTransportProtocol.Tcp, Phone, 7), target);
    }
}
