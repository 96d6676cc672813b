using System.Net;
using ContactCenter.Board.Leds;
using ContactCenter.Data;
using ContactCenter.Data.Repositories;
using ContactCenter.Data.Seeding;
using ContactCenter.Firmware.Panel;
using ContactCenter.Firmware.Pbx;
using ContactCenter.Pbx.Attendant;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip.Transport;
using Xunit;

namespace ContactCenter.Firmware.Tests.Panel;

public class PanelPiecesTests
{
    private static RegistrationBinding Bound(string extension) => new(extension, $"sip:{extension}@127.0.0.1", null, SipTransportProtocol.Udp,
        new IPEndPoint(IPAddress.Loopback, 5062), 0, DateTimeOffset.MaxValue, "c", 1, null);

    [Fact]
    public void SipLed_IsHealthyOnlyWhenEveryExtensionIsRegistered()
    {
        Assert.Equal(ServiceHealth.Healthy, SipHealth.Of(["100", "101"], [Bound("100"), Bound("101"), Bound("101")]));
        Assert.Equal(ServiceHealth.Degraded, SipHealth.Of(["100", "101"], [Bound("100")]));
        Assert.Equal(ServiceHealth.Healthy, SipHealth.Of([], []));
    }

    [Theory]
    [InlineData(AttendantLamp.Idle, nameof(LedPalette.Idle))]
    [InlineData(AttendantLamp.Ringing, nameof(LedPalette.Ringing))]
    [InlineData(AttendantLamp.Busy, nameof(LedPalette.Busy))]
    [InlineData(AttendantLamp.Away, nameof(LedPalette.Away))]
    [InlineData(AttendantLamp.Parked, nameof(LedPalette.Parked))]
    [InlineData(AttendantLamp.Recall, nameof(LedPalette.Recall))]
    [InlineData(AttendantLamp.Active, nameof(LedPalette.Active))]
    [InlineData(AttendantLamp.Attention, nameof(LedPalette.Attention))]
    public void EveryLamp_IsThePalettePatternOfTheSameName(AttendantLamp lamp, string palette) =>
        Assert.Equal(typeof(LedPalette).GetProperty(palette)!.GetValue(null), LampPatterns.For(lamp));

    [Fact]
    [Trait("Category", "Integration")]
    public void PresenceOptions_CarryTheStoredWatchPolicy_AndLetEveryoneWatchTheParkSlots()
    {
        var directory = Directory.CreateTempSubdirectory("cc-policy-").FullName;
        try
        {
            var database = ContactCenterDatabase.Open(directory, TimeProvider.System);
            DemoData.SeedIfNew(database);
            var policy = new PresencePolicyRepository(database);
            policy.SetAllMayWatch(false);
            policy.SetWatchers("101", ["100"]);

            var options = PresencePolicyOptions.Load(database, ["701", "702"]);

            Assert.True(options.MayWatch("102", "701"));
            Assert.True(options.MayWatch("100", "101"));
            Assert.False(options.MayWatch("102", "101"));
            Assert.False(options.MayWatch("100", "102"));
            Assert.True(options.MayWatch("102", "102"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
