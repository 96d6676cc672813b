using System.Net;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip.Tests.Fakes;

using Xunit;

namespace ContactCenter.Pbx.Tests.Registrar;

[Trait("Category", "Integration")]
public class BanTests
{
    private static readonly IPEndPoint Guesser = new(IPAddress.Parse("198.51.100.9"), 5060);

    private static async Task FailAsync(RegistrarHarness h, string extension, int times, IPEndPoint from)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(401, (await new FakePhone(extension, "guess" + i).RegisterAsync(h, from: from)).StatusCode);
        }
    }

    [Fact]
    public async Task TenWrongPasswords_BanTheSourceForThatExtension_EvenTheRightPasswordIsRefused_UntilTheBanEnds()
    {
        await using var h = new RegistrarHarness().WithExtensions("200", "201").Started();
        await FailAsync(h, "200", 10, Guesser);

        var ban = Assert.Single(h.Registrar.Guard.ListBans());
        Assert.Equal("200", ban.Extension);
        Assert.Equal(401, (await new FakePhone("200", RegistrarHarness.Password).RegisterAsync(h, from: Guesser)).StatusCode);
        Assert.Equal(200, (await new FakePhone("201", RegistrarHarness.Password).RegisterAsync(h, from: Guesser)).StatusCode);
        Assert.Equal(200, (await new FakePhone("200", RegistrarHarness.Password).RegisterAsync(h, from: new IPEndPoint(IPAddress.Parse("10.0.0.5"), 5060))).StatusCode);

        h.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Empty(h.Registrar.Guard.ListBans());
        Assert.Equal(200, (await new FakePhone("200", RegistrarHarness.Password).RegisterAsync(h, from: Guesser)).StatusCode);
    }

    [Fact]
    public async Task FailuresSpreadOverMoreThanTheWindow_DoNotBan()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        await FailAsync(h, "200", 9, Guesser);
        h.Time.Advance(TimeSpan.FromMinutes(2));
        await FailAsync(h, "200", 1, Guesser);
        Assert.Empty(h.Registrar.Guard.ListBans());
    }

    [Fact]
    public async Task FailuresAcrossManyExtensions_BanTheWholeSource()
    {
        await using var h = new RegistrarHarness().WithExtensions("200", "201").Started();
        foreach (var extension in new[] { "300", "301", "302", "303", "304" })
        {
            await FailAsync(h, extension, 1, Guesser);
        }

        Assert.Contains(h.Registrar.Guard.ListBans(), b => b.Extension is null && b.Source.Equals(Guesser.Address));
        Assert.Equal(401, (await new FakePhone("201", RegistrarHarness.Password).RegisterAsync(h, from: Guesser)).StatusCode);
    }

    [Fact]
    public async Task OfficeNatAddress_HoldingOtherRegistrations_IsNeverBannedAsAWhole()
    {
        await using var h = new RegistrarHarness().WithExtensions("200", "201").Started();
        var office = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5060);
        Assert.Equal(200, (await new FakePhone("201", RegistrarHarness.Password).RegisterAsync(h, from: office)).StatusCode);

        foreach (var extension in new[] { "200", "300", "301", "302", "303", "304" })
        {
            await FailAsync(h, extension, 1, office);
        }
        await FailAsync(h, "200", 10, office);

        Assert.DoesNotContain(h.Registrar.Guard.ListBans(), b => b.Extension is null);
        Assert.Contains(h.Registrar.Guard.ListBans(), b => b.Extension == "200");
        var refresh = await new FakePhone("201", RegistrarHarness.Password, "sip:other@192.168.1.11").RegisterAsync(h, from: office);
        Assert.Equal(200, refresh.StatusCode);
    }

    [Fact]
    public void Guard_CountsPerSourceAndExtension()
    {
        var time = new FakeTimeProvider();
        var guard = new AuthFailureGuard(new RegistrarOptions { FailuresBeforeBan = 3 }, time);
        var a = IPAddress.Parse("10.1.1.1");
        var b = IPAddress.Parse("10.1.1.2");
        guard.RecordFailure(a, "100", false);
        guard.RecordFailure(b, "100", false);
        guard.RecordFailure(a, "100", false);
        Assert.False(guard.IsBanned(a, "100"));
        guard.RecordFailure(a, "100", false);
        Assert.True(guard.IsBanned(a, "100"));
        Assert.False(guard.IsBanned(b, "100"));
        Assert.False(guard.IsBanned(a, "101"));
    }
}
