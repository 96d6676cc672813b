using ContactCenter.Data.Repositories;
using ContactCenter.Data.Snapshots;
using Xunit;

namespace ContactCenter.Data.Tests;

[Trait("Category", "Integration")]
public sealed class ExtensionDirectoryTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Start_LoadsTheFirstSnapshot()
    {
        var database = _data.Open();
        new ExtensionRepository(database).Add(new NewExtension("100", "Alice", "alice-pass-42"));
        using var directory = new ExtensionDirectory(database, _data.Time);

        directory.Start();

        Assert.True(directory.Current.TryGet("100", out var alice));
        Assert.Equal("Alice", alice.DisplayName);
        Assert.Equal("contactcenter.local", directory.Current.Realm);
        Assert.Equal(1, directory.Current.Version);
    }

    [Fact]
    public void OwnCommit_IsVisibleAtOnce_WithoutWaitingForThePoll()
    {
        var database = _data.Open();
        using var directory = new ExtensionDirectory(database, _data.Time);
        directory.Start();

        new ExtensionRepository(database).Add(new NewExtension("100", "Alice", "alice-pass-42"));

        Assert.True(directory.Current.ByNumber.ContainsKey("100"));
        Assert.True(directory.Changes.TryRead(out var version));
        Assert.Equal(directory.Current.Version, version);
    }

    [Fact]
    public void OtherConnectionsCommit_IsSeenOnTheNextPoll()
    {
        var appliance = _data.Open();
        var cli = ContactCenterDatabase.Open(_data.Path, TimeProvider.System); // another "process": no shared commit hook
        using var directory = new ExtensionDirectory(appliance, _data.Time);
        directory.Start();
        var before = directory.Current;

        Assert.Equal(ChangeResult.Done, new ExtensionRepository(cli).Add(new NewExtension("100", "Alice", "alice-pass-42")));
        Assert.Same(before, directory.Current);
        Assert.False(directory.Changes.TryRead(out _));

        _data.Time.Advance(ExtensionDirectory.PollInterval);

        Assert.NotSame(before, directory.Current);
        Assert.True(directory.Current.ByNumber.ContainsKey("100"));
        Assert.True(directory.Changes.TryRead(out var version));
        Assert.Equal(before.Version + 1, version);

        new ExtensionRepository(cli).SetStatus("100", ExtensionStatus.DoNotDisturb);
        _data.Time.Advance(ExtensionDirectory.PollInterval);
        Assert.Equal(ExtensionStatus.DoNotDisturb, directory.Current.ByNumber["100"].Status);

        new ExtensionRepository(cli).Remove("100");
        _data.Time.Advance(ExtensionDirectory.PollInterval);
        Assert.Empty(directory.Current.Extensions);
    }

    [Fact]
    public void IdlePolls_KeepTheSameSnapshot_AndSignalNothing()
    {
        var database = _data.Open();
        using var directory = new ExtensionDirectory(database, _data.Time);
        directory.Start();
        var first = directory.Current;

        _data.Time.Advance(ExtensionDirectory.PollInterval * 20);

        Assert.Same(first, directory.Current);
        Assert.False(directory.Changes.TryRead(out _));
    }

    [Fact]
    public void UnrelatedCommits_ByOthers_DoNotPublishANewVersion()
    {
        var appliance = _data.Open();
        var other = ContactCenterDatabase.Open(_data.Path, TimeProvider.System);
        using var directory = new ExtensionDirectory(appliance, _data.Time);
        directory.Start();
        var first = directory.Current;

        new SettingsRepository(other).Set("unrelated", "1");
        _data.Time.Advance(ExtensionDirectory.PollInterval);

        Assert.Same(first, directory.Current);
    }

    [Fact]
    public void Dispose_StopsPolling_AndCompletesTheChanges()
    {
        var database = _data.Open();
        var directory = new ExtensionDirectory(database, _data.Time);
        directory.Start();

        directory.Dispose();

        Assert.Equal(0, _data.Time.ActiveTimerCount);
        Assert.True(directory.Changes.Completion.IsCompleted);
        new ExtensionRepository(database).Add(new NewExtension("100", "Alice", "alice-pass-42"));
        Assert.Empty(directory.Current.Extensions);
    }
}
