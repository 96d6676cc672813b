using ContactCenter.Data.Repositories;
using ContactCenter.Data.Seeding;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ContactCenter.Data.Tests;

[Trait("Category", "Integration")]
public sealed class PanelRepositoryTests : IDisposable
{
    private static readonly string[] SixteenKeys = [.. Enumerable.Range(1, 16).Select(i => $"key{i}")];

    private readonly TempDataDirectory _data = new();
    private readonly ContactCenterDatabase _database;

    public PanelRepositoryTests()
    {
        _database = _data.Open();
        DemoData.SeedIfNew(_database);
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public void FirstStart_BindsTheDemoPanel_ForTheFirstExtension()
    {
        var seeded = PanelDefaults.SeedIfNew(_database, SixteenKeys);

        var panel = new PanelRepository(_database);
        Assert.Equal("100", panel.Receptionist());
        PanelKeyBinding[] expected =
        [
            new("key1", PanelKeyAction.BusyLamp, "101"),
            new("key2", PanelKeyAction.BusyLamp, "102"),
            new("key3", PanelKeyAction.BusyLamp, "103"),
            new("key4", PanelKeyAction.Park, "701"),
            new("key5", PanelKeyAction.Park, "702"),
            new("key6", PanelKeyAction.DoNotDisturb),
            new("key7", PanelKeyAction.NightMode),
            new("key8", PanelKeyAction.QueueLogin),
            new("key9", PanelKeyAction.SpeedDial, "*43"),
        ];
        Assert.Equal(expected, seeded);
        Assert.Equal(expected, panel.ListKeys());
    }

    [Fact]
    public void Seeding_HappensOnce_EvenAfterTheBindingsWereRemoved()
    {
        PanelDefaults.SeedIfNew(_database, SixteenKeys);
        var panel = new PanelRepository(_database);
        foreach (var key in panel.ListKeys())
        {
            Assert.True(panel.RemoveKey(key.KeyId).Succeeded);
        }

        Assert.Empty(PanelDefaults.SeedIfNew(_database, SixteenKeys));
        Assert.Empty(panel.ListKeys());
    }

    [Fact]
    public void ASmallBoard_GetsTheFirstDefaultsThatFit()
    {
        var seeded = PanelDefaults.SeedIfNew(_database, ["a", "b", "c", "d"]);

        Assert.Equal(["101", "102", "103", "701"], seeded.Select(b => b.Argument));
    }

    [Theory]
    [InlineData("key1", PanelKeyAction.BusyLamp, "10a", "'10a' is not an extension number")]
    [InlineData("key1", PanelKeyAction.BusyLamp, null, "is not an extension number")]
    [InlineData("key1", PanelKeyAction.BusyLamp, "555", "extension 555 does not exist")]
    [InlineData("key1", PanelKeyAction.Park, "7", "park slot '7' is not an extension number")]
    [InlineData("key1", PanelKeyAction.SpeedDial, "06 12", "'06 12' is not a number to dial")]
    [InlineData("key1", PanelKeyAction.SpeedDial, "1+2", "is not a number to dial")]
    [InlineData("key1", PanelKeyAction.DoNotDisturb, "100", "a dnd key takes no argument")]
    [InlineData("key 1", PanelKeyAction.DoNotDisturb, null, "'key 1' is not a key id")]
    [InlineData("key1", (PanelKeyAction)42, null, "unknown key action 42")]
    public void BadBindings_AreRefusedWithTheReason_AndChangeNothing(string key, PanelKeyAction action, string? argument, string reason)
    {
        var panel = new PanelRepository(_database);
        Assert.True(panel.SetKey(new PanelKeyBinding("key1", PanelKeyAction.NightMode)).Succeeded);

        var result = panel.SetKey(new PanelKeyBinding(key, action, argument));

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Equal([new PanelKeyBinding("key1", PanelKeyAction.NightMode)], panel.ListKeys());
    }

    [Theory]
    [InlineData(PanelKeyAction.SpeedDial, "+33140000000")]
    [InlineData(PanelKeyAction.SpeedDial, "*43#")]
    [InlineData(PanelKeyAction.Park, "701")]
    [InlineData(PanelKeyAction.BusyLamp, "102")]
    public void GoodBindings_ReplaceTheKeysBinding(PanelKeyAction action, string argument)
    {
        var panel = new PanelRepository(_database);
        panel.SetKey(new PanelKeyBinding("key3", PanelKeyAction.DoNotDisturb));

        Assert.True(panel.SetKey(new PanelKeyBinding("key3", action, argument)).Succeeded);

        Assert.Equal([new PanelKeyBinding("key3", action, argument)], panel.ListKeys());
    }

    [Fact]
    public void Schema_RefusesWhatTheRulesRefuse_EvenWithoutTheRepository()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO panel_keys (key_id, action, argument, updated_at) VALUES ('k1', 'blf', NULL, 0)";

        Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
        command.CommandText = "INSERT INTO panel_keys (key_id, action, argument, updated_at) VALUES ('k1', 'lamp', '101', 0)";
        Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
        command.CommandText = "INSERT INTO panel_keys (key_id, action, argument, updated_at) VALUES ('k1', 'dnd', '101', 0)";
        Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
    }

