using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Rtp;
using Xunit;

namespace ContactCenter.Media.Tests.Rtp;

/// <summary>The one latching rule shared by the relay and the endpoints, without sockets.</summary>
public class RtpLatchTests
{
    private static readonly IPEndPoint Declared = new(IPAddress.Parse("192.168.1.20"), 4000);
    private static readonly IPEndPoint Natted = new(IPAddress.Parse("203.0.113.5"), 31000);
    private static readonly IPEndPoint Stray = new(IPAddress.Parse("198.51.100.9"), 5000);

    [Fact]
    public void TheDeclaredAddress_IsConfirmedByTheFirstPacketFromIt()
    {
        var latch = new RtpLatch(AddressFamily.InterNetwork, relatchThreshold: 3);
        Assert.True(latch.SetDeclared(Declared));
        Assert.False(latch.Current!.Latched);

        Assert.Equal(RtpLatchOutcome.Confirmed, Accept(latch, Declared));
        Assert.Equal(RtpLatchOutcome.Accepted, Accept(latch, Declared));
        Assert.True(latch.Current!.Latched);
        Assert.Equal(Declared, latch.Current.EndPoint);
    }

    [Fact]
    public void AnUnconfirmedDeclaration_FollowsTheFirstPacket_FromAnywhere()
    {
        var latch = new RtpLatch(AddressFamily.InterNetwork, relatchThreshold: 3);
        latch.SetDeclared(Declared);

        Assert.Equal(RtpLatchOutcome.Latched, latch.Accept(Natted.Serialize(), mayLatch: true, out var latched, out var replaced));
        Assert.Equal(Natted, latched!.EndPoint);
        Assert.Equal(Declared, replaced!.EndPoint);
        Assert.Equal(Natted, latch.Current!.EndPoint);
    }

    [Fact]
    public void ANewSource_TakesOver_OnlyAfterTheThreshold_OfConsecutivePackets()
    {
        var latch = new RtpLatch(AddressFamily.InterNetwork, relatchThreshold: 3);
        latch.SetDeclared(Declared);
        Accept(latch, Declared);

        Assert.Equal(RtpLatchOutcome.Rejected, Accept(latch, Natted));
        Assert.Equal(RtpLatchOutcome.Rejected, Accept(latch, Natted));
        Assert.Equal(RtpLatchOutcome.Accepted, Accept(latch, Declared)); // the current source resets the count
        Assert.Equal(RtpLatchOutcome.Rejected, Accept(latch, Natted));
        Assert.Equal(RtpLatchOutcome.Rejected, Accept(latch, Stray)); // another stranger resets it too
        Assert.Equal(RtpLatchOutcome.Rejected, Accept(latch, Natted));
        Assert.Equal(RtpLatchOutcome.Rejected, Accept(latch, Natted));
        Assert.Equal(Declared, latch.Current!.EndPoint);

        Assert.Equal(RtpLatchOutcome.Latched, Accept(latch, Natted));
        Assert.Equal(Natted, latch.Current!.EndPoint);
    }

    [Fact]
    public void TheDeclaredAddress_WinsBackAtOnce_OverAStrayThatLatchedFirst()
    {
        var latch = new RtpLatch(AddressFamily.InterNetwork, relatchThreshold: 3);
        latch.SetDeclared(Declared);
        Assert.Equal(RtpLatchOutcome.Latched, Accept(latch, Stray));

        Assert.Equal(RtpLatchOutcome.Latched, Accept(latch, Declared));
        Assert.Equal(Declared, latch.Current!.EndPoint);
    }

    [Fact]
    public void PacketsThatMayNotLatch_PassFromTheCurrentSourceOnly()
    {
        var latch = new RtpLatch(AddressFamily.InterNetwork, relatchThreshold: 1);
        latch.SetDeclared(Declared);

        Assert.Equal(RtpLatchOutcome.Rejected, latch.Accept(Natted.Serialize(), mayLatch: false, out _, out _));
        Assert.Equal(RtpLatchOutcome.Confirmed, latch.Accept(Declared.Serialize(), mayLatch: false, out _, out _));
        Assert.Equal(Declared, latch.Current!.EndPoint);
    }

    [Fact]
    public void AnUnchangedDeclaration_KeepsTheLatch_AndHoldClearsIt()
    {
        var latch = new RtpLatch(AddressFamily.InterNetwork, relatchThreshold: 3);
        latch.SetDeclared(Declared);
        Accept(latch, Natted);

        Assert.False(latch.SetDeclared(new IPEndPoint(Declared.Address, Declared.Port)));
        Assert.Equal(Natted, latch.Current!.EndPoint);

        Assert.True(latch.SetDeclared(null));
        Assert.Null(latch.Current);
        Assert.Equal(RtpLatchOutcome.Latched, Accept(latch, Stray));
        Assert.True(latch.SetDeclared(Declared));
        Assert.Equal(Declared, latch.Current!.EndPoint);
    }

    private static RtpLatchOutcome Accept(RtpLatch latch, IPEndPoint source) => latch.Accept(source.Serialize(), mayLatch: true, out _, out _);
}