    [Fact]
    public void Receptionist_MustBeAnExistingExtension()
    {
        var panel = new PanelRepository(_database);
        Assert.True(panel.SetReceptionist("102").Succeeded);

        Assert.Equal("extension 555 does not exist", panel.SetReceptionist("555").Error);
        Assert.Equal("'x' is not an extension number (2 to 10 digits)", panel.SetReceptionist("x").Error);
        Assert.Equal("102", panel.Receptionist());
    }

    [Fact]
    public void NightMode_IsOffOnANewAppliance_AndToggles()
    {
        var flags = new OperatingFlagsRepository(_database);
        Assert.False(flags.NightMode());

        flags.SetNightMode(true);

        Assert.True(new OperatingFlagsRepository(_data.Open()).NightMode());
    }

    [Fact]
    public void QueueLogin_IsPerExtension_LoggedOutByDefault()
    {
        var flags = new OperatingFlagsRepository(_database);
        Assert.False(flags.IsQueueLoggedIn("100"));

        Assert.True(flags.SetQueueLogin("100", true).Succeeded);
        Assert.Equal("extension 555 does not exist", flags.SetQueueLogin("555", true).Error);

        Assert.True(flags.IsQueueLoggedIn("100"));
        Assert.False(flags.IsQueueLoggedIn("101"));
        new ExtensionRepository(_database).Remove("100");
        Assert.False(flags.IsQueueLoggedIn("100"));
    }

    [Fact]
    public void WatchPolicy_IsOpenByDefault_AndRestrictsPerWatchedExtension()
    {
        var policy = new PresencePolicyRepository(_database);
        Assert.Equal((true, 0), (policy.Load().AllExtensionsMayWatch, policy.Load().Watchers.Count));

        Assert.True(policy.SetWatchers("101", ["103", "100"]).Succeeded);
        Assert.True(policy.SetWatchers("102", []).Succeeded);
        policy.SetAllMayWatch(false);

        var loaded = policy.Load();
        Assert.False(loaded.AllExtensionsMayWatch);
        Assert.Equal(["100", "103"], loaded.Watchers["101"]);
        Assert.Empty(loaded.Watchers["102"]);

        Assert.True(policy.SetWatchers("101", null).Succeeded);
        Assert.False(policy.Load().Watchers.ContainsKey("101"));
    }

    [Theory]
    [InlineData("555", new[] { "100" }, "extension 555 does not exist")]
    [InlineData("101", new[] { "100", "555" }, "watcher 555 of extension 101 does not exist")]
    [InlineData("101", new[] { "101" }, "always watches itself")]
    public void BadWatcherLists_AreRefused_AndChangeNothing(string watched, string[] watchers, string reason)
    {
        var policy = new PresencePolicyRepository(_database);
        policy.SetWatchers("101", ["102"]);

        var result = policy.SetWatchers(watched, watchers);

        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Equal(["102"], policy.Load().Watchers["101"]);
    }
}
